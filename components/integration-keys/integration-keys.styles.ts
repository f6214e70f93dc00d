import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { theme } from '../shared/theme.js';
import { sectionStyles } from '../shared/section.styles.js';

export const styles = [
  theme,
  dialogStyles,
  sectionStyles,
  css`
    :host {
      display: block;
    }
    [part~='list'] {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    [part~='row'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_raised);
    }
    .about {
      display: grid;
      gap: 0.2rem;
      min-width: 0;
      flex: 1 1 16rem;
    }
    /* Key ids and thumbprints are long unbroken strings: they wrap anywhere rather than widen a phone's page. */
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .kid {
      font-weight: 600;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 0 0 0.3rem;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.85em;
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      resize: vertical;
    }
    textarea:focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    form p {
      margin: 0.3rem 0;
    }
    .start {
      margin-top: 0.5rem;
    }
    .warning {
      color: var(--_danger);
    }
  `,
];
