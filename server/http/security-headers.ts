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
 * What counts is what formActionSourceOf can name; anything else is left out.
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
  return [...new Set(urls.map(formActionSourceOf).filter((source): source is string => source !== undefined))];
}

/** The origin of an http(s) URL; undefined for any other URL, whose origin a browser sends as the opaque "null". */
export function webOriginOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
}

/**
 * The CSP source that lets a form's redirect go to `url`, or undefined when none can name it without
 * naming more: a web origin, except an IPv6 literal one (CSP3 §2.3.1's host-source has no IPv6, so a
 * native app's http://[::1]:port callback would need all of http:); or, for a native app's
 * private-use scheme (RFC 8252 §7.1), a scheme-source of that reverse-DNS scheme only, never
 * javascript:, data: or another scheme a browser would run or read itself.
 */
export function formActionSourceOf(url: string): string | undefined {
  const origin = webOriginOf(url);
  if (origin !== undefined) return new URL(origin).hostname.startsWith('[') ? undefined : origin;
  if (!URL.canParse(url)) return undefined;
  const { protocol } = new URL(url);
  return /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(protocol) ? protocol : undefined;
}
