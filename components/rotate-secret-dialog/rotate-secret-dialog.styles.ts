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
  `,
];
