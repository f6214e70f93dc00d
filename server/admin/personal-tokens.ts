import { randomBytes } from 'node:crypto';
import { PERSONAL_TOKEN_PREFIX, permissionsOf, type Caller } from './auth.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { newestFirstKey, page } from './paging.js';
import { PersonalTokenIndex } from './personal-token-index.js';
import { hashSecret, newSecret, type Store, type StoredPersonalToken } from './store.js';

export type PersonalTokenInput = Schemas['PersonalTokenCreate'];

function present(t: StoredPersonalToken): Schemas['PersonalToken'] {
  return { id: t.id, name: t.name, scope: t.scope.join(' '), roles: t.roles, created_at: t.created_at, expires_at: t.expires_at, last_used_at: t.last_used_at, last4: t.secret.last4 };
}

/** Unexpired tokens one user may hold: enough for every script, not enough to fill the store. */
export const MAX_LIVE_PERSONAL_TOKENS = 100;

/** Personal access tokens for scripts (Dataloop, TIF application tokens): value shown once, always expiring, never more than the creator. */
export class PersonalTokens {
  constructor(private readonly store: Store) {}

  list(caller: Caller, query: ListQuery<'listPersonalTokens'>): Schemas['PersonalTokenPage'] {
    const mine = this.store.data.personalTokens.filter((t) => t.owner === caller.sub);
    const result = page(mine, key, query.cursor, query.limit);
    return { items: result.items.map(present), next_cursor: result.next_cursor };
  }

  async create(caller: Caller, input: PersonalTokenInput): Promise<Schemas['PersonalTokenWithValue']> {
    const roles = input.roles ?? caller.roles;
    const beyondRoles = roles.filter((r) => !caller.roles.includes(r));
    if (beyondRoles.length > 0) throw new ApiProblem('forbidden', `you cannot give a token the role${beyondRoles.length > 1 ? 's' : ''} ${beyondRoles.join(', ')}, which you do not have`);
    const allowed = permissionsOf(roles);
    const scope = input.scope ?? allowed;
    const errors = scope.flatMap((p, i) => (allowed.includes(p) ? [] : [{ path: `/body/scope/${i}`, message: `is not granted by the roles ${roles.join(', ')}` }]));
    if (errors.length > 0) throw new ApiProblem('validation_failed', 'a token cannot carry permissions its roles do not grant', { errors });
    const wanted = input.name.trim().toLowerCase();
    if (this.store.data.personalTokens.some((t) => t.owner === caller.sub && t.name.toLowerCase() === wanted)) {
      throw new ApiProblem('duplicate_name', `you already have a token named "${input.name}"`, { errors: [{ path: '/body/name', message: 'is already used by one of your tokens' }] });
    }
    const nowIso = new Date().toISOString();
    const live = this.store.data.personalTokens.filter((t) => t.owner === caller.sub && t.expires_at > nowIso).length;
    if (live >= MAX_LIVE_PERSONAL_TOKENS) {
      throw new ApiProblem('conflict', `you have ${live} unexpired personal access tokens, the most one user may hold; revoke one you no longer use first`);
    }
    const value = newSecret(PERSONAL_TOKEN_PREFIX);
    const now = Date.now();
    const token: StoredPersonalToken = {
      id: `pat_${randomBytes(12).toString('base64url')}`,
      owner: caller.sub,
      name: input.name.trim(),
      scope,
      roles,
      secret: hashSecret(value),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + input.expires_in_days * 86_400_000).toISOString(),
      last_used_at: null,
    };
    PersonalTokenIndex.of(this.store).add(token);
    await this.store.save();
    return { ...present(token), token: value };
  }

  async revoke(caller: Caller, id: string): Promise<void> {
    const found = this.store.data.personalTokens.find((t) => t.id === id && t.owner === caller.sub);
    if (!found) throw new ApiProblem('not_found', `you have no personal access token with id "${id}"`);
    PersonalTokenIndex.of(this.store).remove(found);
    await this.store.save();
  }
}

function key(t: StoredPersonalToken): string {
  return newestFirstKey(Date.parse(t.created_at), t.id);
}
