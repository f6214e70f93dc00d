import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { listStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  listStyles,
  dialogStyles,
  css`
    ul[part='list'] {
      height: auto;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part='row'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.7rem 1rem;
      border-bottom: 1px solid var(--_border);
    }
    [part='row']:last-child {
      border-bottom: 0;
    }
    .about {
      display: grid;
      gap: 0.2rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .name {
      font-weight: 600;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.85em;
    }
    /* The scopes are spaced by the layout: template whitespace is minified away. */
    [part='scopes'] {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.15rem 0.6rem;
    }
    [part='scopes'] code {
      font-size: 0.95em;
    }
  `,
];
