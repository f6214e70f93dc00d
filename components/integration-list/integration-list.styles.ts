import { css } from 'lit';
import { filterStyles } from '../shared/filter-choice.js';
import { listStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  listStyles,
  filterStyles,
  css`
    [part='toolbar'] {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    [part='search'] {
      flex: 1 1 16rem;
      font: inherit;
      padding: 0.55rem 0.7rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    [part='count'] {
      color: var(--_muted);
      font-size: 0.9em;
    }
    :host {
      /* The rows lay out by the list's own width, not the window's: a list in a narrow column is narrow too. */
      container-type: inline-size;
    }
    [part='row'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25rem 1rem;
      align-items: center;
      width: 100%;
      box-sizing: border-box;
      text-align: left;
      border: 0;
      border-bottom: 1px solid var(--_border);
      border-radius: 0;
      padding: 0.7rem 1rem;
      background: var(--_surface);
    }
    [part='row']:hover,
    [part='row'][aria-current='true'] {
      background: var(--_raised);
    }
    [part='row'][aria-current='true'] {
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    .name {
      font-weight: 600;
      /* Whole words move to the next line; only a word longer than the line is broken. */
      overflow-wrap: break-word;
    }
    .meta {
      grid-column: 1;
      color: var(--_muted);
      font-size: 0.85em;
      overflow-wrap: break-word;
    }
    .badges {
      grid-column: 2;
      grid-row: 1 / span 3;
      align-self: start;
      display: flex;
      gap: 0.35rem;
    }
    /* Narrow (a phone): the badges go under the name instead of squeezing it to a word a line. */
    @container (max-width: 28rem) {
      [part='row'] {
        grid-template-columns: minmax(0, 1fr);
      }
      .badges {
        grid-column: 1;
        grid-row: auto;
        flex-wrap: wrap;
      }
    }
    .skeleton {
      padding: 0.85rem 1rem;
      border-bottom: 1px solid var(--_border);
    }
    .skeleton span {
      display: block;
      height: 0.8rem;
      border-radius: 4px;
      background: var(--_raised);
      margin: 0.3rem 0;
    }
    .skeleton span:first-child {
      width: 40%;
    }
    .skeleton span:last-child {
      width: 65%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton span {
        animation: pulse 1.2s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    .more {
      padding: 0.6rem 1rem;
      color: var(--_muted);
    }
  `,
];
