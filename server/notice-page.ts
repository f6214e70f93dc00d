import { escapeHtml, renderPage } from './page-frame.js';

/**
 * The page that takes the browser on to `url` by navigating, not by the redirect of a form post
 * (see formActionCanName in server/oidc/redirect-form-action.ts): at once, or by its link.
 */
export function renderContinuePage(url: string): string {
  return renderPage('Back to the app', `  <h1>Back to the app</h1>
  <p class="lead">You are signed in. <a href="${escapeHtml(url)}">Continue</a> if the app does not open by itself.</p>`, '', `<meta http-equiv="refresh" content="0; url=${escapeHtml(url)}">\n`);
}

/** A page with one message, in the sign-in pages' look. */
export function renderNoticePage(title: string, message: string): string {
  return renderPage(title, `  <h1>${escapeHtml(title)}</h1>
  <p class="lead">${escapeHtml(message)}</p>`);
}
