import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { listStyles, rowListStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  listStyles,
  rowListStyles,
  dialogStyles,
  css`
    .about {
      display: grid;
      gap: 0.2rem;
      min-width: 0;
      overflow-wrap: anywhere;
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
