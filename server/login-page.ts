import { escapeHtml, renderPage } from './page-frame.js';

export interface LoginPageModel {
  uid: string;
  clientName: string;
  login?: string;
  error?: string;
  accounts: ReadonlyArray<{ email: string; password: string; role: string }>;
}

/** The sign-in page of the reference server. No inline script or style: it runs under a strict CSP. */
export function renderLoginPage(model: LoginPageModel): string {
  const hints = model.accounts
    .map((a) => `<li><code>${escapeHtml(a.email)}</code> / <code>${escapeHtml(a.password)}</code> <span class="role">${escapeHtml(a.role)}</span></li>`)
    .join('');
  return renderPage('Sign in', `  <h1>Sign in</h1>
  <p class="lead">to continue to <strong>${escapeHtml(model.clientName)}</strong></p>
  ${model.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(model.error)}</p>` : ''}
  <form method="post" action="/interaction/${encodeURIComponent(model.uid)}/login" autocomplete="on">
    <label for="login">E-mail</label>
    <input id="login" name="login" type="text" autocomplete="username" required${model.login ? '' : ' autofocus'} value="${escapeHtml(model.login ?? '')}"${model.error ? ' aria-describedby="login-error"' : ''}>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required${model.login ? ' autofocus' : ''}>
    <button type="submit" class="primary">Sign in</button>
  </form>
  <form method="post" action="/interaction/${encodeURIComponent(model.uid)}/abort">
    <button type="submit" class="link">Cancel</button>
  </form>
  ${model.accounts.length === 0 ? '' : `<section class="hint" aria-label="Demo accounts">
    <h2>Demo accounts</h2>
    <ul>${hints}</ul>
  </section>`}`);
}
