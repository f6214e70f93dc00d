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
  `,
];
