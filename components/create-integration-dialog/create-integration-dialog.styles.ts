import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { theme } from '../shared/theme.js';
import { callbackUrlStyles } from '../shared/callback-url.styles.js';

export const styles = [
  theme,
  dialogStyles,
  callbackUrlStyles,
  css`
    dialog {
      width: min(40rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
    }
    input[type='text'],
    textarea {
      width: 100%;
      box-sizing: border-box;
    }
    input[type='number'] {
      width: 9rem;
    }
    .pair {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 1rem;
    }
  `,
];
