// Runs after `cem analyze` (npm run build): turns the analyzer's view of the sources into a
// manifest of what the package ships, for Storybook, IDEs and JSX type generators.
// - one module per element, at the file that registers it (dist/components/<tag>.js), which
//   exports its class; the sources (.ts) are not shipped;
// - each element's `description` filled from its JSDoc summary (Storybook reads description);
// - every event typed, `CustomEvent<detail>`, from GrantkitElementEvents, the one place the
//   details are declared (components/shared/events.ts);
// - private (#) members left out.
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'dist/custom-elements.json';
const manifest = JSON.parse(readFileSync(file, 'utf8'));

/** `'grantkit-x': { … };` lines of the GrantkitElementEvents interface, as type texts. */
function eventDetails() {
  const source = readFileSync('components/shared/events.ts', 'utf8');
  const body = /export interface GrantkitElementEvents \{([\s\S]*?)\n\}/.exec(source)?.[1];
  if (!body) throw new Error('finish-manifest: GrantkitElementEvents not found in components/shared/events.ts');
  return new Map([...body.matchAll(/^\s*'([\w-]+)': (.+);$/gm)].map(([, name, type]) => [name, type]));
}

const details = eventDetails();
const elements = [];
for (const module of manifest.modules) {
  const match = /^components\/([\w-]+)\/\1\.ts$/.exec(module.path);
  const declaration = module.declarations?.find((d) => d.customElement);
  if (!match || !declaration) continue;
  const tag = match[1];
  if (!declaration.description && declaration.summary) declaration.description = declaration.summary;
  declaration.members = (declaration.members ?? []).filter((m) => !m.name.startsWith('#') && m.privacy !== 'private');
  for (const event of declaration.events ?? []) {
    const detail = details.get(event.name);
    if (!detail) throw new Error(`finish-manifest: <${tag}> fires ${event.name}, which GrantkitElementEvents does not declare`);
    event.type = { text: `CustomEvent<${detail}>` };
  }
  const path = `dist/components/${tag}.js`;
  elements.push({
    kind: 'javascript-module',
    path,
    declarations: [declaration],
    exports: [
      { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } },
      { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: path } },
    ],
  });
}
if (elements.length === 0) throw new Error('finish-manifest: no elements found');
// The entry that registers them all, re-exporting each element's class.
const all = {
  kind: 'javascript-module',
  path: 'dist/components.js',
  declarations: [],
  exports: elements.map((m) => ({ kind: 'js', name: m.declarations[0].name, declaration: { name: m.declarations[0].name, module: m.path } })),
};
manifest.modules = [...elements, all];
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`finish-manifest: ${elements.length} elements, ${elements.reduce((n, m) => n + (m.declarations[0].events?.length ?? 0), 0)} typed events`);
