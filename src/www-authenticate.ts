export interface Challenge {
  /** Lower-cased auth scheme, e.g. `bearer`. */
  scheme: string;
  /** Parameters with lower-cased names. */
  params: Record<string, string>;
}

// token68 or auth-param list, RFC 9110 §11.2. Written as one scanner, not a regex
// over the whole header, so that a hostile header costs linear time.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/** Parses a WWW-Authenticate header value into its challenges. Malformed input yields what could be read. */
export function parseWwwAuthenticate(header: string | null): Challenge[] {
  if (!header) return [];
  const challenges: Challenge[] = [];
  let rest = header;
  let current: Challenge | undefined;

  const skip = (pattern: RegExp): void => {
    rest = rest.replace(pattern, '');
  };

  while (rest.length > 0) {
    skip(/^[\s,]+/);
    const token = TOKEN.exec(rest)?.[0];
    if (!token) {
      // Unreadable character: drop it and go on rather than throw on server input.
      rest = rest.slice(1);
      continue;
    }
    const after = rest.slice(token.length);
    const param = /^\s*=\s*/.exec(after);
    if (current && param) {
      rest = after.slice(param[0].length);
      let value: string;
      if (rest.startsWith('"')) {
        let i = 1;
        value = '';
        while (i < rest.length && rest[i] !== '"') {
          if (rest[i] === '\\' && i + 1 < rest.length) i++;
          value += rest[i];
          i++;
        }
        rest = rest.slice(i + 1);
      } else {
        value = TOKEN.exec(rest)?.[0] ?? '';
        rest = rest.slice(value.length);
      }
      current.params[token.toLowerCase()] = value;
      continue;
    }
    // No prototype: a parameter named __proto__ (or constructor) is a parameter like any other,
    // not a way to change the object (found by fast-check).
    current = { scheme: token.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(current);
    rest = after;
    // token68 form (`Basic abc==`): skip it, it carries no parameters.
    const token68 = /^\s+[A-Za-z0-9\-._~+/]+=*\s*(?:,|$)/.exec(rest);
    if (token68) rest = rest.slice(token68[0].length);
  }
  return challenges;
}

/** Whether a response says the bearer token it got is invalid (RFC 6750 §3.1). */
export function isInvalidTokenChallenge(response: Response): boolean {
  return parseWwwAuthenticate(response.headers.get('www-authenticate')).some(
    (c) => (c.scheme === 'bearer' || c.scheme === 'dpop') && c.params.error === 'invalid_token',
  );
}
