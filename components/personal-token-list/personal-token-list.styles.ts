import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { listStyles, rowListStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  listStyles,
  rowListStyles,
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
    input[type='text'] {
      width: 100%;
      box-sizing: border-box;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: flex-end;
    }
    [part~='permission'] {
      align-items: flex-start;
    }
    .permission-description {
      display: block;
      color: var(--_muted);
      font-size: 0.875em;
    }
    [part='expiry'] {
      display: grid;
      gap: 0.25rem;
    }
  `,
];
