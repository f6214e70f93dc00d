import { readdirSync } from 'node:fs';
// Prints the minified + gzip size of grantkit's core, bundled with its dependencies
// (what an app ships), and of the library file alone (dependencies left as imports).
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What loading `input` costs up front: its static graph, bundled and minified; dynamic imports load later and are left out. */
async function bundle(input, external = () => false) {
  const build = await rollup({ input, external, plugins: [nodeResolve({ browser: true }), terser({ module: true, ecma: 2022, format: { comments: false } })], onwarn() {} });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  // The entry chunk and every chunk it imports statically, as one text; chunks reached
  // only by import() load later and are left out.
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name) || !chunks.has(name)) return;
    needed.add(name);
    chunks.get(name).imports.forEach(visit);
  };
  visit(output.find((o) => o.type === 'chunk' && o.isEntry).fileName);
  return Buffer.from([...needed].map((name) => chunks.get(name).code).join('\n'));
}
const dependencies = (id) => /^(oauth4webapi|idb-keyval|lit|@lit|@lit-labs)(\/|$)/.test(id);

function sizes(code) {
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = {
  'core alone (dependencies external)': sizes(await bundle('dist/grantkit.js', dependencies)),
  'core bundled with oauth4webapi + idb-keyval': sizes(await bundle('dist/grantkit.js')),
  'admin client (grantkit/admin)': sizes(await bundle('dist/admin.js', dependencies)),
};
// Elements as an app ships them: bundled with Lit (and everything else they import).
for (const tag of readdirSync('dist/components').filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3))) {
  rows[`<${tag}> alone, with Lit`] = sizes(await bundle(`dist/components/${tag}.js`));
}
// DPoP's own chunk, which the core loads with import() when a client first needs a key.
const dpopChunk = readdirSync('dist/chunks').find((f) => f.startsWith('dpop-') && f.endsWith('.js'));
rows['DPoP (keys, proofs, nonces), loaded on first use'] = sizes(await bundle(`dist/chunks/${dpopChunk}`, dependencies));
// The other parts the core loads with import() when first needed: each is its own chunk.
// A chunk is its name and rollup's 8-character hash (sign-in-return-… is the elements').
for (const [prefix, what] of [
  ['sign-in-', 'sign-in (authorization request, PAR, the return, the code exchange), loaded when a sign-in starts or returns'],
  ['refresh-', 'refresh (discovery, cross-tab lock, refresh grant), loaded when a token first needs renewing'],
  ['sign-out-', 'sign-out (revocation, end-session URL), loaded at logout'],
  ['popup-handshake-', 'popup sign-in handshake, loaded with a popup sign-in'],
  ['www-authenticate-', 'WWW-Authenticate parser, loaded with the first 401'],
]) {
  const chunk = readdirSync('dist/chunks').find((f) => f.startsWith(prefix) && /^[\w-]{8}\.js$/.test(f.slice(prefix.length)));
  if (chunk) rows[what] = sizes(await bundle(`dist/chunks/${chunk}`, (id) => dependencies(id) || !id.includes(prefix)));
}
rows['all elements, with Lit and the admin client (the core loads only if an element makes the client)'] = sizes(await bundle('dist/components.js'));
rows['German strings (grantkit/components/locales/de), on top'] = sizes(await bundle('dist/components/locales/de.js', (id) => !id.includes('locales/de')));
// grantkit/react is the hook alone: it loads the core with import() when first used.
const react = (id) => /^react(\/|$)/.test(id);
rows['grantkit/react (useAuth), up front (React is the app\'s)'] = sizes(await bundle('dist/react.js', react));
// Once used, the hook loads the core's entry: the two together, less the core alone, is what the hook adds.
const hookAndCore = sizes(await bundle('scripts/size-entries/use-auth-app.js', react));
const core = rows['core bundled with oauth4webapi + idb-keyval'];
rows['grantkit/react (useAuth), added to the core it loads'] = Object.fromEntries(Object.entries(hookAndCore).map(([k, v]) => [k, v - core[k]]));
// The wrappers cost what they add to the elements they wrap.
const withReact = sizes(await bundle('dist/react/elements.js', react));
const elements = rows['all elements, with Lit and the admin client (the core loads only if an element makes the client)'];
rows['grantkit/react/elements (wrappers, @lit/react), on top of all elements'] = Object.fromEntries(Object.entries(withReact).map(([k, v]) => [k, v - elements[k]]));
console.table(rows);
