import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { listStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  dialogStyles,
  listStyles,
  css`
    [part='toolbar'] {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
    }
    .count,
    .note,
    .description,
    [part='usage'] {
      color: var(--_muted);
    }
    .note {
      margin: 0;
    }
    ul[part='in-use'] {
      margin: 0 0 1rem;
      padding-inline-start: 1.25rem;
      overflow-wrap: anywhere;
    }
    ul[part='in-use'] a,
    ul[part='in-use'] a:visited {
      color: var(--_accent);
    }
    ul[part='in-use'] .more {
      list-style: none;
      color: var(--_muted);
    }
    ul[part='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      height: auto;
      max-height: var(--grantkit-list-height, 28rem);
    }
    [part='row'] {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 1rem;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid var(--_border);
    }
    [part='row']:last-child {
      border-bottom: 0;
    }
    :host {
      /* Rows lay out by the element's own width: in a phone-wide column the actions go under the scope. */
      container-type: inline-size;
    }
    @container (max-width: 26rem) {
      [part='row'] {
        flex-direction: column;
        gap: 0.5rem;
      }
    }
    .main {
      min-width: 0;
    }
    .main p {
      margin: 0.25rem 0 0;
    }
    [part='name'] {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-weight: 600;
      overflow-wrap: break-word;
    }
    label.allow {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      font-weight: normal;
    }
    [part='allow'] {
      width: 1.1rem;
      height: 1.1rem;
      accent-color: var(--_accent);
    }
    [part='urls'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      list-style: none;
      margin: 0.35rem 0 0;
      padding: 0;
    }
    [part='urls'] code {
      font-size: 0.85em;
      padding: 0.1rem 0.4rem;
      border-radius: var(--_radius);
      background: var(--_raised);
      overflow-wrap: anywhere;
    }
    [part='usage'] {
      font-size: 0.9em;
    }
    .row-actions {
      display: flex;
      gap: 0.5rem;
      flex-shrink: 0;
    }
    .row-actions button {
      padding: 0.35rem 0.75rem;
    }
    [part='delete'] {
      color: var(--_danger);
    }
    input[type='text'],
    textarea {
      width: 100%;
      box-sizing: border-box;
    }
  `,
];
