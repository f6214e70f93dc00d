import { css } from 'lit';

/** The look of the callback- and logout-URL editors (callback-url-editor.ts), the same wherever they are used. */
export const callbackUrlStyles = css`
  [part~='redirect'],
  [part~='logout-url'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.5rem;
    margin: 0.4rem 0;
  }
  [part~='redirect'] input,
  [part~='logout-url'] input {
    width: 100%;
    box-sizing: border-box;
  }
  [part~='redirect'] .field-error,
  [part~='logout-url'] .field-error {
    grid-column: 1 / -1;
  }
  [part~='redirect'] button,
  [part~='logout-url'] button {
    padding: 0.3rem 0.8rem;
  }
  button.add,
  button.add-logout {
    margin-top: 0.25rem;
  }
`;
