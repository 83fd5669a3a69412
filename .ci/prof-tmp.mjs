import { chromium } from '@playwright/test';
import { serveProduction, signInAt, CHROME_FLAGS } from './bench-serve.mjs';
const API = 4176, PORT = 4200;
const servers = await serveProduction({ port: PORT, api: API });
try {
  const api = async (method, path, body, token) => {
    const r = await fetch(`http://127.0.0.1:${API}${path}`, { method, headers: { 'Content-Type': 'application/json', 'MS-RequestId': crypto.randomUUID(), ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
    return r.json();
  };
  const ids = await api('GET', '/v1/demo/identities');
  const ana = ids.partners.flatMap((t) => t.users).find((u) => u.displayName === 'Ana Souza');
  const token = await signInAt(API, ana.id, `http://127.0.0.1:${PORT}/partner/`);
  const inv = await api('POST', '/v1/invitations', { dap: true, customerName: 'Wingtip Toys', customerEmail: 'admin@wingtiptoys.example', emailLanguage: 'en', appBase: `http://127.0.0.1:${PORT}/` }, token);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_FLAGS });
  const rate = Number(process.env.RATE || 4);
  for (let i = 0; i < 2; i++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (i == 1) await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'toplevel'] });
  await page.goto(inv.link);
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 60000 });
  if (i == 1) await browser.stopTracing();
  const marks = await page.evaluate(() => [performance.timeOrigin, ...performance.getEntriesByType('mark').map((m) => m.name + ' ' + m.startTime.toFixed(0)), ...performance.getEntriesByType('resource').map((r) => r.name.slice(-30) + ' ' + r.startTime.toFixed(0) + '-' + r.responseEnd.toFixed(0))]);
  console.log(marks);
  await context.close();
  }
  await browser.close();
} finally { servers.stop(); }
