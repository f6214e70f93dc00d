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

const generated = astToString(await openapiTS(new URL(`../${SOURCE}`, import.meta.url)))
  // The two interfaces the admin entry exports, documented for editors and the API reference.
  .replace(/^export interface components \{/m, `/** Every schema, parameter and answer of ${SOURCE}: \`components['schemas']['Integration']\`. */\nexport interface components {`)
  .replace(/^export interface operations \{/m, `/** Every operation of ${SOURCE} by operationId: its parameters, body and answers. */\nexport interface operations {`);
const types = HEADER + '/* eslint-disable */\n' + generated;

const document = parse(await readFile(SOURCE, 'utf8'));
const rows = [];
const summaries = [];
for (const [path, item] of Object.entries(document.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item[method];
    if (!op) continue;
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])];
    // Flags: 1 = takes path or query parameters, 2 = takes a JSON body.
    const flags = (parameters.length > 0 ? 1 : 0) | (op.requestBody ? 2 : 0);
    rows.push(`  ${op.operationId}: ['${method.toUpperCase()}', '${path}', ${flags}],`);
    // The summary (or the description's first sentence), for the client's method of the same name.
    const text = (op.summary ?? op.description?.split(/(?<=\.)\s/)[0] ?? '').trim().replaceAll('*/', '*\\/');
    summaries.push(`  /** ${text ? `${text} ` : ''}\`${method.toUpperCase()} ${path}\`, ${op['x-permission'] && op['x-permission'] !== 'none' ? `needs \`${op['x-permission']}\`` : 'for any signed-in caller'}. */\n  ${op.operationId}: true;`);
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
  .map(([name, schema]) => `  ${name}: { pattern: ${literal(schema.pattern)}, maxLength: ${schema.maxLength ?? 'Infinity'}${schema.format ? `, format: '${schema.format}'` : ''} },`);

// What each integration kind may be, read from the document's IntegrationRules (its `if kind`
// branches), so that the elements offer per kind what the server will take: the authentication
// methods, the grant it must have or the only one it may have, and the form of its callback URLs
// (a string schema's name, or null for none).
const kindRules = {};
for (const rule of document.components.schemas.IntegrationRules.allOf) {
  const kind = rule.if?.properties?.kind?.const;
  if (!kind) continue;
  const then = rule.then.properties;
  const method = then.token_endpoint_auth_method;
  const grants = then.grant_types ?? {};
  const uris = then.redirect_uris ?? {};
  const formOf = (rule) => rule?.items?.$ref?.split('/').pop() ?? (rule?.maxItems === 0 ? null : undefined);
  const uriSchema = formOf(uris);
  if (!method || uriSchema === undefined) throw new Error(`IntegrationRules: the ${kind} rule names no authentication method or callback form`);
  // The elements check logout URLs by the callback form: the document must say the same of both.
  if (formOf(then.post_logout_redirect_uris) !== uriSchema) throw new Error(`IntegrationRules: the ${kind} rule gives logout URLs another form than callback URLs`);
  kindRules[kind] = {
    authMethods: method.enum ?? [method.const],
    ...(grants.contains?.const ? { requiredGrant: grants.contains.const } : {}),
    ...(grants.items?.const ? { onlyGrant: grants.items.const } : {}),
    redirectUris: uriSchema,
  };
}
const missingKinds = document.components.schemas.IntegrationKind.enum.filter((kind) => !kindRules[kind]);
if (missingKinds.length) throw new Error(`IntegrationRules has no rule for ${missingKinds.join(', ')}`);

const operations = `${HEADER}
/** Every operation of the admin API: method, path template, and flags (1: parameters, 2: body). */
export const OPERATIONS = {
${rows.join('\n')}
} as const;

/** The operations' names: the document's operationIds, and the admin client's methods. */
export type OperationId = keyof typeof OPERATIONS;

/**
 * What each operation does, from the document: the admin client's methods are mapped over these
 * keys, so that each method carries its operation's summary into editors and the API reference.
 */
export interface OperationSummaries {
${summaries.join('\n')}
}

/**
 * The document's string formats that have a pattern: what the server checks, for forms to check
 * first. \`format\` names one of the document's own formats, which src/admin/formats.ts defines.
 */
export const STRING_FORMATS = {
${formats.join('\n')}
} as const;

/**
 * What each kind of integration may be, from the document's IntegrationRules: its authentication
 * methods, the grant it must allow (\`requiredGrant\`) or the only one it may (\`onlyGrant\`), and the
 * string format of its callback URLs (null: it has none).
 */
export const INTEGRATION_KINDS = {
${Object.entries(kindRules).map(([kind, rule]) => `  ${kind}: ${JSON.stringify(rule).replace(/"([^"]+)":/g, '$1: ').replaceAll('"', "'").replaceAll(',', ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')},`).join('\n')}
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
