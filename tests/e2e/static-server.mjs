// A plain static file server for the end-to-end tests: no rewrite rules.
// It serves dist/ under a mount path, answers unknown paths with the site's
// 404.html (as GitHub Pages, Netlify or Cloudflare Pages do) or a bare 404,
// and sends the headers of dist/_headers like those hosts. Hashed file
// names (Trunk's) are cached for a year, the rest not at all.
//   node static-server.mjs --port 4173 --mount / [--no-404] [--no-config] [--config-variants]
//                          [--dist DIR] [--brotli] [--config-json TEXT]
// --brotli: answers with brotli (quality 11, once per file) when the browser
// accepts it, as static hosts serve a site (the benchmark's setting).
// --config-json: config.json answers TEXT.
// --config-variants: the same site also under /cfg-<name>/, each with its own
// config.json (see VARIANTS), to test what the app does with a broken one.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const port = Number(opt('--port', '4173'));
const mount = opt('--mount', '/');
const dist = opt('--dist', new URL('../../dist', import.meta.url).pathname);
const serve404 = !args.includes('--no-404');
const noConfig = args.includes('--no-config');
const configVariants = args.includes('--config-variants');
const brotli = args.includes('--brotli');
const configJson = opt('--config-json', null);
const compressed = new Map();
// Each variant: the config.json answer (status, body).
const VARIANTS = {
  'cfg-invalid': [200, '{ "backend": "http", '],
  'cfg-no-base-url': [200, '{ "backend": "http" }'],
  'cfg-unknown-backend': [200, '{ "backend": "ftp" }'],
  'cfg-timeout-text': [200, '{ "backend": "http", "baseUrl": "http://127.0.0.1:4176", "timeoutMs": "15000", "issuer": "http://127.0.0.1:4176/organizations/v2.0", "clientId": "reseller-invitations" }'],
  'cfg-timeout': [200, '{ "backend": "http", "baseUrl": "http://127.0.0.1:4176", "timeoutMs": 500, "issuer": "http://127.0.0.1:4176/organizations/v2.0", "clientId": "reseller-invitations" }'],
  'cfg-500': [500, 'Internal Server Error'],
  // The in-browser mock, refusing every new invitation (503).
  'cfg-failing-create': [200, '{ "backend": "mock", "faults": { "failingEndpoint": "POST /v1/invitations" } }'],
  // The in-browser mock, refusing every change of an admin relationship (503).
  'cfg-failing-patch': [200, '{ "backend": "mock", "faults": { "failingEndpoint": "PATCH /v1.0/tenantRelationships/delegatedAdminRelationships/{delegatedAdminRelationshipId}" } }'],
  // For the production build:
  'cfg-mock': [200, '{ "backend": "mock" }'],
  'cfg-elsewhere': [200, '{ "backend": "http", "baseUrl": "http://127.0.0.1:9", "issuer": "http://127.0.0.1:4176/organizations/v2.0", "clientId": "reseller-invitations" }'],
  // The mock server as backend and identity provider.
  'cfg-server': [200, '{ "backend": "http", "baseUrl": "http://127.0.0.1:4176", "issuer": "http://127.0.0.1:4176/organizations/v2.0", "clientId": "reseller-invitations", "scopes": "api://reseller-invitations/access offline_access" }'],
  // The sign-in journeys' server (tests/e2e/sign-in.spec.mjs).
  'cfg-idp': [200, '{ "backend": "http", "baseUrl": "http://127.0.0.1:4179", "issuer": "http://127.0.0.1:4179/organizations/v2.0", "clientId": "reseller-invitations", "scopes": "api://reseller-invitations/access offline_access" }'],
  // A token in the public file: refused.
  'cfg-token': [200, '{ "backend": "http", "baseUrl": "http://127.0.0.1:4176", "issuer": "http://127.0.0.1:4176/organizations/v2.0", "clientId": "reseller-invitations", "accessToken": "eyJ.secret" }'],
};
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

async function headers() {
  try {
    const text = await readFile(join(dist, '_headers'), 'utf8');
    return Object.fromEntries(text.split('\n').filter((l) => /^\s+\S+:/.test(l)).map((l) => { const i = l.indexOf(':'); return [l.slice(0, i).trim(), l.slice(i + 1).trim()]; }));
  } catch { return {}; }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const extra = await headers();
  const send = (status, body, type) => {
    // Files named by their content's hash never change: kept, as a static
    // host set up for the app keeps them (README "Deploying"); the rest is
    // asked for again each time.
    const immutable = status === 200 && /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/.test(url.pathname);
    const headers = { 'Content-Type': type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store', ...extra };
    if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '') && body.length > 0) {
      const key = typeof body === 'string' ? body : body.toString('latin1');
      if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      body = compressed.get(key);
      Object.assign(headers, { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
    }
    res.writeHead(status, headers);
    res.end(body);
  };
  const notFound = async () => {
    if (serve404) {
      try { return send(404, await readFile(join(dist, '404.html')), types['.html']); } catch {}
    }
    send(404, 'Not found', 'text/plain');
  };
  if (!url.pathname.startsWith(mount)) return notFound();
  let rel = decodeURIComponent(url.pathname.slice(mount.length));
  if (configVariants) {
    const [first, ...rest] = rel.split('/');
    if (VARIANTS[first] && rest.length > 0) {
      rel = rest.join('/');
      if (rel === 'config.json') return send(VARIANTS[first][0], VARIANTS[first][1], types['.json']);
    }
  }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  if (configJson !== null && rel === 'config.json') return send(200, configJson, types['.json']);
  if (noConfig && rel === 'config.json') return notFound();
  const file = normalize(join(dist, rel));
  if (!file.startsWith(dist)) return notFound();
  try {
    if (!(await stat(file)).isFile()) return notFound();
    send(200, await readFile(file), types[extname(file)] || 'application/octet-stream');
  } catch { notFound(); }
}).listen(port, '127.0.0.1', () => console.log(`static server on http://127.0.0.1:${port}${mount}`));
