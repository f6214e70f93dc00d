import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { filterStyles } from '../shared/filter-choice.js';
import { listStyles } from '../shared/list.styles.js';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  listStyles,
  filterStyles,
  dialogStyles,
  css`
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 0.5rem;
    }
    [part='row'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.7rem 1rem;
      border-bottom: 1px solid var(--_border);
    }
    .fields {
      flex: 1 1 16rem;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
      gap: 0.35rem 1rem;
      margin: 0;
    }
    dt {
      color: var(--_muted);
      font-size: 0.8em;
    }
    dd {
      margin: 0;
      overflow-wrap: break-word;
    }
    [part~='badge'] {
      font-size: 0.8em;
      font-weight: 600;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    [part~='badge-expired'] {
      color: var(--_danger);
    }
    [part~='badge-lifetime'],
    [part~='badge-unlimited'] {
      color: var(--_muted);
    }
    p {
      margin: 0;
    }
    .note {
      color: var(--_muted);
    }
    .loading {
      padding: 1rem;
    }
  `,
];
