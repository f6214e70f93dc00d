// Which scopes grant a request path, as the scope catalogue's service URLs say (the webMethods
// rule): a service URL is a relative path, and `/*` at its end matches one or more segments
// below it. The path must be in canonical form first. A router may decode `%2e%2e` or `%2f`,
// or resolve `..`, after this check has compared the path as sent: a path that could mean
// two things is refused, not interpreted, so no request reaches past the prefix it was allowed.

/** A scope and the service URLs it grants, as the admin API's `Scope` has them. */
export interface ScopeServiceUrls {
  name: string;
  service_urls: readonly string[];
}

/**
 * Why `path` is not in canonical form, or undefined when it is. Refused: a path that is not
 * absolute; a backslash; an encoded slash, backslash, dot or NUL; broken percent-encoding; an
 * empty segment (`//`) before the last; a `.` or `..` segment.
 */
export function nonCanonicalPath(path: string): string | undefined {
  if (!path.startsWith('/')) return 'the path is not absolute';
  if (path.includes('\\')) return 'the path holds a backslash';
  if (/%(?:25)*(?:2f|5c|2e|00)/i.test(path)) return 'the path holds an encoded slash, backslash, dot or NUL (or one encoded twice)';
  if (/%(?![0-9a-f]{2})/i.test(path)) return 'the path holds a "%" that encodes nothing';
  const segments = path.slice(1).split('/');
  for (const [i, segment] of segments.entries()) {
    if (segment === '' && i < segments.length - 1) return 'the path holds an empty segment ("//")';
    if (segment === '.' || segment === '..') return 'the path holds a "." or ".." segment';
  }
  return undefined;
}

/** Whether service URL `pattern` covers the canonical `path`: the same path, or with `/*`, one or more segments below it. */
export function serviceUrlMatches(pattern: string, path: string): boolean {
  if (!pattern.endsWith('/*')) return pattern === path;
  const prefix = pattern.slice(0, -1);
  return path.length > prefix.length && path.startsWith(prefix);
}

/** The names of the scopes in `catalogue` that grant `path` (canonical), in catalogue order. */
export function scopesGranting(catalogue: readonly ScopeServiceUrls[], path: string): string[] {
  return catalogue.filter((scope) => scope.service_urls.some((pattern) => serviceUrlMatches(pattern, path))).map((scope) => scope.name);
}
