import { escapeHtml, renderPage } from './page-frame.js';

/** A page with one message, in the sign-in pages' look. */
export function renderNoticePage(title: string, message: string): string {
  return renderPage(title, `  <h1>${escapeHtml(title)}</h1>
  <p class="lead">${escapeHtml(message)}</p>`);
}
