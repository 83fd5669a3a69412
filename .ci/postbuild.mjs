// Finishes a static site after `.ci/build` has put its Trunk builds
// together (the portal at the root, with the landing build beside it in the
// production site, the customer portal in customer/, the partner workspace
// in partner/):
//
// - Content-Security-Policy: hashes Trunk's inline bootstrap script (and the
//   404 page's script) so no 'unsafe-inline' is needed; 'wasm-unsafe-eval' for
//   the module; connect-src limited to the app itself plus BACKEND_ORIGIN.
//   Written as a <meta> tag in the three index.html files and 404.html (one
//   policy for the site: every build's bootstrap hash), and as a `_headers`
//   file (Netlify / Cloudflare Pages format) that adds what a meta tag cannot.
// - version.json: the marker 404.html looks for to find where the app lives.
// - 404.html: for hosts that serve it on unknown paths (GitHub Pages, Netlify,
//   Cloudflare Pages...): finds the app's base path and sends the browser to
//   `<base>/?route=<path>` (`<base>/partner/?route=<path>` for the partner
//   workspace's paths, `<base>/customer/?route=…` for the customer portal's),
//   which the app turns back into the deep link.
//
//   node .ci/postbuild.mjs dist    (PRODUCTION=1 for the production build)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  console.error('postbuild: no folder given');
  process.exit(2);
}

const APP = 'reseller-invitations';
// The wasm features the shipped builds use (wasm-bindgen's externref table
// among them), so that wasm-opt reads and writes them as they are.
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync('Cargo.toml', 'utf8'))[1];
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// BACKEND_ORIGIN: space-separated origins of a cross-origin backend the
// deployment's config.json points at (e.g. https://api.contoso.example).
// Same-origin backends need nothing.
const backendOrigins = (process.env.BACKEND_ORIGIN || '')
  .split(/\s+/)
  .filter(Boolean)
  .map((origin) => {
    if (!/^https?:\/\/[^/\s;,']+$/.test(origin)) {
      console.error(`postbuild: BACKEND_ORIGIN "${origin}" is not an origin like https://api.example.com`);
      process.exit(2);
    }
    return origin;
  });

const pages = ['index.html', 'customer/index.html', 'partner/index.html'].map((name) => ({ name, path: join(dir, name), html: readFileSync(join(dir, name), 'utf8') }));

// The portal (the customer's first page) paints its frame from the HTML;
// its wasm is not preloaded beside the CSS. Its download starts in the
// frame of the first paint (requestAnimationFrame runs just before that
// frame is painted), and the wasm is compiled and the app started after the
// paint. Started earlier, when the bootstrap module ran (once the CSS was
// in, before the paint), the download, quick on a fast link, ended before
// the paint in about half of Lighthouse's runs: its simulated slow 4G then
// counted the 166 KiB of wasm as needed for the paint, and the acceptance
// page's LCP came out at 1.9 s instead of 0.9 s (issue 12; the largest
// element is the HTML's own intro paragraph either way). Started in the
// paint's frame: 38 of 40 runs at 0.90–0.98 s (2 at 1.96 s, so a median
// of 3 rarely), ready no later in paired
// loads (4× CPU +13 ms median, faster in 5 of 12; 1× +1 ms). Started only
// once the paint was reported (Paint Timing's observer): as robust, but
// ready 58 ms later at 4× CPU. A hidden tab (opened in the background)
// runs no frames until shown, so there the download starts at once.
//
// In the same frame, for a visitor opening an invitation link signed out,
// the bootstrap also asks the backend for the invitation's public view
// (GET, no header of its own: no CORS preflight), so that its round trip
// runs while the wasm downloads instead of after the wasm has started
// (issue 12: on a phone's network, about 160 ms of a 1.6 s wait; the
// local benchmark, with no network latency, barely sees it). The app takes
// the answer for the request it would have sent (platform::early_fetch,
// the exact URL: if the two ever disagree, the app asks itself and nothing
// is used twice), and the answer goes through the app's own error mapping
// and reading as any other. The bootstrap also takes config.json's
// preloaded answer (its base URL) and hands it to the app, so the file is
// still asked for once. It calls only an origin the build names (the
// Content-Security-Policy's, BACKEND_ORIGIN) or its own; it checks less of
// config.json than the app does (a file the app then refuses costs one
// wasted read, within the same origins). A failed or timed-out early read
// counts as the app's first attempt (its retries follow as for any read).
//
// Which build the page starts: the production site carries a fourth build,
// the portal's first page for a visitor opening an invitation signed out
// (the landing bin, .ci/build: its glue and wasm beside the portal's). It is
// the portal without the steps after signing in (about 30 KiB brotli less
// to download and compile before the invitation shows; issue 12): signing
// in leaves the page for the identity provider, which comes back to the
// whole portal. The bootstrap picks it on the signs the early read goes by
// (an invitation link, no session in this tab, no deep link to restore),
// and once its page offers to sign in and the browser is idle it fetches
// the whole portal ahead, so the page the identity provider sends the
// customer back to loads from the cache as it did when both were one build
// (not for a browser set to save data). Both glues are
// imported when picked (no static import, no modulepreload: the page would
// fetch the one it does not run).
{
  const portal = pages[0];
  // The contract's endpoint (crates/contract/openapi.json, generated from
  // the operations): renamed there, the build stops here rather than ship a
  // bootstrap that asks for a path the app no longer reads.
  const VIEW = '/v1/tenant/invitations/view';
  const view = JSON.parse(readFileSync('crates/contract/openapi.json', 'utf8')).paths?.[VIEW]?.get;
  if (!view || !(view.parameters || []).some((p) => p.in === 'query' && p.name === 'link')) {
    console.error(`postbuild: the contract has no GET ${VIEW}?link= (crates/contract/openapi.json): update the portal's bootstrap`);
    process.exit(2);
  }
  // Trunk's HTML is minified: attributes in any order, quotes optional.
  const preload = /<link\b[^>]*\bhref=["']?[^"'\s>]+_bg\.wasm["']?[^>]*>/;
  const modulePreload = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/;
  const glueImport = /import init, \* as bindings from ('\.\/portal-[0-9a-f]{1,16}\.js');/;
  const start = /const wasm = await init\(\{ module_or_path: ('[^']+_bg\.wasm') \}\);/;
  if (!preload.test(portal.html) || !modulePreload.test(portal.html) || !glueImport.test(portal.html) || !start.test(portal.html)) {
    console.error('postbuild: Trunk\'s preloads, glue import or bootstrap not found in index.html');
    process.exit(2);
  }
  const portalGlue = glueImport.exec(portal.html)[1];
  const landingGlues = readdirSync(dir).filter((f) => /^landing-[0-9a-f]{1,16}\.js$/.test(f));
  if (landingGlues.length > 1) {
    console.error(`postbuild: more than one landing build in ${dir} (${landingGlues}): build the site again from a clean folder`);
    process.exit(2);
  }
  const [landingGlue] = landingGlues;
  if (landingGlue && !existsSync(join(dir, landingGlue.replace(/\.js$/, '_bg.wasm')))) {
    console.error(`postbuild: ${landingGlue} has no wasm beside it`);
    process.exit(2);
  }
  // Both of its files by name (the budget, .ci/budget.mjs, reads them here).
  const landing = landingGlue ? JSON.stringify([`./${landingGlue}`, `./${landingGlue.replace(/\.js$/, '_bg.wasm')}`]) : 'null';
  portal.html = portal.html
    .replace(preload, '')
    .replace(modulePreload, '')
    .replace(glueImport, '')
    .replace(start, (_, wasm) => `let download;
const fetches = {};
// Kept until the app takes it; handled at once, so a failure is the app's to
// report, never an unhandled rejection of its own.
const keep = (url, answer) => { fetches[url] = answer; answer.catch(() => {}); };
const configUrl = new URL('config.json', document.baseURI).href;
keep(configUrl, fetch(configUrl));
let registered;
const ready = new Promise((done) => { registered = done; });
// The app's platform::early_fetch: each answer once; null when none was
// asked for, 'failed' when it was and failed (the app counts that as its
// own first attempt).
window.earlyFetches = {
  take: (url) => ready.then(() => {
    const answer = fetches[url];
    delete fetches[url];
    return answer ? answer.catch(() => 'failed') : null;
  }),
};
// An invitation opened by a visitor with no session in this tab, and no
// deep link to restore: the landing build's page, and the early read's.
const signedOut = (() => {
  if (!document.documentElement.classList.contains('boot-invitation') || /[?&]route=/.test(location.search)) return false;
  try { return sessionStorage.getItem('${APP}.oidc.customer') === null; } catch (e) { return false; }
})();
const landing = ${landing};
const [glueUrl, wasmUrl] = signedOut && landing ? landing : [${portalGlue}, ${wasm}];
const glue = import(glueUrl);
// Once the page offers to sign in (the sign-in button is on screen, marked
// 'sign-in-offered' by the app) and the browser is idle, the whole portal
// is fetched at low priority into the HTTP cache, where the page the sign-in
// comes back to finds it (fetch, not <link rel=prefetch>: every browser has
// it, the Content-Security-Policy's connect-src allows it, and its request
// is the one the portal makes). Not on a page that offers no sign-in (a link
// that cannot be used), nor for a browser set to save data (Save-Data).
if (landing && glueUrl === landing[0] && !navigator.connection?.saveData) {
  new PerformanceObserver((marks, observer) => {
    if (marks.getEntriesByName('sign-in-offered').length === 0) return;
    observer.disconnect();
    (window.requestIdleCallback || setTimeout)(() => {
      for (const href of [${portalGlue}, ${wasm}]) fetch(href, { priority: 'low' }).then((r) => r.blob()).catch(() => {});
    });
  }).observe({ type: 'mark', buffered: true });
}
const readInvitation = () => {
  if (!signedOut) return;
  return fetches[configUrl].then((r) => (r.ok ? r.clone().json() : null)).then((c) => {
    if (!c || c.backend !== 'http' || typeof c.baseUrl !== 'string') return;
    const base = c.baseUrl.trim().replace(/\\/+$/, '');
    const origin = new URL(base).origin;
    if (origin !== location.origin && !${JSON.stringify(backendOrigins.map((o) => o.toLowerCase()))}.includes(origin)) return;
    const link = encodeURIComponent(location.href).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
    const url = base + '${VIEW}?link=' + link;
    keep(url, fetch(url, { signal: AbortSignal.timeout(Number(c.timeoutMs) || 15000) }));
  });
};
await new Promise((started) => {
  const start = () => {
    download = fetch(wasmUrl);
    Promise.resolve().then(readInvitation).catch(() => {}).then(registered);
    started();
  };
  if (document.visibilityState === 'hidden') start(); else requestAnimationFrame(start);
});
await new Promise((painted) => setTimeout(painted));
const bindings = await glue;
const wasm = await bindings.default({ module_or_path: download });`);
  // The bootstrap, minified as the glue is (Trunk leaves inline scripts as
  // they are): it is part of every first download.
  const module = /(<script type=["']?module["']?>)([\s\S]*?)(<\/script>)/;
  if (!module.test(portal.html)) {
    console.error('postbuild: the bootstrap module script not found in index.html');
    process.exit(2);
  }
  const code = module.exec(portal.html)[2];
  const small = (await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
  portal.html = portal.html.replace(module, (_, open, _code, close) => open + small + close);
}
// The names the wasm and its JS glue call each other by: wasm-bindgen names
// each import after its JS function and a 16-hex-digit hash
// (`__wbg_activeElement_6c30fe7fda33ef51`), and each export after the Rust
// item (a closure's shim runs to 300 characters). Written in both files,
// these carry about 7 KiB of text a build, which brotli cannot shrink much
// (the hashes are random): binaryen's minify-imports-and-exports-and-modules
// pass renames them to one or two letters and prints what became what, and
// the glue is rewritten to match (issue 12: about 3 KiB brotli less a page).
// Every name the glue calls the wasm by must come out renamed, or the build
// stops here.
for (const folder of [dir, join(dir, 'customer'), join(dir, 'partner')]) {
  for (const wasmName of readdirSync(folder).filter((f) => f.endsWith('_bg.wasm'))) {
    const stem = wasmName.slice(0, -'_bg.wasm'.length);
    const wasmPath = join(folder, wasmName);
    const jsPath = join(folder, `${stem}.js`);
    const wasmModule = `./${stem.replace(/-[0-9a-f]{1,16}$/, '')}_bg.js`;
    const before = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath))).map((i) => i.module));
    // Run again on a finished site: already renamed.
    if (!before.has(wasmModule)) continue;
    if (before.size !== 1) {
      console.error(`postbuild: ${wasmPath} imports from more than its glue (${[...before]}): not renamed`);
      process.exit(2);
    }
    const out = execFileSync('wasm-opt', [wasmPath, '--minify-imports-and-exports-and-modules', ...WASM_FEATURES, '-o', wasmPath], { maxBuffer: 1 << 26 }).toString();
    const map = JSON.parse(out.slice(out.indexOf('{')));
    const [newModule] = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath))).map((i) => i.module);
    let js = readFileSync(jsPath, 'utf8');
    const literal = (text) => text.replace(/[.$]/g, '\\$&');
    const moduleKey = new RegExp(`(["'])${literal(wasmModule)}\\1(?=\\s*:)`);
    if (!moduleKey.test(js)) {
      console.error(`postbuild: ${jsPath} does not name ${wasmModule} in its imports`);
      process.exit(2);
    }
    js = js.replace(moduleKey, JSON.stringify(newModule));
    for (const [, from, to] of map.imports) {
      const key = new RegExp(`(?<![\\w$.])${literal(from)}(?=\\s*:)`, 'g');
      if (!key.test(js)) {
        console.error(`postbuild: the import ${from} is not in ${jsPath}`);
        process.exit(2);
      }
      js = js.replace(key, to);
    }
    const renamed = new Map(map.exports);
    let calls = 0;
    js = js.replace(/(?<![\w$.])wasm\.([\w$]+)/g, (_, name) => {
      if (!renamed.has(name)) {
        console.error(`postbuild: ${jsPath} calls wasm.${name}, which the wasm does not export`);
        process.exit(2);
      }
      calls++;
      return `wasm.${renamed.get(name)}`;
    });
    // wasm-bindgen's glue, as written, calls its exports as `wasm.…`.
    if (calls === 0) {
      console.error(`postbuild: ${jsPath} calls nothing as wasm.…: not wasm-bindgen's glue as written`);
      process.exit(2);
    }
    writeFileSync(jsPath, js);
  }
}

// Trunk minifies the HTML and CSS (Trunk.toml) but leaves wasm-bindgen's JS
// glue as written: minify it here (about 2 KiB brotli less a page; issue 12).
// Its file name keeps Trunk's hash of the unminified glue, which still
// changes whenever the glue does. The preloads carry no integrity to break.
for (const folder of [dir, join(dir, 'customer'), join(dir, 'partner')]) {
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
    const path = join(folder, name);
    const result = await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (!result.code) {
      console.error(`postbuild: terser could not minify ${path}`);
      process.exit(2);
    }
    writeFileSync(path, result.code);
  }
}

// Names by final content: Trunk names each file after a hash of what it
// built (in hex without leading zeros: 16 digits or fewer, hence the
// {1,16} above), before the steps above rewrote the wasm and the glue. A host that
// keeps hashed files for good (README "Deploying") must never be handed new
// content under a name it holds, nor a glue beside a wasm it was not made
// with: each file is renamed after a hash of its bytes as shipped, and its
// page (the bootstrap's names included) follows.
for (const page of pages) {
  const folder = dirname(page.path);
  for (const name of readdirSync(folder)) {
    const parts = /^([a-z]+)-[0-9a-f]{1,16}(_bg\.wasm|\.js|\.css)$/.exec(name);
    if (!parts) continue;
    const hash = createHash('sha256').update(readFileSync(join(folder, name))).digest('hex').slice(0, 16);
    // Always 16 digits, which the budget and the tests go by.
    const renamed = `${parts[1]}-${hash}${parts[2]}`;
    if (renamed === name) continue;
    if (!page.html.includes(name)) {
      console.error(`postbuild: ${page.name} does not name ${name}`);
      process.exit(2);
    }
    renameSync(join(folder, name), join(folder, renamed));
    page.html = page.html.split(name).join(renamed);
  }
}

const inlineScripts = [];
for (const page of pages) {
  const scripts = [...page.html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (scripts.length === 0) {
    console.error(`postbuild: Trunk bootstrap script not found in ${page.name}`);
    process.exit(2);
  }
  inlineScripts.push(...scripts);
}

const notFoundScript = `
(function () {
  var path = location.pathname;
  var segments = path.split('/');
  var bases = [];
  for (var i = segments.length - 1; i >= 1; i--) bases.push(segments.slice(0, i).join('/') + '/');
  function show() { document.getElementById('lost').hidden = false; document.getElementById('wait').hidden = true; }
  function tryBase(k) {
    if (k >= bases.length) return show();
    var base = bases[k];
    fetch(base + 'version.json', { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) {
        if (v && v.app === '${APP}') {
          var route = '/' + path.slice(base.length) + location.search;
          var first = route.slice(1).split('?')[0].split('#')[0].split('/')[0];
          var site = first === 'partner' || first === 'customer' ? first + '/' : '';
          location.replace(base + site + '?route=' + encodeURIComponent(route) + location.hash);
        } else {
          tryBase(k + 1);
        }
      }, function () { tryBase(k + 1); });
  }
  tryBase(0);
})();
`;

function policy({ forHeader }) {
  const scripts = [...inlineScripts, notFoundScript].map(sha256);
  const directives = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scripts)].join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${backendOrigins.map((o) => ' ' + o).join('')}`,
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
  ];
  // Ignored (with a console warning) when delivered in a meta tag.
  if (forHeader) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ forHeader: false })}" />`;
const placeholder = /<meta name=["']?csp-placeholder["']?\s*\/?>/;
for (const page of pages) {
  if (!placeholder.test(page.html)) {
    console.error(`postbuild: CSP placeholder (<meta name="csp-placeholder">) missing from ${page.name}`);
    process.exit(2);
  }
  writeFileSync(page.path, page.html.replace(placeholder, meta));
}

writeFileSync(
  join(dir, '404.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    ${meta}
    <meta name="robots" content="noindex" />
    <title>Reseller invitations</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <main>
      <p id="wait">Opening the page… / Abrindo a página…</p>
      <div id="lost" hidden>
        <h1>Page not found / Página não encontrada</h1>
        <p>This address does not belong to the reseller invitations app. Check the link, or ask whoever sent it for a new one.</p>
        <p>Este endereço não pertence ao app de convites de revenda. Confira o link ou peça um novo a quem o enviou.</p>
      </div>
    </main>
    <script>${notFoundScript}</script>
  </body>
</html>
`,
);

writeFileSync(
  join(dir, '_headers'),
  `# Read by Netlify and Cloudflare Pages; copy these headers into other hosts' settings.
/*
  Content-Security-Policy: ${policy({ forHeader: true })}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()
`,
);

// The demo build's runtime configuration is the in-browser mock (a missing
// file means the same). The production build (no default features, see
// .ci/build) carries no mock and ships no config.json: the deployment writes
// one naming its backend; config.example.json shows the shape.
const production = ['1', 'true'].includes(String(process.env.PRODUCTION || '').toLowerCase());
const configName = production ? 'config.example.json' : 'config.json';
const config = production
  ? {
      backend: 'http',
      baseUrl: backendOrigins[0] || 'https://api.contoso.example',
      timeoutMs: 15000,
      // Microsoft Entra ID, a multi-tenant app registration (a single-page
      // app with the build roots as redirect URIs: <site>/, <site>/customer/,
      // <site>/partner/). No secret: the app is a public client.
      issuer: 'https://login.microsoftonline.com/organizations/v2.0',
      clientId: '00000000-0000-0000-0000-000000000000',
      scopes: 'api://reseller-invitations/access offline_access',
    }
  : { backend: 'mock' };
writeFileSync(join(dir, configName), JSON.stringify(config, null, 2) + '\n');

writeFileSync(join(dir, 'version.json'), JSON.stringify({ app: APP, version, build: production ? 'production' : 'demo' }) + '\n');
console.log(`postbuild (${production ? 'production' : 'demo'}): CSP with ${inlineScripts.length + 1} script hash(es); wrote 404.html, _headers, ${configName}, version.json`);
