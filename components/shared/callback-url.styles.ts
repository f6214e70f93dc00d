import { css } from 'lit';

/** The look of the callback-URL editor (callback-url-editor.ts), the same wherever it is used. */
export const callbackUrlStyles = css`
  [part~='redirect'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.5rem;
    margin: 0.4rem 0;
  }
  [part~='redirect'] input {
    width: 100%;
    box-sizing: border-box;
  }
  [part~='redirect'] .field-error {
    grid-column: 1 / -1;
  }
  [part~='redirect'] button {
    padding: 0.3rem 0.8rem;
  }
  button.add {
    margin-top: 0.25rem;
  }
`;
