import { css } from 'lit';

/** The scrolling list and its empty and error states, shared by the list elements. */
export const listStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    min-width: 0;
  }
  [part~='badge'] {
    font-size: 0.75em;
    font-weight: 600;
    padding: 0.15rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
    white-space: nowrap;
  }
  [part~='badge-active'] {
    color: var(--_success);
    border-color: currentColor;
  }
  [part~='badge-inactive'] {
    color: var(--_danger);
    border-color: currentColor;
  }
  [part='list'] {
    max-height: var(--grantkit-list-height, 28rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .item {
    width: 100%;
  }
  [part='empty'],
  [part='error'],
  [part='forbidden'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75rem;
    padding: 1.5rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  [part='empty'] p,
  [part='error'] p,
  [part='forbidden'] p {
    margin: 0;
  }
`;

/** A plain list of rows that wrap on a narrow screen: name and details on the left, an action on the right. */
export const rowListStyles = css`
  ul[part='list'] {
    height: auto;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.7rem 1rem;
    border-bottom: 1px solid var(--_border);
  }
  /* The list has a border of its own. */
  [part='row']:last-child {
    border-bottom: 0;
  }
  .name {
    font-weight: 600;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
