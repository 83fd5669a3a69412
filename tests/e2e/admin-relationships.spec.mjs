// Keeping hundreds of granular admin relationships alive: the partner with
// 320 (the demo's Northwind Traders) sees what needs it first, turns
// auto-extend on for many at once, and what it was told is done stays done
// after a reload; a failing backend keeps what failed, with its reason, to
// try again; agents who may not change relationships are told so.
import { test, expect, checkA11y, partnerSignIn, announced, expectAnnouncedOnce } from './fixtures.mjs';
import { PORTS } from './playwright.config.mjs';

const summary = /^320 admin relationships · (\d+) ending within 30 days · (\d+) waiting for approval · (\d+) expired in the last 90 days$/;
async function ending(page) {
  const text = (await page.locator('.summary').innerText()).trim();
  expect(text).toMatch(summary);
  return Number(text.match(summary)[1]);
}

test('what needs attention comes first, auto-extend turns on for many at once and stays on after a reload', async ({ page }) => {
  await partnerSignIn(page, 'Priya Raman', 'Admin agent');
  await page.getByRole('navigation', { name: 'Partner workspace' }).getByRole('link', { name: 'Admin relationships' }).click();
  await expect(page.getByRole('heading', { name: 'Admin relationships (GDAP)' })).toBeVisible();
  await expect(page.locator('.summary')).toHaveText(summary);
  const before = await ending(page);
  expect(before).toBeGreaterThanOrEqual(6);
  // Most urgent first: what ends or lapses soonest, then what has expired.
  const rows = page.locator('table.data tbody tr');
  await expect(rows.first()).toContainText(/Ends (in \d+ days?|within a day)|left to approve/);
  const soonest = await rows.evaluateAll((trs) => trs.map((tr) => {
    const m = tr.innerText.match(/Ends in (\d+) days?|(\d+) days? left to approve/);
    return m ? Number(m[1] ?? m[2]) : null;
  }).filter((d) => d !== null));
  expect(soonest.length).toBeGreaterThan(before);
  expect(soonest).toEqual([...soonest].sort((a, b) => a - b));
  await expect(rows.last()).toContainText('Expired: its roles are gone');
  await expect(page.getByRole('link', { name: /^Request “.+” again$/ }).first()).toBeVisible();
  await checkA11y(page, 'admin relationships, needs attention');

  const chooseAll = page.getByRole('button', { name: /^Choose all \d+ that can auto-extend$/ });
  const n = Number((await chooseAll.innerText()).match(/\d+/)[0]);
  expect(n).toBeGreaterThan(0);
  await chooseAll.click();
  const turnOn = page.getByRole('button', { name: `Turn auto-extend on for ${n} relationships` });
  await expect(turnOn).toBeEnabled();
  await turnOn.click();
  await expect(page.locator('.toast').getByText(`Auto-extend turned on for ${n} relationships.`)).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(1);
  await expect.poll(() => ending(page)).toBe(before - n);
  // The ones left ending cannot auto-extend: they hold Global Administrator.
  await expect(page.getByRole('button', { name: 'None here can auto-extend' })).toBeDisabled();
  await page.reload();
  await expect(page.locator('.summary')).toHaveText(summary);
  expect(await ending(page)).toBe(before - n);

  // Every relationship, and in Portuguese.
  await page.getByLabel('Show').selectOption({ label: 'All' });
  await expect(rows).toHaveCount(320);
  // The choice is in the address: a reload shows the same list.
  await expect(page).toHaveURL(/\/partner\/admin-relationships\?show=all$/);
  await page.reload();
  await expect(page.getByLabel('Show')).toHaveValue('all');
  await expect(rows).toHaveCount(320);
  await page.getByLabel('Language').selectOption('pt-BR');
  await expect(page.getByRole('heading', { name: 'Relações de administração (GDAP)' })).toBeVisible();
  await expect(page.locator('.summary')).toContainText(/^320 relações de administração · \d+ terminando em até 30 dias/);
  await expect(page.getByLabel('Mostrar')).toHaveValue('all');
  await checkA11y(page, 'admin relationships, all, in Portuguese');
  await page.getByLabel('Idioma').selectOption('en');

  // Requested again as it was: the customer, its roles and its days.
  await page.getByLabel('Show').selectOption({ label: 'Expired' });
  const expired = rows.filter({ has: page.getByRole('link', { name: /^Request “.+” again$/ }) }).first();
  const customer = (await expired.getByRole('link').first().innerText()).trim();
  await expired.getByRole('link', { name: /^Request “.+” again$/ }).click();
  await expect(page.getByLabel("Customer's company name")).toHaveValue(customer);
  await expect(page.getByLabel('Also request granular admin roles (GDAP)')).toBeChecked();
  await expect(page.getByRole('radio', { name: /^(1 year|2 years)$/, checked: true })).toHaveCount(1);
});

test('when the backend fails, nothing is said done, what failed is listed with its reason and can be tried again', async ({ page }) => {
  const base = `http://127.0.0.1:${PORTS.variants}/cfg-failing-patch`;
  // The failures are on purpose (503 from the mock's injected fault).
  page.allowConsoleError(/503|unavailable/i);
  await page.goto(`${base}/partner/customers`);
  await page.getByRole('button', { name: 'Sign in as Priya Raman, Admin agent' }).click();
  await expect(page.getByText('Signed in as Priya Raman')).toBeVisible();
  await page.goto(`${base}/partner/admin-relationships`);
  await expect(page.locator('.summary')).toHaveText(summary);
  const before = await ending(page);
  const chooseAll = page.getByRole('button', { name: /^Choose all \d+ that can auto-extend$/ });
  const n = Number((await chooseAll.innerText()).match(/\d+/)[0]);
  await chooseAll.click();
  await page.getByRole('button', { name: `Turn auto-extend on for ${n} relationships` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Turning auto-extend on for the chosen relationships…' })).toBeVisible();
  await expect(page.getByText(new RegExp(`^\\d+ of ${n}$`))).toBeVisible();
  const banner = page.locator('.error-banner');
  await expect(banner).toContainText('Auto-extend could not be turned on for these relationships', { timeout: 30_000 });
  await expect(banner.locator('li')).toHaveCount(n);
  await expect(banner.locator('li').first()).toContainText('The service is unavailable right now. Try again in a moment.');
  await expect(page.locator('.toast')).toHaveCount(0);
  // Heard once each: the run's start (not each step) and what failed.
  await expectAnnouncedOnce(page, 'Turning auto-extend on for the chosen relationships…');
  const failure = (await banner.locator('[role="alert"]').innerText()).replace(/\s+/g, ' ').trim();
  expect(failure).toMatch(/^Auto-extend could not be turned on for these relationships: .+ The service is unavailable right now\. Try again in a moment\.$/);
  await expectAnnouncedOnce(page, failure);
  expect((await announced(page)).filter((t) => /^\d+ of \d+$/.test(t))).toEqual([]);
  // Still chosen, still ending: nothing was changed or claimed.
  await expect(page.getByRole('button', { name: `Turn auto-extend on for ${n} relationships` })).toBeEnabled();
  expect(await ending(page)).toBe(before);
  await checkA11y(page, 'admin relationships with failures');
  await banner.getByRole('button', { name: 'Try again for these' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Turning auto-extend on for the chosen relationships…' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Try again for these' })).toBeDisabled();
  await expect(banner.locator('li')).toHaveCount(n, { timeout: 30_000 });
  await page.reload();
  expect(await ending(page)).toBe(before);
});

test('an agent who may not change relationships sees them and is told why there is nothing to press', async ({ page }) => {
  await partnerSignIn(page, 'Tom Fischer', 'Sales agent');
  await page.goto('/partner/admin-relationships');
  await expect(page.locator('.summary')).toHaveText(summary);
  await expect(page.getByText('Only Admin agents can change admin relationships.')).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /auto-extend/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Request “.+” again$/ })).toHaveCount(0);
  // Each row leads to its customer.
  const customer = page.locator('table.data tbody tr').first().getByRole('link');
  const name = (await customer.innerText()).trim();
  await customer.click();
  await expect(page.getByLabel('Search by name or domain')).toHaveValue(name);
  await expect(page.locator('.crow-wrap').first()).toContainText(name);
});

test('two agents on the real backend: what one turned on meanwhile, the other is told is on, and nothing is turned back', async ({ page, browser }) => {
  // The production build against the mock server, where no tab hears of
  // another's changes: the second agent's page still shows the versions it
  // read, which Graph refuses (412) once changed. The refusals are read
  // again, so the 412s in the console are on purpose.
  const base = `http://127.0.0.1:${PORTS.production}/cfg-server`;
  page.allowConsoleError(/status of 412/);
  async function open(p) {
    await p.goto(`${base}/partner/customers`);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.getByRole('button', { name: 'Sign in as Priya Raman, Admin agent' }).click();
    await expect(p.getByText('Signed in as Priya Raman')).toBeVisible();
    await p.getByRole('navigation', { name: 'Partner workspace' }).getByRole('link', { name: 'Admin relationships' }).click();
    await expect(p.locator('.summary')).toHaveText(summary);
  }
  const other = await (await browser.newContext()).newPage();
  await open(other);
  await open(page);
  const before = await ending(page);
  const chooseAll = (p) => p.getByRole('button', { name: /^Choose all \d+ that can auto-extend$/ });
  const n = Number((await chooseAll(page).innerText()).match(/\d+/)[0]);
  expect(n).toBeGreaterThan(0);

  // The other agent turns them on first.
  await chooseAll(other).click();
  await other.getByRole('button', { name: `Turn auto-extend on for ${n} relationships` }).click();
  await expect(other.locator('.toast').getByText(`Auto-extend turned on for ${n} relationships.`)).toBeVisible();
  await expect.poll(() => ending(other)).toBe(before - n);

  // This page still offers the same ones; what it says done is so.
  expect(await ending(page)).toBe(before);
  await chooseAll(page).click();
  await page.getByRole('button', { name: `Turn auto-extend on for ${n} relationships` }).click();
  await expect(page.locator('.toast').getByText(`Auto-extend turned on for ${n} relationships.`)).toBeVisible();
  await expect(page.locator('.error-banner')).toHaveCount(0);
  await expect.poll(() => ending(page)).toBe(before - n);
  await other.reload();
  await expect(other.locator('.summary')).toHaveText(summary);
  expect(await ending(other)).toBe(before - n);
  await other.context().close();
});
