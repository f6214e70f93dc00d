import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { listStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  listStyles,
  dialogStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    [part='toolbar'] {
      display: flex;
      justify-content: flex-end;
    }
    ul[part='list'] {
      height: auto;
      max-height: var(--grantkit-list-height, 28rem);
      overflow: auto;
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
    .name {
      font-weight: 600;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.85em;
    }
    input[type='text'] {
      width: 100%;
      box-sizing: border-box;
    }
  `,
];
