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
