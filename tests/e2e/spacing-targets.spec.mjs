// Beyond axe (issue 13): text spacing (WCAG 1.4.12), target size (2.5.8)
// and focus not obscured (2.4.11), on the pages of both journeys.
import { test, expect, freshStart, partnerSignIn, createInvitation, keep } from './fixtures.mjs';

/** WCAG 1.4.12's spacing, as a reader's own stylesheet applies it. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Elements whose text is cut by their box, and rows of the Customers list that overlap. */
async function clipped(page) {
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    const cut = [...document.querySelectorAll('main *, header *')].filter((e) => {
      const s = getComputedStyle(e);
      const hides = (v) => v === 'hidden' || v === 'clip';
      if (e.closest('.visually-hidden')) return false;
      if (e.clientWidth === 0 && e.clientHeight === 0) return false;
      const x = hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
      const y = hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
      return (x || y) && getComputedStyle(e).position !== 'absolute';
    }).map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}: ${e.textContent.trim().slice(0, 40)}`);
    const rows = [...document.querySelectorAll('.canvas > [role="listitem"]')]
      .map((r) => r.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    const overlaps = rows.slice(1).filter((r, i) => r.top < rows[i].bottom - 1).length;
    return { cut, overlaps };
  });
}

test('with WCAG text spacing nothing is cut or overlaps', async ({ page }, testInfo) => {
  // The CSP forbids inline styles: the reader's stylesheet comes from the
  // browser (as an extension's would), through the DevTools protocol.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const apply = async () => {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { styleSheetId } = await cdp.send('CSS.createStyleSheet', { frameId: frameTree.frame.id });
    await cdp.send('CSS.setStyleSheetText', { styleSheetId, text: SPACING });
  };
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await apply();
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('main p, main h1')).letterSpacing)).not.toBe('normal');
  for (const [label, open] of [
    ['Customers', async () => {}],
    ['a customer record', async () => { await page.locator('button.expand').first().click(); await expect(page.locator('.record')).toBeVisible(); }],
  ]) {
    await open();
    const r = await clipped(page);
    await keep(page, testInfo, `text spacing: ${label}`);
    expect(r.cut, `${label}: text cut by its box`).toEqual([]);
    expect(r.overlaps, `${label}: rows overlapping`).toBe(0);
  }
  const link = await createInvitation(page, { dap: true, name: 'Wingtip Toys' });
  await apply();
  expect((await clipped(page)).cut, 'draft email').toEqual([]);
  await page.goto(link);
  await apply();
  await expect(page.getByRole('button', { name: /Sign in as/ }).first()).toBeVisible();
  expect((await clipped(page)).cut, 'acceptance page').toEqual([]);
  await page.getByRole('button', { name: 'Sign in as Julieta Gómez, Global administrator' }).click();
  await expect(page.getByRole('button', { name: 'Accept and authorize' })).toBeVisible();
  expect((await clipped(page)).cut, 'acceptance review').toEqual([]);
  await keep(page, testInfo, 'text spacing: acceptance review');
});

/** Controls smaller than 24 × 24 CSS pixels that are not spaced as WCAG 2.5.8 allows. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const targets = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="tab"], summary')]
      .filter((e) => e.checkVisibility() && !e.closest('.skip'))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    // A link inside a sentence is exempt (the "inline" exception).
    const inline = (e) => e.tagName === 'A' && getComputedStyle(e).display === 'inline' && e.parentElement.textContent.trim() !== e.textContent.trim();
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const small = (r) => r.width < 24 || r.height < 24;
    // How far a point is from a box (0 inside it).
    const reach = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    // The spacing exception: a 24 px circle on an undersized target meets no
    // other target, nor another undersized target's circle.
    const crowded = (a, b) => (small(b) ? Math.hypot(centre(a)[0] - centre(b)[0], centre(a)[1] - centre(b)[1]) < 24 : reach(centre(a), b) < 12);
    return targets
      .filter(({ e, r }) => small(r) && !inline(e))
      .filter(({ e, r }) => targets.some((o) => o.e !== e && !o.e.contains(e) && !e.contains(o.e) && crowded(r, o.r)))
      .map(({ e, r }) => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  });
}

test('every control is at least 24 × 24 CSS pixels, or spaced as WCAG 2.5.8 allows', async ({ page }) => {
  await freshStart(page);
  expect(await smallTargets(page), 'home').toEqual([]);
  await page.goto('/partner/customers');
  await expect(page.getByRole('button', { name: /Sign in as/ }).first()).toBeVisible();
  expect(await smallTargets(page), 'partner sign-in').toEqual([]);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  expect(await smallTargets(page), 'customers').toEqual([]);
  await page.locator('button.expand').first().click();
  await expect(page.locator('.record')).toBeVisible();
  expect(await smallTargets(page), 'a customer record').toEqual([]);
  await page.goto('/partner/invitations/new');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await smallTargets(page), 'request a reseller relationship').toEqual([]);
  const link = await createInvitation(page, { dap: true });
  expect(await smallTargets(page), 'draft email').toEqual([]);
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in as Julieta Gómez, Global administrator' }).click();
  await expect(page.getByRole('button', { name: 'Accept and authorize' })).toBeVisible();
  expect(await smallTargets(page), 'acceptance review').toEqual([]);
});

for (const width of [1280, 320]) {
  test(`at ${width} px a notification never covers the focused control`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: width === 320 ? 480 : 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await freshStart(page);
    await partnerSignIn(page, 'Ana Souza', 'Admin agent');
    await createInvitation(page, { name: 'Contoso Ltda' });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('.toast').filter({ hasText: 'Invitation ready' })).toBeVisible();
    // Tab through the page while the notification shows.
    const covered = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      // What the reader sees after the frame that follows the key.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const hit = await page.evaluate(() => {
        const f = document.activeElement;
        if (!f || f === document.body || !document.querySelector('.toast')) return null;
        const r = f.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return at && (f === at || f.contains(at) || at.contains(f)) ? null : `${f.tagName.toLowerCase()} "${f.textContent.trim().slice(0, 30)}" under ${at && at.className}`;
      });
      if (hit) covered.push(hit);
    }
    expect(covered).toEqual([]);
    await context.close();
  });
}
