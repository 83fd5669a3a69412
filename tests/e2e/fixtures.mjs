// Shared test set-up: every page records CSP violations, console errors and
// uncaught errors, and every test fails if any happened. `checkA11y` runs
// axe-core on the current page and fails on any violation.
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** How long pages settle after a test's last step (longer than the draft's
 * 600 ms autosave delay plus a request). */
export const SETTLE_MS = 1500;

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    // A test that provokes an error on purpose names it (a 500 it serves).
    const expected = [];
    page.allowConsoleError = (pattern) => expected.push(pattern);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      // What live regions are given to say (see `announced`): each region's
      // text after every change, as a screen reader would hear it.
      window.__announced = [];
      const live = '[aria-live], [role="status"], [role="alert"], [role="log"]';
      const last = new Map();
      new MutationObserver((mutations) => {
        for (const m of mutations) {
          const node = m.target.nodeType === Node.ELEMENT_NODE ? m.target : m.target.parentElement;
          const region = node && node.closest(live);
          if (!region || region.getAttribute('aria-live') === 'off') continue;
          const text = region.innerText.replace(/\s+/g, ' ').trim();
          if (text && last.get(region) !== text) window.__announced.push({ region: region.id || region.getAttribute('role') || 'live', text });
          last.set(region, text);
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await use(page);
    // Let every open page settle before judging: work that outlives a test's
    // last step (a delayed save, a timer, a pending request) may still throw.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (const p of page.context().pages()) {
      const csp = await p.evaluate(() => window.__csp || []).catch(() => []);
      problems.push(...csp.map((v) => `CSP violation: ${v}`));
    }
    // 404 of a probed path is expected on purpose in some tests; they clear it.
    const unexpected = problems
      .filter((p) => !p.includes('status of 404'))
      .filter((p) => !expected.some((pattern) => pattern.test(p)));
    expect(unexpected, 'no console errors, page errors or CSP violations').toEqual([]);
  },
});
export { expect };

/** Runs axe-core (injected through the DevTools protocol, so the CSP does not block it). */
export async function checkA11y(page, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Starts from fresh demo data in this browser context. */
export async function freshStart(page, url = '/') {
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await expect(page.locator('header .brand')).toBeVisible();
}

/** Signs in to the partner workspace as a demo user. */
export async function partnerSignIn(page, name, role) {
  await page.goto('/partner/customers');
  await page.getByRole('button', { name: `Sign in as ${name}, ${role}` }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

/** Creates an invitation from the options page; returns the draft page's link text. */
export async function createInvitation(page, { dap = false, name = '', email = '' } = {}) {
  await page.goto('/partner/invitations/new');
  const box = page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365');
  // The box starts checked, as in Partner Center; clear it to ask for no admin privileges.
  if (dap) await box.check(); else if (await box.isEnabled()) await box.uncheck();
  if (name) await page.getByLabel("Customer's company name").fill(name);
  if (email) await page.getByLabel("Customer's email").fill(email);
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  return (await page.locator('.link-text').textContent()).trim();
}

/** Everything live regions were given to say on this page, in order. */
export async function announced(page) {
  return page.evaluate(() => window.__announced.map((a) => a.text));
}

/** Waits until `text` has been announced, then checks it was announced
 * exactly once, through one live region. */
export async function expectAnnouncedOnce(page, text) {
  await expect.poll(async () => (await announced(page)).filter((t) => t === text).length, { message: `announced: ${text}` }).toBeGreaterThan(0);
  // A moment for a second announcement of the same outcome to show up.
  await page.waitForTimeout(300);
  const said = await announced(page);
  expect(said.filter((t) => t === text), `"${text}" announced once (all announcements: ${JSON.stringify(said)})`).toHaveLength(1);
}

/** Keeps a screenshot of the page as a test artifact (test-results/<test>/<name>.png), attached to the report. */
export async function keep(page, testInfo, name) {
  const path = testInfo.outputPath(`${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
