import { css } from 'lit';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  css`
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    [part='base'] {
      display: inline-flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    [part='user'] {
      display: inline-flex;
      flex-direction: column;
      line-height: 1.3;
    }
    [part='name'] {
      font-weight: 600;
    }
    [part='email'] {
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part='error'] {
      margin: 0;
      max-width: 32rem;
    }
  `,
];
