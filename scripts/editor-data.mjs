// Editor data for the elements, generated from dist/custom-elements.json (which
// finish-manifest.mjs completes), so that nothing about an element is written twice:
// - dist/vscode.html-custom-data.json: VS Code's HTML custom data (tags, attributes and their
//   values, descriptions), for `"html.customData"` in the workspace settings;
// - dist/web-types.json: JetBrains Web Types (elements, attributes, events, slots, parts and
//   custom properties), found through package.json's "web-types" field.
// Run by `npm run manifest`. Builtins only.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement).map((d) => ({ d, path: m.path })));
if (elements.length === 0) throw new Error('editor-data: no elements in dist/custom-elements.json');

/** The string literals of a union type such as `'' | 'auto' | 'required'`, or none when the type is not one. */
function literals(type) {
  const parts = (type ?? '').split('|').map((p) => p.trim());
  if (parts.length < 2 || !parts.every((p) => /^'[^']*'$/.test(p))) return [];
  // The empty string is the attribute left out; editors offer the values one can write.
  return parts.map((p) => p.slice(1, -1)).filter((v) => v !== '');
}

const vscode = {
  version: 1.1,
  tags: elements.map(({ d }) => ({
    name: d.tagName,
    description: d.description ?? d.summary ?? '',
    attributes: (d.attributes ?? []).map((a) => {
      const values = literals(a.type?.text);
      const boolean = a.type?.text === 'boolean';
      return {
        name: a.name,
        description: a.description ?? '',
        ...(values.length > 0 ? { values: values.map((v) => ({ name: v })) } : {}),
        ...(boolean ? { valueSet: 'v' } : {}),
      };
    }),
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name,
  version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map(({ d, path }) => ({
        name: d.tagName,
        description: d.description ?? d.summary ?? '',
        source: { module: `${name}/${path.replace(/^dist\//, '').replace(/\.js$/, '')}`, symbol: d.name },
        attributes: (d.attributes ?? []).map((a) => ({ name: a.name, description: a.description ?? '', value: { type: a.type?.text ?? 'string' } })),
        events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        css: {
          parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`editor-data: ${elements.length} elements for VS Code and JetBrains`);
