// Reflow (WCAG 1.4.10), the part of issue 13 done so far: at 320 CSS
// pixels wide (400 % zoom of a 1280-pixel window) and at 640 (200 %), the
// main journeys' pages never scroll sideways. (The Customers list still
// clips columns inside its box at narrow widths: issue 13's list rework.)
import { test, expect, partnerSignIn, createInvitation } from './fixtures.mjs';

/** Fails when the page is wider than the window, naming what sticks out. */
async function noSideScroll(page, label) {
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 0.5 && getComputedStyle(e).position !== 'absolute')
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).replace(/ /g, '.')} → ${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 5);
    return { scroll: document.documentElement.scrollWidth, w, out };
  });
  expect(r.scroll, `${label}: the page is ${r.scroll} px wide in a ${r.w} px window (${r.out.join('; ')})`).toBeLessThanOrEqual(r.w);
}

for (const width of [320, 640]) {
  test(`at ${width} px wide no page of the partner and customer journeys scrolls sideways`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSideScroll(page, 'home');
    await page.goto('/partner/customers');
    await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
    await noSideScroll(page, 'partner sign-in');
    await partnerSignIn(page, 'Ana Souza', 'Admin agent');
    await noSideScroll(page, 'customers');
    await page.goto('/partner/invitations/new');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSideScroll(page, 'request a reseller relationship');
    const link = await createInvitation(page, { dap: true, name: 'Wingtip Toys', email: 'admin@wingtiptoys.example' });
    await noSideScroll(page, 'draft email');
    await page.goto('/partner/invitations');
    await expect(page.getByRole('button', { name: /copy/i }).first()).toBeVisible();
    await noSideScroll(page, 'invitations');
    await page.goto('/customer');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSideScroll(page, 'customer portal sign-in');
    await page.goto(link);
    await expect(page.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
    await noSideScroll(page, 'acceptance page');
    await context.close();
  });
}
