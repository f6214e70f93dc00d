// The custom-elements manifest as tools read it from the installed package (Storybook, IDEs,
// JSX type generators): importable, one module per element at a shipped file, descriptions
// filled, every event typed, nothing private.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import manifest from 'grantkit/custom-elements.json' with { type: 'json' };
import vscode from 'grantkit/vscode.html-custom-data.json' with { type: 'json' };
import webTypes from 'grantkit/web-types.json' with { type: 'json' };
import pkg from 'grantkit/package.json' with { type: 'json' };

const root = new URL('../../', import.meta.url);
const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement).map((d) => ({ module: m, d })));

describe('custom-elements.json', () => {
  it('can be imported, and names the eleven elements, each at the shipped file that registers it', () => {
    assert.deepEqual(elements.map(({ d }) => d.tagName).sort(), ['connected-apps', 'create-integration-dialog', 'grantkit-provider', 'integration-details', 'integration-keys', 'integration-list', 'oauth-login', 'personal-token-list', 'rotate-secret-dialog', 'scope-manager', 'token-list']);
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

  it('gives VS Code and JetBrains the same elements, attributes and events, with values to choose from', () => {
    const tags = elements.map(({ d }) => d.tagName).sort();
    assert.deepEqual(vscode.tags.map((t) => t.name).sort(), tags);
    assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), tags);
    for (const { d } of elements) {
      const tag = vscode.tags.find((t) => t.name === d.tagName);
      const element = webTypes.contributions.html.elements.find((e) => e.name === d.tagName);
      assert.deepEqual(tag.attributes.map((a) => a.name), (d.attributes ?? []).map((a) => a.name), d.tagName);
      assert.ok(tag.description.length > 20, `<${d.tagName}> described for VS Code`);
      assert.deepEqual(element.events.map((e) => [e.name, e.type]), d.events.map((e) => [e.name, e.type.text]), d.tagName);
      assert.deepEqual(element.css.parts.map((p) => p.name), (d.cssParts ?? []).map((p) => p.name), d.tagName);
    }
    const dpop = vscode.tags.find((t) => t.name === 'grantkit-provider').attributes.find((a) => a.name === 'dpop');
    assert.deepEqual(dpop.values.map((v) => v.name), ['auto', 'required']);
    const popup = vscode.tags.find((t) => t.name === 'oauth-login').attributes.find((a) => a.name === 'popup');
    assert.equal(popup.valueSet, 'v', 'a boolean attribute takes no value');
    const slot = webTypes.contributions.html.elements.find((e) => e.name === 'integration-details').slots.map((s) => s.name);
    assert.deepEqual(slot, ['placeholder-action']);
    assert.ok(existsSync(new URL(pkg['web-types'], root)), 'package.json names the Web Types file JetBrains looks for');
  });
});
