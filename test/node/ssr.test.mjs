// grantkit on a server that renders React (Next.js, Remix, Astro): every entry point imports
// with no DOM, useAuth renders a stable loading state and makes nothing there, and the React
// entries are Client Components. Runs the built package (dist/) by its public names.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { staticImports } from '../support/module-imports.mjs';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));

/** Every subpath the package exports, with the wildcards expanded to the files they name. */
async function entryPoints() {
  const names = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    // Data, not modules: package.json and custom-elements.json (test/node/manifest.test.mjs).
    if (typeof target === 'string') continue;
    if (!subpath.includes('*')) {
      names.push(subpath);
      continue;
    }
    const [dir] = target.default.split('*');
    for (const file of await readdir(new URL(dir, root))) if (file.endsWith('.js')) names.push(subpath.replace('*', file.slice(0, -3)));
  }
  return names.map((subpath) => `grantkit${subpath.slice(1)}`);
}

/** The files `file` loads up front: its static imports, followed through dist/. */
async function staticGraph(file, seen = new Map()) {
  if (seen.has(file.href)) return seen;
  const code = await readFile(file, 'utf8');
  seen.set(file.href, code);
  for (const specifier of staticImports(code)) {
    if (specifier.startsWith('.')) await staticGraph(new URL(specifier, file), seen);
    else seen.set(specifier, '');
  }
  return seen;
}

describe('grantkit on a server (SSR)', () => {
  it('imports every entry point in Node, with no window, document or customElements of its own', async () => {
    assert.equal(typeof window, 'undefined');
    const names = await entryPoints();
    assert.ok(names.length >= 14, names.join(' '));
    for (const name of names) await assert.doesNotReject(import(name), name);
  });

  it('renders useAuth as loading on the server, makes no client, sends no request, and says so if asked to act', async () => {
    const { useAuth } = await import('grantkit/react');
    const requests = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input) => {
      requests.push(String(input));
      throw new Error('no request may leave a server render');
    };
    try {
      let auth;
      const App = () => {
        auth = useAuth({ issuer: 'https://id.example.test', clientId: 'spa', redirectUri: 'https://app.example.test/' });
        return createElement('p', null, auth.status);
      };
      assert.equal(renderToString(createElement(App)), '<p>loading</p>');
      assert.equal(renderToString(createElement(App)), '<p>loading</p>', 'the same for every request');
      assert.equal(auth.client, undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(requests, [], 'no discovery, no token request');
      await assert.rejects(auth.login(), (error) => error.name === 'GrantkitError' && error.code === 'config_invalid');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it("marks grantkit/react and grantkit/react/elements as Client Components ('use client' first)", async () => {
    for (const file of ['dist/react.js', 'dist/react/elements.js']) {
      const code = await readFile(new URL(file, root), 'utf8');
      assert.ok(code.startsWith("'use client';"), `${file} starts with ${code.slice(0, 30)}`);
    }
  });

  it('grantkit/react (useAuth) loads no element and no Lit up front; grantkit/react/elements does', async () => {
    const hook = await staticGraph(new URL('dist/react.js', root));
    const loaded = [...hook.keys()];
    assert.ok(!loaded.some((name) => /^(lit|@lit)/.test(name)), loaded.join(' '));
    assert.ok(![...hook.values()].some((code) => code.includes('customElements.define')), 'no element registered');
    const wrappers = await staticGraph(new URL('dist/react/elements.js', root));
    assert.ok([...wrappers.keys()].some((name) => name.startsWith('lit')), 'the wrappers need Lit');
  });
});
