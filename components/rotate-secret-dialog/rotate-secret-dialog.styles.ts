import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  dialogStyles,
  css`
    .warning {
      font-weight: 600;
      color: var(--_danger);
    }
    label.check {
      display: flex;
      gap: 0.6rem;
      align-items: flex-start;
      font-weight: normal;
    }
    label.check input {
      margin-top: 0.2rem;
    }
    select {
      font: inherit;
      padding: 0.5rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
  `,
];
