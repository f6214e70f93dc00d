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
const operations = `${HEADER}
/** Every operation of the admin API: method, path template, and flags (1: parameters, 2: body). */
export const OPERATIONS = {
${rows.join('\n')}
} as const;

export type OperationId = keyof typeof OPERATIONS;
`;

const outputs = { 'src/admin/api-types.ts': types, 'src/admin/operations.ts': operations };
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
