// The customer's first page, on the production build served with brotli
// like a static host, the local mock server as its backend (.ci/bench runs
// this after building with BACKEND_ORIGIN=http://127.0.0.1:4176):
// - a fresh invitation link is made through the API;
// - ready time: navigation → performance.mark('app-ready') (set when the
//   invitation's heading and first action are on screen), against a static
//   HTML copy of the same page (navigation → load event), at 1× and 4× CPU,
//   median of 5 cold loads each, and at 4× CPU on slow 4G (Chromium's
//   network throttling), median of 3;
// - the floor of any page the wasm draws: the static copy that also
//   downloads and compiles the landing build's wasm, running none of it
//   (ready when the compile ends), against the static copy alone;
// - Lighthouse (npm package, mobile preset: simulated slow 4G and 4× CPU) on
//   both, median of 3 runs: performance score, LCP, FCP, TBT, CLS.
// Prints figures; fails only when something cannot be measured.
import { chromium } from '@playwright/test';
import { serveProduction, signInAt, CHROME_FLAGS } from './bench-serve.mjs';
import { writeFileSync, rmSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const API = 4176;
const PORT = 4200;
const dist = 'dist-production';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

const servers = await serveProduction({ port: PORT, api: API });
const staticCopy = `${dist}/bench-static-copy.html`;
const floorCopy = `${dist}/bench-floor.html`;
const floorScript = `${dist}/bench-floor.js`;
let browser;
try {
  // A pending invitation from Fabrikam, as its Admin agent makes one.
  const api = async (method, path, body, token) => {
    const r = await fetch(`http://127.0.0.1:${API}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'MS-RequestId': crypto.randomUUID(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body && JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${await r.text()}`);
    return r.json();
  };
  const ids = await api('GET', '/v1/demo/identities');
  const ana = ids.partners.flatMap((t) => t.users).find((u) => u.displayName === 'Ana Souza');
  const token = await signInAt(API, ana.id, `http://127.0.0.1:${PORT}/partner/`);
  const invitation = await api('POST', '/v1/invitations', { dap: true, customerName: 'Wingtip Toys', customerEmail: 'admin@wingtiptoys.example', emailLanguage: 'en', appBase: `http://127.0.0.1:${PORT}/` }, token);
  const link = invitation.link;

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_FLAGS });

  // The static copy: the ready page's DOM without its scripts and preloads.
  {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    await page.goto(link);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], meta[http-equiv]').forEach((n) => n.remove());
      return '<!doctype html>\n' + doc.outerHTML;
    });
    writeFileSync(staticCopy, html);
    // The floor: the same page, and the wasm the acceptance page loads
    // fetched at once and compiled, none of it run (a file: the site's
    // Content-Security-Policy allows its own scripts).
    const [wasm] = readdirSync(dist).filter((f) => /^landing-[0-9a-f]+_bg\.wasm$/.test(f));
    if (!wasm) throw new Error(`no landing build's wasm in ${dist}`);
    writeFileSync(floorScript, `WebAssembly.compileStreaming(fetch('./${wasm}')).then(() => performance.mark('app-ready'));\n`);
    writeFileSync(floorCopy, html.replace('</body>', '<script type="module" src="bench-floor.js"></script></body>'));
    await page.close();
  }
  const staticUrl = `http://127.0.0.1:${PORT}/bench-static-copy.html`;
  const floorUrl = `http://127.0.0.1:${PORT}/bench-floor.html`;

  // Chromium's own network throttling, slow 4G's figures (as Lighthouse's
  // mobile preset simulates them): 150 ms round trip, 1.6 Mbps down.
  const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
  async function readyTimes(rate, network, loads = 5) {
    const app = [];
    const copy = [];
    const floor = [];
    const mark = () => performance.getEntriesByName('app-ready')[0]?.startTime;
    for (let i = 0; i < loads; i++) {
      for (const [url, out, ready] of [
        [link, app, mark],
        [floorUrl, floor, mark],
        [staticUrl, copy, () => { const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd > 0 ? n.loadEventEnd : undefined; }],
      ]) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        if (network) {
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', network);
        }
        await page.goto(url, { waitUntil: 'commit' });
        // Polled through the DevTools protocol with a plain expression:
        // Playwright's waitForFunction would inject its own script into the
        // page while it loads (50 ms of the main thread at 4× CPU), which
        // the app, still starting then, pays and the static copy does not.
        let t;
        for (const start = Date.now(); t === undefined; await wait(20)) {
          if (Date.now() - start > 60_000) throw new Error(`${url} not ready within 60 s`);
          const { result } = await cdp.send('Runtime.evaluate', { expression: `(${ready})()`, returnByValue: true });
          t = result.value;
        }
        out.push(t);
        await context.close();
      }
    }
    return { app: median(app), copy: median(copy), floor: median(floor) };
  }
  console.log('\nAcceptance page (production build, brotli, mock server backend), 412×823 viewport');
  for (const rate of [1, 4]) {
    const t = await readyTimes(rate);
    console.log(`  ${rate}× CPU: ready ${t.app.toFixed(0)} ms (app-ready mark), static copy ${t.copy.toFixed(0)} ms (load) → ratio ${(t.app / t.copy).toFixed(2)}× (median of 5 cold loads)`);
    console.log(`      floor: the static copy downloading and compiling the same wasm, running none of it, ${t.floor.toFixed(0)} ms → ratio ${(t.floor / t.copy).toFixed(2)}×`);
  }
  {
    const t = await readyTimes(4, SLOW_4G, 3);
    console.log(`  4× CPU on slow 4G (150 ms round trip, 1.6 Mbps): ready ${t.app.toFixed(0)} ms, static copy ${t.copy.toFixed(0)} ms → ratio ${(t.app / t.copy).toFixed(2)}× (median of 3 cold loads)`);
  }
  await browser.close();
  browser = null;

  // Lighthouse, mobile preset (its default): simulated throttling.
  const lhRoot = resolve('target/bench-node/node_modules');
  const { default: lighthouse } = await import(pathToFileURL(`${lhRoot}/lighthouse/core/index.js`));
  const chromeLauncher = await import(pathToFileURL(`${lhRoot}/chrome-launcher/dist/index.js`));
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', ...CHROME_FLAGS] });
  try {
    for (const [label, url] of [['acceptance page', link], ['its static copy', staticUrl]]) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
        const a = result.lhr.audits;
        runs.push({ score: Math.round(result.lhr.categories.performance.score * 100), lcp: a['largest-contentful-paint'].numericValue, fcp: a['first-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue, cls: a['cumulative-layout-shift'].numericValue, bytes: a['total-byte-weight'].numericValue });
      }
      const m = (k) => median(runs.map((r) => r[k]));
      console.log(`  Lighthouse mobile, ${label}: performance ${m('score')} (runs ${runs.map((r) => r.score).join(', ')}), LCP ${(m('lcp') / 1000).toFixed(2)} s, FCP ${(m('fcp') / 1000).toFixed(2)} s, TBT ${m('tbt').toFixed(0)} ms, CLS ${m('cls').toFixed(3)}, transferred ${(m('bytes') / 1024).toFixed(1)} KiB`);
    }
  } finally {
    await chrome.kill();
  }
} finally {
  if (browser) await browser.close();
  for (const f of [staticCopy, floorCopy, floorScript]) rmSync(f, { force: true });
  servers.stop();
}
