import { css } from 'lit';
import { copyButtonStyles } from './copy-feedback.js';

/** The native dialogs and forms of the elements: one look, field errors, and the secret-once view (its copy button too). */
export const dialogStyles = css`
  ${copyButtonStyles}
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
  dialog h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
  }
  dialog p {
    margin: 0 0 0.75rem;
    line-height: 1.45;
  }
  [part='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1.5rem;
  }
  [part='secret-row'] {
    display: flex;
    gap: 0.5rem;
  }
  [part='secret'] {
    flex: 1;
    min-width: 0;
    font: inherit;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    padding: 0.5rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .status {
    color: var(--_success);
    min-height: 1.4em;
  }
  input[type='text'],
  input[type='number'],
  input[type='url'],
  textarea,
  select {
    font: inherit;
    padding: 0.5rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
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
  :is(input, textarea, select)[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0.25rem 0 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.25rem 0 0;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 1rem 0 0.35rem;
  }
`;
