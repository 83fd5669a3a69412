// The customer's first page (issue 12): the portal is its own small build;
// its index.html paints the frame and heading in the reader's language
// before the wasm runs, and the app takes over in one frame when ready
// (performance.mark('app-ready')), without layout shift and keeping the
// first paint's heading and intro (when the largest paint happens is a
// timing: .ci/bench measures it with Lighthouse, no test here); no console noise
// from Trunk's preloads; links between the three builds load their page.
import { test, expect, partnerSignIn, createInvitation } from './fixtures.mjs';

/** Layout shifts of the page so far (sum of values, as CLS adds them). */
async function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().reduce((s, e) => s + (e.hadRecentInput ? 0 : e.value), 0)))
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(0), 300);
  }));
}

test('an invitation link paints its frame and heading before the wasm, then the app takes over without a shift', async ({ page, browser }) => {
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const link = await createInvitation(page, { dap: true });

  // Without the wasm: the HTML alone says what the page is, in English...
  const bare = await browser.newContext({ locale: 'en-US' });
  const noWasm = await bare.newPage();
  await noWasm.route(/\.wasm$/, (route) => route.abort());
  await noWasm.goto(link);
  await expect(noWasm.getByRole('heading', { level: 1, name: 'Reseller relationship invitation' })).toBeVisible();
  await expect(noWasm.getByRole('status')).toHaveText('Opening your invitation…', { useInnerText: true });
  await expect(noWasm.getByText('Review the invitation, sign in as an administrator of your organization and authorize the partner.')).toBeVisible();
  await expect(noWasm.locator('.portal-bar')).toBeVisible();
  await bare.close();
  // ...and in Portuguese for a Portuguese browser.
  const pt = await browser.newContext({ locale: 'pt-BR' });
  const noWasmPt = await pt.newPage();
  await noWasmPt.route(/\.wasm$/, (route) => route.abort());
  await noWasmPt.goto(link);
  await expect(noWasmPt.getByRole('heading', { level: 1, name: 'Convite para uma relação de revendedor' })).toBeVisible();
  await expect(noWasmPt.getByRole('status')).toHaveText('Abrindo seu convite…', { useInnerText: true });
  await expect(noWasmPt.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await pt.close();

  // With it, on a phone: the app's page replaces the frame once the
  // invitation and its first action are on screen, marked for the
  // benchmark, with no shift.
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Reseller relationship invitation' })).toBeVisible();
  await expect(page.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign in as / }).first()).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('app-ready').length)).toBe(1);
  expect(await layoutShift(page)).toBeLessThan(0.01);
});

test('the home page is painted by the HTML and is ready at once', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Reseller relationships, end to end' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the partner workspace' })).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('app-ready').length)).toBe(1);
});

test('no page warns about its preloads, and the three builds link to each other', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (/integrity|preload/i.test(m.text())) warnings.push(`${m.type()}: ${m.text()}`); });
  await page.goto('/');
  // The partner workspace is its own build: the link loads its page.
  await page.getByRole('link', { name: 'Open the partner workspace' }).click();
  await expect(page).toHaveURL(/\/partner\/customers$/);
  await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).filter((n) => n.endsWith('.wasm')));
  expect(await loaded()).toEqual([expect.stringMatching(/^partner-[0-9a-f]+_bg\.wasm$/)]);
  // The header's switch to the customer portal, another build.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customer portal' }).click();
  await expect(page).toHaveURL(/\/customer$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await loaded()).toEqual([expect.stringMatching(/^customer-[0-9a-f]+_bg\.wasm$/)]);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customer portal' })).toHaveAttribute('aria-current', 'page');
  // And back home through the name.
  await page.getByRole('link', { name: 'Reseller invitations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reseller relationships, end to end' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(warnings).toEqual([]);
});
