// The admin API document's own string formats (beyond RFC 3986's): what each means, in one
// place. The reference server registers these with its validator (server/admin/openapi.ts) and
// the elements check fields with them before sending (components/shared/formats.ts), so a URL
// the form takes is one the server takes.

/** Whether a host, as the WHATWG URL parser gives it, names this machine. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    // The parser has already turned 0x7f.1, 2130706433 and the like into dotted decimal.
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]' ||
    // The unspecified addresses, which a connection from this machine reaches itself at.
    host === '0.0.0.0' ||
    host === '[::]' ||
    // IPv4-mapped IPv6 loopback, ::ffff:127.x.y.z, as the parser writes it.
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/** Each format the document names, by name. */
export const DOCUMENT_FORMATS = {
  /** Parses as a URL by the WHATWG URL Standard, as a browser would parse it. */
  'browser-url': (value: string): boolean => URL.canParse(value),
  /**
   * A native app's callback (RFC 8252): parses as a URL, and a claimed `https` one is not on this
   * machine (an app claims a host it owns; oidc-provider refuses loopback hosts there as well).
   */
  'native-app-url': (value: string): boolean => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return !(url.protocol === 'https:' && isLoopbackHost(url.hostname));
  },
} as const satisfies Record<string, (value: string) => boolean>;

export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;
