import { RESERVED_SCOPES } from '../provider.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { page } from './paging.js';
import type { Store, StoredScope } from './store.js';

export type ScopeInput = Schemas['ScopeCreate'];
export type ScopePatch = Schemas['ScopeUpdate'];

export class Scopes {
  constructor(
    private readonly store: Store,
    /** Whether live tokens still carry this scope: such a scope cannot be deleted either. */
    private readonly usedByTokens: (name: string) => boolean,
    private readonly created: (name: string) => void,
    private readonly deleted: (name: string) => void,
  ) {}

  find(name: string): StoredScope | undefined {
    const wanted = name.toLowerCase();
    return this.store.data.scopes.find((s) => s.name.toLowerCase() === wanted);
  }

  get(name: string): StoredScope {
    const scope = this.find(name);
    if (!scope) throw new ApiProblem('not_found', `no scope named "${name}"`);
    return scope;
  }

  /** `counts` from usage(), when presenting many: counting per scope would scan every integration for each. */
  present(scope: StoredScope, counts: ReadonlyMap<string, number> = this.usage()): Schemas['Scope'] {
    return { ...scope, integration_count: counts.get(scope.name.toLowerCase()) ?? 0 };
  }

  /** How many integrations are associated with each scope (by lower-case name), in one pass. */
  usage(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const integration of this.store.data.integrations) {
      for (const name of new Set(integration.scopes.map((s) => s.toLowerCase()))) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  }

  list(query: ListQuery<'listScopes'>): Schemas['ScopePage'] {
    const q = query.q?.trim().toLowerCase();
    const matching = this.store.data.scopes.filter((s) => !q || s.name.toLowerCase().includes(q) || s.description.toLowerCase().includes(q));
    const result = page(matching, key, query.cursor, query.limit);
    const counts = this.usage();
    return { items: result.items.map((s) => this.present(s, counts)), next_cursor: result.next_cursor };
  }

  async create(input: ScopeInput): Promise<Schemas['Scope']> {
    const reserved = RESERVED_SCOPES.find((r) => r.toLowerCase() === input.name.toLowerCase());
    if (reserved) {
      throw new ApiProblem('validation_failed', `"${reserved}" is a scope the server defines itself`, {
        errors: [{ path: '/body/name', message: `is reserved (${RESERVED_SCOPES.join(', ')})` }],
      });
    }
    if (this.find(input.name)) {
      throw new ApiProblem('duplicate_name', `a scope named "${input.name}" already exists`, { errors: [{ path: '/body/name', message: 'is already used' }] });
    }
    const now = new Date().toISOString();
    const scope: StoredScope = { name: input.name, description: input.description ?? '', service_urls: input.service_urls ?? [], created_at: now, updated_at: now };
    this.store.data.scopes.push(scope);
    await this.store.save();
    this.created(scope.name);
    return this.present(scope);
  }

  async update(name: string, patch: ScopePatch): Promise<Schemas['Scope']> {
    const scope = this.get(name);
    if (patch.description !== undefined) scope.description = patch.description;
    if (patch.service_urls !== undefined) scope.service_urls = patch.service_urls;
    scope.updated_at = new Date().toISOString();
    await this.store.save();
    return this.present(scope);
  }

  async remove(name: string): Promise<void> {
    const scope = this.get(name);
    const users = this.store.data.integrations.filter((i) => i.scopes.some((s) => s.toLowerCase() === scope.name.toLowerCase()));
    if (users.length > 0) {
      const names = users.slice(0, 3).map((i) => `${i.client_name} ${i.version}`).join(', ');
      throw new ApiProblem('scope_in_use', `"${scope.name}" is associated with ${users.length} integration(s) (${names}${users.length > 3 ? ', …' : ''}); disassociate it first`);
    }
    if (this.usedByTokens(scope.name)) {
      throw new ApiProblem('scope_in_use', `tokens that carry "${scope.name}" are still valid; revoke them or let them expire first`);
    }
    this.store.data.scopes = this.store.data.scopes.filter((s) => s !== scope);
    await this.store.save();
    this.deleted(scope.name);
  }

  async associate(clientId: string, name: string, associated: boolean): Promise<void> {
    const integration = this.store.data.integrations.find((i) => i.client_id === clientId);
    if (!integration) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    const scope = this.get(name);
    const others = integration.scopes.filter((s) => s.toLowerCase() !== scope.name.toLowerCase());
    integration.scopes = associated ? [...others, scope.name] : others;
    integration.updated_at = new Date().toISOString();
    await this.store.save();
  }

  ofIntegration(clientId: string): Schemas['Scope'][] {
    const integration = this.store.data.integrations.find((i) => i.client_id === clientId);
    if (!integration) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    const counts = this.usage();
    return integration.scopes.map((name) => this.find(name)).filter((s): s is StoredScope => s !== undefined).map((s) => this.present(s, counts));
  }
}

function key(scope: StoredScope): string {
  return scope.name.toLowerCase();
}
