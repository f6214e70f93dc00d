import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  dialogStyles,
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
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .pair {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 1rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 1rem 0 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.35rem;
    }
    .option {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      font-weight: normal;
      margin: 0.3rem 0;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0.25rem 0 0;
    }
    .field-error {
      color: var(--_danger);
      font-size: 0.9em;
      margin: 0.25rem 0 0;
    }
  `,
];
