// A sign-in transaction holds what the callback must check (state, nonce) and prove
// (the PKCE verifier); a logout transaction, the state an end-session request carried. It lives in sessionStorage: scoped to the tab that started the
// sign-in, it survives the redirect, and it holds no token.

const PREFIX = 'grantkit:tx:';
/** How long a started sign-in stays valid. */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

export interface Transaction {
  namespace: string;
  state: string;
  codeVerifier: string;
  nonce?: string;
  redirectUri: string;
  /** Same-origin path to return to, already checked. */
  returnTo: string;
  /** `logout`: an end-session request, whose return carries only `state` (no code, no verifier). */
  mode: 'redirect' | 'popup' | 'logout';
  expiresAt: number;
  /** Whether the request carried `dpop_jkt`: the code must then be redeemed with a proof of that key. */
  dpop?: boolean;
}

function entries(): Array<[string, Transaction | undefined]> {
  const result: Array<[string, Transaction | undefined]> = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) result.push([key, parse(sessionStorage.getItem(key))]);
  }
  return result;
}

function parse(raw: string | null): Transaction | undefined {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as Transaction;
  } catch {
    return undefined;
  }
}

/** Drops expired and unreadable transactions, so abandoned sign-ins do not pile up. */
export function removeStaleTransactions(now = Date.now()): void {
  for (const [key, tx] of entries()) {
    if (tx === undefined || tx.expiresAt <= now) sessionStorage.removeItem(key);
  }
}

export function saveTransaction(tx: Transaction): void {
  removeStaleTransactions();
  sessionStorage.setItem(PREFIX + tx.state, JSON.stringify(tx));
}

/** Reads and removes the transaction for `state`: a transaction is used once. */
export function takeTransaction(state: string): Transaction | undefined {
  const key = PREFIX + state;
  const tx = parse(sessionStorage.getItem(key));
  sessionStorage.removeItem(key);
  return tx;
}

export function peekTransaction(state: string): Transaction | undefined {
  return parse(sessionStorage.getItem(PREFIX + state));
}

/** Whether this tab has a sign-in under way (a logout on its way back does not count). */
export function hasPendingTransaction(namespace: string, now = Date.now()): boolean {
  return entries().some(([, tx]) => tx !== undefined && tx.namespace === namespace && tx.mode !== 'logout' && tx.expiresAt > now);
}
