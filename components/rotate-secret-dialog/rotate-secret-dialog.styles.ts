import { css } from 'lit';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  css`
    dialog {
      width: min(34rem, calc(100vw - 2rem));
      box-sizing: border-box;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 1.5);
      background: var(--_surface);
      color: var(--_text);
      padding: 1.5rem;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.25rem;
    }
    p {
      margin: 0 0 0.75rem;
      line-height: 1.45;
    }
    .warning {
      font-weight: 600;
      color: var(--_danger);
    }
    label {
      display: block;
      font-weight: 600;
      margin: 1rem 0 0.35rem;
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
    select,
    input[type='text'] {
      font: inherit;
      padding: 0.5rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    [part='secret-row'] {
      display: flex;
      gap: 0.5rem;
    }
    [part='secret'] {
      flex: 1;
      min-width: 0;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    }
    [part='actions'] {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1.5rem;
    }
    .status {
      color: var(--_success);
      min-height: 1.4em;
    }
  `,
];
