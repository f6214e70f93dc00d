import { css } from 'lit';

/** A titled card of an element (`::part(section)`): <integration-details>' sections and <integration-keys>, which sits among them, look the same. */
export const sectionStyles = css`
  [part~='section'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem 1.25rem;
    background: var(--_surface);
  }
  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.05rem;
  }
  .note {
    color: var(--_muted);
  }
`;
