// The custom-elements manifest as tools read it from the installed package (Storybook, IDEs,
// JSX type generators): importable, one module per element at a shipped file, descriptions
// filled, every event typed, nothing private.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import manifest from 'grantkit/custom-elements.json' with { type: 'json' };

const root = new URL('../../', import.meta.url);
const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement).map((d) => ({ module: m, d })));

describe('custom-elements.json', () => {
  it('can be imported, and names the ten elements, each at the shipped file that registers it', () => {
    assert.deepEqual(elements.map(({ d }) => d.tagName).sort(), ['connected-apps', 'create-integration-dialog', 'grantkit-provider', 'integration-details', 'integration-list', 'oauth-login', 'personal-token-list', 'rotate-secret-dialog', 'scope-manager', 'token-list']);
    for (const module of manifest.modules) {
      assert.ok(module.path.startsWith('dist/') && module.path.endsWith('.js'), module.path);
      assert.ok(existsSync(new URL(module.path, root)), `${module.path} is built`);
      for (const e of module.exports) assert.ok(existsSync(new URL(e.declaration.module, root)), e.declaration.module);
    }
  });

  it('describes every element, types every event with its detail, and lists no private member', () => {
    for (const { d } of elements) {
      assert.ok(d.description?.length > 20, `<${d.tagName}> has a description`);
      assert.ok(d.events.length > 0, `<${d.tagName}> fires events`);
      for (const event of d.events) assert.match(event.type?.text ?? '', /^CustomEvent<.+>$/, `${d.tagName} ${event.name}`);
      assert.deepEqual(d.members.filter((m) => m.name.startsWith('#') || m.privacy === 'private'), [], d.tagName);
    }
    const select = elements.find(({ d }) => d.tagName === 'integration-list').d.events.find((e) => e.name === 'grantkit-integration-select');
    assert.equal(select.type.text, 'CustomEvent<{ clientId: string }>');
  });
});
