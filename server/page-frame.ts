/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The frame of every page the server renders itself (sign-in, consent, notices): one look,
 * and no inline script or style, as they run under the strict CSP. `title` is text; `main`
 * is markup the caller has escaped.
 */
export function renderPage(title: string, main: string, mainAttributes = '', head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — grantkit reference server</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/login.css">
${head}</head>
<body>
<main class="card"${mainAttributes}>
  <p class="brand">grantkit</p>
${main}
</main>
</body>
</html>`;
}
