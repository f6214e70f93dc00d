import { escapeHtml, renderPage } from './page-frame.js';

/**
 * The page that takes the browser on to `url` by navigating, not by the redirect of a form post
 * (see formActionSourceOf in server/http/security-headers.ts): at once, or by its link. It ends a
 * sign-in, a cancelled one or a refused consent alike, so it says only where it goes.
 */
export function renderContinuePage(url: string): string {
  return renderPage('Back to the app', `  <h1>Back to the app</h1>
  <p class="lead">Taking you back to the app. <a href="${escapeHtml(url)}">Continue</a> if nothing happens.</p>`, '', `<meta http-equiv="refresh" content="0; url=${escapeHtml(url)}">\n`);
}

/** A page with one message, in the sign-in pages' look. */
export function renderNoticePage(title: string, message: string): string {
  return renderPage(title, `  <h1>${escapeHtml(title)}</h1>
  <p class="lead">${escapeHtml(message)}</p>`);
}
