// Reflow (WCAG 1.4.10) and resize (1.4.4), issue 13: at 320 CSS pixels
// wide (400 % zoom of a 1280-pixel window) and at 640 (200 %), the main
// journeys' pages never scroll sideways, every field of every customer is on
// screen (each customer a card), and the 50,000-customer list still windows
// with rows as tall as they are measured.
import { test, expect, checkA11y, partnerSignIn, createInvitation } from './fixtures.mjs';

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

/** Every customer on screen shows its six fields with their names, inside
 * the window and not cut by a box. */
async function everyFieldShown(page, width) {
  const fields = ['Company', 'Primary domain', 'Country', 'Relationship', 'Customer Agreement', 'Since'];
  const rows = page.locator('.canvas > [role="listitem"]');
  await expect(rows.first()).toBeVisible();
  const problems = await rows.evaluateAll((items, fields) => items.flatMap((item) => {
    const out = [];
    const cols = [...item.querySelectorAll(':scope > .crow > .col')];
    if (cols.length !== 6) out.push(`${cols.length} fields`);
    for (const col of cols) {
      const r = col.getBoundingClientRect();
      const label = col.querySelector('.col-label')?.textContent;
      if (!fields.includes(label)) out.push(`a field named ${label}`);
      if (r.width < 1 || r.height < 1 || r.right > document.documentElement.clientWidth + 0.5 || r.left < -0.5) out.push(`${label} off screen`);
      if (col.scrollWidth > col.clientWidth + 1) out.push(`${label} cut`);
      const visibleLabel = label !== 'Company';
      const lr = col.querySelector('.col-label').getBoundingClientRect();
      if (visibleLabel && (lr.width < 2 || lr.height < 2)) out.push(`${label}'s name not shown`);
    }
    return out.map((p) => `${item.querySelector('.name')?.textContent}: ${p}`);
  }), fields);
  expect(problems, `at ${width} px every field of every customer is shown`).toEqual([]);
}

for (const width of [320, 640]) {
  test(`at ${width} px the 50,000-customer list windows its cards`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await partnerSignIn(page, 'Priya Raman', 'Admin agent');
    await expect(page.getByText('50,000 customers')).toBeVisible();
    await everyFieldShown(page, width);
    await noSideScroll(page, 'customers, 50,000');
    // Far down the list: rows are there, few of them, none overlapping.
    const viewport = page.locator('.viewport');
    await viewport.evaluate((v) => { v.scrollTop = v.scrollHeight / 2; });
    await expect.poll(() => page.locator('.crow:not(.head):not(.placeholder)').evaluateAll((rows) => rows.filter((r) => Number(r.dataset.index) > 20_000).length)).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.canvas > [role="listitem"]')].map((e) => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);
      return { count: items.length, overlaps: items.slice(1).filter((b, i) => b.top < items[i].bottom - 1).length };
    });
    expect(r.count).toBeLessThan(80);
    expect(r.overlaps).toBe(0);
    await everyFieldShown(page, width);
    await context.close();
  });


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
    await everyFieldShown(page, width);
    await checkA11y(page, `customers as cards at ${width} px`);
    await page.locator('button.expand').first().click();
    await expect(page.locator('.record [role="tab"]').first()).toBeVisible();
    await noSideScroll(page, 'a customer record');
    await checkA11y(page, `a customer record at ${width} px`);
    await page.goto('/partner/invitations/new');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSideScroll(page, 'request a reseller relationship');
    const link = await createInvitation(page, { dap: true, name: 'Wingtip Toys', email: 'admin@wingtiptoys.example' });
    await noSideScroll(page, 'draft email');
    await page.goto('/partner/invitations');
    await expect(page.getByRole('button', { name: /copy/i }).first()).toBeVisible();
    await noSideScroll(page, 'invitations');
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('button', { name: 'Sign in as Priya Raman, Admin agent' }).click();
    // Signed in before leaving the page (a page load started sooner finds no session yet).
    await expect(page.getByText('Signed in as Priya Raman')).toBeVisible();
    await page.goto('/partner/admin-relationships');
    await expect(page.locator('.summary')).toContainText('320 admin relationships');
    await noSideScroll(page, 'admin relationships');
    await page.goto('/customer');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSideScroll(page, 'customer portal sign-in');
    await page.goto(link);
    await expect(page.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
    await noSideScroll(page, 'acceptance page');
    await context.close();
  });
}
