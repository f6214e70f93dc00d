import type { ServerResponse } from 'node:http';

// One security policy for every response of the server, set once at its entry: the demo
// pages, the sign-in pages, oidc-provider's own pages (logout, errors, form_post) and the
// API answers, where a CSP does nothing and costs nothing. No inline script or style,
// Trusted Types enforced, never in a frame.

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['object-src', "'none'"],
  ['require-trusted-types-for', "'script'"],
];

/**
 * The policy, with `form-action` widened to the origins of `formTargets`. Chromium applies
 * form-action to every redirect that follows a form POST, so a sign-in page whose form ends
 * in a redirect to a client's redirect_uri on another origin must name that origin.
 * Only http(s) URLs count; anything else is left out.
 */
export function contentSecurityPolicy(formTargets: readonly string[] = []): string {
  const extra = originsOf(formTargets);
  return DIRECTIVES.map(([name, value]) => `${name} ${name === 'form-action' ? [value, ...extra].join(' ') : value}`).join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  // For browsers without frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Puts the headers on `res` before any handler runs. Set this early, oidc-provider finds the
 * policy when it renders a page with inline script (form_post) and adds that script's hash
 * to it. Koa's error path removes every header before it answers, so whatever is missing
 * when the head is written is put back.
 */
export function secureEveryResponse(res: ServerResponse): void {
  const restore = () => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!res.hasHeader(name)) res.setHeader(name, value);
  };
  restore();
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    restore();
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

/**
 * Widens the `form-action` of the policy `res` carries now (keeping anything added to it) to the
 * origins of `formTargets`, or for a native app's private-use scheme (RFC 8252 §7.1), to that scheme:
 * the sign-in's last redirect goes to the app, and Chromium holds it to the posting page's form-action.
 */
export function allowFormActionsTo(res: ServerResponse, formTargets: readonly string[]): void {
  const extra = originsOf(formTargets);
  const policy = res.getHeader('Content-Security-Policy');
  if (extra.length === 0 || typeof policy !== 'string') return;
  const directives = policy.split(';').map((directive) => directive.trim()).filter(Boolean);
  res.setHeader('Content-Security-Policy', directives.map((d) => (/^form-action\s/i.test(d) ? [d, ...extra].join(' ') : d)).join('; '));
}

function originsOf(urls: readonly string[]): string[] {
  const parsed = urls.filter((url) => URL.canParse(url)).map((url) => new URL(url));
  const sources = parsed.map((url) => {
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    // A scheme-source (CSP3 §2.3.1) of a reverse-DNS scheme only: it cannot widen the policy to
    // javascript:, data: or any other scheme a browser would run or read itself.
    return /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(url.protocol) ? url.protocol : undefined;
  });
  return [...new Set(sources.filter((source): source is string => source !== undefined))];
}
