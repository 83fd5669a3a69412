// Reduced motion and forced colors (issue 13): with prefers-reduced-motion
// nothing transitions or animates; in forced colors (Windows high contrast,
// emulated by Chromium) the stepper's current step, badges, the selected
// tab, the focus ring, the checkboxes and the link box stay visible and
// distinguishable. Screenshots are kept as test artifacts.
import { test, expect, partnerSignIn, createInvitation, keep } from './fixtures.mjs';

const style = (locator, props) => locator.evaluate((e, props) => {
  const s = getComputedStyle(e);
  return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
}, props);

test('with reduced motion nothing transitions or animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await page.locator('button.expand').first().click();
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((e) => { const s = getComputedStyle(e); return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none'; })
    .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`));
  expect(moving).toEqual([]);
});

test('in forced colors the current step, badges, the selected tab and focus stay visible', async ({ page }, testInfo) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  // The Customers list's badges and a record's tabs.
  const badge = page.locator('.badge').first();
  await expect(badge).toBeVisible();
  expect((await style(badge, ['border-top-style'])) ['border-top-style']).toBe('solid');
  await page.locator('button.expand').first().click();
  const selected = page.locator('[role="tab"][aria-selected="true"]').first();
  const other = page.locator('[role="tab"][aria-selected="false"]').first();
  const [a, b] = [await style(selected, ['border-bottom-color']), await style(other, ['border-bottom-color'])];
  expect(a['border-bottom-color'], 'the selected tab is marked by its own border color').not.toBe(b['border-bottom-color']);
  await selected.focus();
  await page.keyboard.press('ArrowRight');
  const focused = page.locator(':focus');
  expect((await style(focused, ['outline-style']))['outline-style']).not.toBe('none');
  await keep(page, testInfo, 'forced colors: customer record');

  // The request's checkbox is the system's own (kept in forced colors), and
  // the draft's link box keeps a border around the link.
  await page.goto('/partner/invitations/new');
  const box = page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365');
  const checkbox = await style(box, ['forced-color-adjust', 'appearance', 'width', 'height']);
  expect(checkbox['forced-color-adjust']).toBe('auto');
  expect(checkbox.appearance).not.toBe('none');
  expect(parseFloat(checkbox.width)).toBeGreaterThanOrEqual(24);
  await keep(page, testInfo, 'forced colors: request a reseller relationship');
  const link = await createInvitation(page, { dap: true });
  const linkText = await style(page.locator('.link-text'), ['border-top-style', 'border-top-width']);
  expect(linkText['border-top-style']).toBe('solid');
  expect(parseFloat(linkText['border-top-width'])).toBeGreaterThanOrEqual(1);
  await keep(page, testInfo, 'forced colors: the draft and its link box');

  // The acceptance page's stepper.
  await page.goto(link);
  const current = page.locator('.stepper li[aria-current="step"]');
  await expect(current).toBeVisible();
  const step = await style(current, ['border-top-width', 'border-top-color']);
  const next = await style(page.locator('.stepper li:not([aria-current])').first(), ['border-top-width', 'border-top-color']);
  expect(parseFloat(step['border-top-width'])).toBeGreaterThan(parseFloat(next['border-top-width']));
  await keep(page, testInfo, 'forced colors: acceptance page');
});
