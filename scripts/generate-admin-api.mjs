// Generates src/admin/api-types.ts (types, by openapi-typescript) and src/admin/operations.ts
// (the route table) from docs/admin-api.yaml, the one source of truth for the admin API.
// `--check` fails when the committed files are not what the document gives, so they
// cannot drift: `npm run typecheck` runs it.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const SOURCE = 'docs/admin-api.yaml';
const HEADER = `// Generated from ${SOURCE} by scripts/generate-admin-api.mjs. Do not edit: change the document and run \`npm run generate\`.\n`;
const check = process.argv.includes('--check');

const types = HEADER + '/* eslint-disable */\n' + astToString(await openapiTS(new URL(`../${SOURCE}`, import.meta.url)));

const document = parse(await readFile(SOURCE, 'utf8'));
const rows = [];
for (const [path, item] of Object.entries(document.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item[method];
    if (!op) continue;
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])];
    // Flags: 1 = takes path or query parameters, 2 = takes a JSON body.
    const flags = (parameters.length > 0 ? 1 : 0) | (op.requestBody ? 2 : 0);
    rows.push(`  ${op.operationId}: ['${method.toUpperCase()}', '${path}', ${flags}],`);
  }
}
// The document's named string formats with a pattern, so that forms refuse exactly what the
// server would. A regular-expression literal needs its unescaped slashes escaped, and the `u`
// flag that Ajv compiles patterns with (without it, `\p{…}` would mean the letter p).
const literal = (pattern) => {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') out += pattern[i] + (pattern[++i] ?? '');
    else out += pattern[i] === '/' ? '\\/' : pattern[i];
  }
  return `/${out}/u`;
};
const formats = Object.entries(document.components.schemas)
  .filter(([, schema]) => schema.type === 'string' && schema.pattern)
  .map(([name, schema]) => `  ${name}: { pattern: ${literal(schema.pattern)}, maxLength: ${schema.maxLength ?? 'Infinity'} },`);

const operations = `${HEADER}
/** Every operation of the admin API: method, path template, and flags (1: parameters, 2: body). */
export const OPERATIONS = {
${rows.join('\n')}
} as const;

export type OperationId = keyof typeof OPERATIONS;

/** The document's string formats that have a pattern: what the server checks, for forms to check first. */
export const STRING_FORMATS = {
${formats.join('\n')}
} as const;
`;

// The server takes the same types for its handlers: a handler that drifts from the document
// fails to compile. A copy, because the server builds on its own (server/tsconfig.json) and
// shares nothing with the SDK but this document.
const outputs = { 'src/admin/api-types.ts': types, 'src/admin/operations.ts': operations, 'server/admin/api-types.ts': types };
let stale = false;
for (const [file, content] of Object.entries(outputs)) {
  if (check) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== content) {
      console.error(`${file} is not what ${SOURCE} gives: run \`npm run generate\``);
      stale = true;
    }
  } else {
    await writeFile(file, content);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
