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
    /* The kinds side by side, two a row, as cards; one a row on a phone. */
    .kinds {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
      gap: 0.5rem;
    }
    .kinds legend {
      grid-column: 1 / -1;
    }
    label.kind {
      display: flex;
      gap: 0.6rem;
      align-items: flex-start;
      margin: 0;
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: normal;
      cursor: pointer;
    }
    label.kind:has(input:checked) {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    label.kind input {
      margin-top: 0.2rem;
    }
    .kind-name {
      display: block;
      font-weight: 600;
    }
    .kinds .hint {
      display: block;
    }
  `,
];
