import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { listStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';
import { sectionStyles } from '../shared/section.styles.js';
import { callbackUrlStyles } from '../shared/callback-url.styles.js';

export const styles = [
  theme,
  dialogStyles,
  sectionStyles,
  listStyles,
  callbackUrlStyles,
  css`
    :host {
      gap: 1rem;
    }
    [part~='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    [part~='header'] h2 {
      margin: 0 0.5rem 0 0;
      font-size: 1.35rem;
      overflow-wrap: anywhere;
    }
    [part~='header'] h2:focus {
      outline: none;
    }
    .version {
      color: var(--_muted);
      font-weight: normal;
    }
    h4 {
      margin: 1.25rem 0 0.4rem;
      font-size: 1rem;
    }
    .copyable label,
    .secret .label {
      display: block;
      font-weight: 600;
      margin: 0.75rem 0 0.3rem;
    }
    .value {
      display: flex;
      gap: 0.5rem;
    }
    [part~='field'] {
      flex: 1;
      min-width: 0;
      /* An input's intrinsic width (its 20 characters) would set the row's narrowest size and
         push a phone-sized page sideways; at 0 it takes what the row has left. */
      width: 0;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.9em;
      background: var(--_raised);
    }
    .secret p {
      margin: 0 0 0.5rem;
    }
    .masked {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      margin-right: 0.5rem;
    }
    .placeholder {
      display: grid;
      justify-items: center;
      gap: 0.5rem;
      padding: 2.5rem 1rem;
      text-align: center;
      border: 1px dashed var(--_border);
      border-radius: var(--grantkit-radius, 6px);
    }
    .placeholder p {
      margin: 0;
    }
    .placeholder-title {
      font-weight: 600;
      font-size: 1.1em;
    }
    .placeholder:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    fieldset.plain {
      margin: 0;
    }
    textarea,
    input[type='url'] {
      width: 100%;
      box-sizing: border-box;
    }
    [part~='summary'] {
      display: grid;
      gap: 0.75rem;
      margin: 0 0 1rem;
    }
    [part~='summary'] dt {
      font-weight: 600;
    }
    [part~='summary'] dd {
      margin: 0.15rem 0 0;
    }
    [part~='summary'] ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    [part~='summary'] .urls {
      overflow-wrap: anywhere;
    }
    [part~='scopes'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='scopes'] li {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.85em;
      padding: 0.15rem 0.5rem;
      border-radius: var(--_radius);
      background: var(--_raised);
      border: 1px solid var(--_border);
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1.25rem;
    }
    [part~='actions'].start {
      justify-content: flex-start;
      margin-top: 0.5rem;
    }
    [part~='actions'] .status {
      margin-right: auto;
      color: var(--_muted);
    }
    .skeleton {
      min-height: 12rem;
      border-radius: var(--_radius);
      background: linear-gradient(90deg, var(--_raised), var(--_surface), var(--_raised));
      background-size: 200% 100%;
      animation: shimmer 1.2s linear infinite;
      padding: 1rem;
      color: var(--_muted);
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }
  `,
];
