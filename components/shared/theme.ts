import { css } from 'lit';

/**
 * Design tokens every element uses. Each element reads `--grantkit-*` custom properties
 * set anywhere above it, falling back to these defaults, light or dark as the page asks.
 */
export const theme = css`
  :host {
    --_accent: var(--grantkit-color-accent, #3b5bdb);
    --_on-accent: var(--grantkit-color-on-accent, #fff);
    --_surface: var(--grantkit-color-surface, #fff);
    --_raised: var(--grantkit-color-raised, #f6f7fb);
    --_text: var(--grantkit-color-text, #1d2129);
    --_muted: var(--grantkit-color-muted, #5c6370);
    --_border: var(--grantkit-color-border, #d5d9e2);
    --_danger: var(--grantkit-color-danger, #c92a2a);
    --_success: var(--grantkit-color-success, #26703a);
    --_radius: var(--grantkit-radius, 8px);
    --_font: var(--grantkit-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color-scheme: light dark;
    font-family: var(--_font);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--grantkit-color-accent, #91a7ff);
      --_on-accent: var(--grantkit-color-on-accent, #10131a);
      --_surface: var(--grantkit-color-surface, #1d2027);
      --_raised: var(--grantkit-color-raised, #262a33);
      --_text: var(--grantkit-color-text, #e8eaef);
      --_muted: var(--grantkit-color-muted, #a3a9b5);
      --_border: var(--grantkit-color-border, #3a404d);
      --_danger: var(--grantkit-color-danger, #ffa8a8);
      --_success: var(--grantkit-color-success, #8ce99a);
    }
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5rem 1rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  /* A destructive action that is not the dialog's answer: marked, not shouted. */
  button.danger-outline {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .error {
    color: var(--_danger);
  }
  /* DoneNotice: the confirmation of a change, one look in every element. Empty, it takes no
     room but stays in the accessibility tree, so that its next message is announced. */
  .notice {
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
