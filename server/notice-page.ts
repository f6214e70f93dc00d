import { escapeHtml } from './login-page.js';

/** A page with one message, in the sign-in pages' look. No inline script or style: it runs under the strict CSP. */
export function renderNoticePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — grantkit reference server</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/login.css">
</head>
<body>
<main class="card">
  <p class="brand">grantkit</p>
  <h1>${escapeHtml(title)}</h1>
  <p class="lead">${escapeHtml(message)}</p>
</main>
</body>
</html>`;
}
