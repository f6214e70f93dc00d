import { timingSafeEqual } from 'node:crypto';

import type { Role } from './admin/records.js';

export type { Role };

/** A person who can sign in, as the rest of the server sees them: never their password. */
export interface Account {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

/**
 * Where the server's people come from. The reference server ships the demo's two accounts,
 * used only in demo mode; a deployment plugs in its own (a user database, an upstream
 * identity provider) through `createApp({ accounts })`. Without either, nobody can sign in:
 * a copy run as a service never has known passwords by default.
 */
export interface AccountDirectory {
  find(id: string): Account | undefined;
  /** The account a typed login (e-mail or id) names, without checking a password: for counting failures per account. */
  lookup(login: string): Account | undefined;
  /** The account, when the password is right. */
  authenticate(login: string, password: string): Account | undefined;
  /** Accounts to show on the login page, with their passwords: the demo's, and nothing else ever. */
  readonly hints: ReadonlyArray<{ email: string; password: string; role: string }>;
}

/** What a typed login is compared as: the same account however it was typed. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

/** The demo's people. Their passwords are on the login page and printed at start-up: demo mode only. */
const DEMO_PEOPLE: ReadonlyArray<Account & { password: string }> = [
  { id: 'ada', email: 'ada@example.com', name: 'Ada Admin', roles: ['admin'], password: 'ada-demo' },
  { id: 'vic', email: 'vic@example.com', name: 'Vic Viewer', roles: ['viewer'], password: 'vic-demo' },
];

const publicView = ({ id, email, name, roles }: Account): Account => ({ id, email, name, roles });

export const DEMO_ACCOUNTS: AccountDirectory = {
  find: (id) => {
    const person = DEMO_PEOPLE.find((a) => a.id === id);
    return person && publicView(person);
  },
  lookup: (login) => {
    const wanted = normaliseLogin(login);
    const person = DEMO_PEOPLE.find((a) => a.email === wanted || a.id === wanted);
    return person && publicView(person);
  },
  authenticate: (login, password) => {
    const wanted = normaliseLogin(login);
    const person = DEMO_PEOPLE.find((a) => a.email === wanted || a.id === wanted);
    if (!person) return undefined;
    const given = Buffer.from(password);
    const expected = Buffer.from(person.password);
    return given.length === expected.length && timingSafeEqual(given, expected) ? publicView(person) : undefined;
  },
  hints: DEMO_PEOPLE.map((a) => ({ email: a.email, password: a.password, role: a.roles.join(', ') })),
};

/** Nobody: the default outside demo mode, until a deployment supplies its directory. */
export const NO_ACCOUNTS: AccountDirectory = {
  find: () => undefined,
  lookup: () => undefined,
  authenticate: () => undefined,
  hints: [],
};
