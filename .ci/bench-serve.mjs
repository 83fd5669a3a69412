// What the benchmarks share: the production build served with brotli like
// a static host, with the local mock server (release) as its backend.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Debian Chromium's flags for headless runs as root (Lighthouse adds --headless). */
export const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Serves dist-production on `port` against the mock server on `api`; resolves once both answer. */
export async function serveProduction({ port, api }) {
  const children = [
    spawn('target/release/mock-server', ['--port', String(api), '--http-mock', '--allow-origin', `http://127.0.0.1:${port}`], { stdio: 'ignore' }),
    spawn('node', ['tests/e2e/static-server.mjs', '--port', String(port), '--mount', '/', '--dist', resolve('dist-production'), '--brotli',
      '--config-json', JSON.stringify({ backend: 'http', baseUrl: `http://127.0.0.1:${api}`, issuer: `http://127.0.0.1:${api}/organizations/v2.0`, clientId: 'reseller-invitations', scopes: 'api://reseller-invitations/access offline_access' })], { stdio: 'ignore' }),
  ];
  for (const url of [`http://127.0.0.1:${api}/v1/demo/identities`, `http://127.0.0.1:${port}/`]) {
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      try { up = (await fetch(url)).status < 500; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    if (!up) throw new Error(`${url} did not come up`);
  }
  return { stop: () => children.forEach((c) => c.kill()) };
}

/** Signs `userId` in at the mock server's identity provider as a browser
 * would (the authorize form, the redirect's code, the token request with
 * RFC 7636's PKCE pair); resolves to the access token. */
export async function signInAt(api, userId, redirectUri) {
  const base = `http://127.0.0.1:${api}`;
  const form = (o) => new URLSearchParams(o).toString();
  const authorize = await fetch(`${base}/organizations/oauth2/v2.0/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form({ client_id: 'reseller-invitations', redirect_uri: redirectUri, response_type: 'code', scope: 'openid api://reseller-invitations/access offline_access', state: 'bench', nonce: 'bench', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256', user: userId }),
  });
  const code = new URL(authorize.headers.get('location')).searchParams.get('code');
  if (!code) throw new Error(`sign-in as ${userId}: HTTP ${authorize.status}`);
  const tokens = await fetch(`${base}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form({ grant_type: 'authorization_code', client_id: 'reseller-invitations', code, redirect_uri: redirectUri, code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }),
  });
  return (await tokens.json()).access_token;
}
