import { escapeHtml, renderPage } from './page-frame.js';

export interface ConsentScope {
  name: string;
  description: string;
}

export interface ConsentPageModel {
  uid: string;
  /** The integration's name and version, as registered. */
  clientName: string;
  clientVersion: string;
  clientDescription: string;
  /** Who is signed in, so a user on a shared machine sees whose data is at stake. */
  accountName: string;
  scopes: readonly ConsentScope[];
}

/**
 * The consent page for a third-party integration (the reference consoles' "Select the
 * scopes that you want to grant access and click Grant Access"). Names are wrapped in
 * <bdi> so that a right-to-left override in a name cannot flip the text around it.
 */
export function renderConsentPage(model: ConsentPageModel): string {
  const scopes = model.scopes
    .map((s) => `<li><code>${escapeHtml(s.name)}</code>${s.description ? ` — <bdi>${escapeHtml(s.description)}</bdi>` : ''}</li>`)
    .join('');
  const action = `/interaction/${encodeURIComponent(model.uid)}/consent`;
  return renderPage('Allow access?', `  <h1 id="consent-title">Allow <bdi>${escapeHtml(model.clientName)}</bdi> <span class="version">${escapeHtml(model.clientVersion)}</span> to access your account?</h1>
  ${model.clientDescription ? `<p class="lead"><bdi>${escapeHtml(model.clientDescription)}</bdi></p>` : ''}
  <p>Signed in as <strong><bdi>${escapeHtml(model.accountName)}</bdi></strong>. This integration asks for:</p>
  <ul class="scopes">${scopes}</ul>
  <p class="hint-inline">You can take this back at any time under Connected apps.</p>
  <form method="post" action="${action}">
    <button type="submit" name="decision" value="allow" class="primary">Allow access</button>
    <button type="submit" name="decision" value="deny" class="link">Deny</button>
  </form>`, ' aria-labelledby="consent-title"');
}
