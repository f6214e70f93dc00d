import { timingSafeEqual } from 'node:crypto';

import type { Role } from './admin/store.js';

export type { Role };

export interface Account {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  password: string;
}

/** The demo's people. Their passwords are printed at start-up: this is a demo server. */
export const DEMO_ACCOUNTS: readonly Account[] = [
  { id: 'ada', email: 'ada@example.com', name: 'Ada Admin', roles: ['admin'], password: 'ada-demo' },
  { id: 'vic', email: 'vic@example.com', name: 'Vic Viewer', roles: ['viewer'], password: 'vic-demo' },
];

export function findAccount(id: string): Account | undefined {
  return DEMO_ACCOUNTS.find((a) => a.id === id);
}

/** What a typed login is compared as: the same account however it was typed (the throttle counts by it too). */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

/** Looks an account up by e-mail or id and checks the password in constant time. */
export function authenticate(login: string, password: string): Account | undefined {
  const wanted = normaliseLogin(login);
  const account = DEMO_ACCOUNTS.find((a) => a.email === wanted || a.id === wanted);
  if (!account) return undefined;
  const given = Buffer.from(password);
  const expected = Buffer.from(account.password);
  return given.length === expected.length && timingSafeEqual(given, expected) ? account : undefined;
}
