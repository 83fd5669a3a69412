// End-to-end tier: Playwright's test runner with Debian's Chromium (never a
// downloaded browser) against the release dist/, served by plain static
// servers (root, sub-path, no config.json) and by the mock server (HTTP API).
import { defineConfig } from '@playwright/test';

export const PORTS = { root: 4173, sub: 4174, noConfig: 4175, http: 4176, variants: 4177, production: 4178, idp: 4179 };

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  outputDir: '../../test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../target/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.root}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    { command: `node static-server.mjs --port ${PORTS.root} --mount /`, port: PORTS.root, reuseExistingServer: false },
    { command: `node static-server.mjs --port ${PORTS.sub} --mount /reseller/`, url: `http://127.0.0.1:${PORTS.sub}/reseller/`, reuseExistingServer: false },
    { command: `node static-server.mjs --port ${PORTS.noConfig} --mount / --no-404 --no-config`, port: PORTS.noConfig, reuseExistingServer: false },
    { command: `../../target/debug/mock-server --port ${PORTS.http} --dist ../../dist --http-mock --allow-origin http://127.0.0.1:${PORTS.production}`, port: PORTS.http, reuseExistingServer: false },
    { command: `node static-server.mjs --port ${PORTS.variants} --mount / --config-variants`, port: PORTS.variants, reuseExistingServer: false },
    // The sign-in journeys' own backend and identity provider (they end every
    // session on purpose, so they do not share one with the other tests).
    { command: `../../target/debug/mock-server --port ${PORTS.idp} --http-mock --test-hooks --allow-origin http://127.0.0.1:${PORTS.production}`, port: PORTS.idp, reuseExistingServer: false },
    // The production build (no mock), built with BACKEND_ORIGIN naming the mock servers.
    { command: `node static-server.mjs --port ${PORTS.production} --mount / --dist ../../dist-production --config-variants`, port: PORTS.production, reuseExistingServer: false },
  ],
});
