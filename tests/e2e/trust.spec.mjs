// Promises kept with real browser storage: two tabs never lose each other's
// writes; a full storage is said, refuses the change and loses nothing typed;
// unreadable stored data is set aside and offered for download; a broken
// config.json is an error page, never the demo; leaving the draft right
// after typing throws nothing (the fixture lets pages settle, then judges).
import { test, expect, checkA11y, freshStart, partnerSignIn, createInvitation } from './fixtures.mjs';
import { PORTS } from './playwright.config.mjs';

const MOCK_KEY = 'reseller-invitations.mock.v1';

/** Fills this origin's localStorage until the browser refuses; returns the keys used. */
async function fillStorage(page) {
  return page.evaluate(() => {
    const keys = [];
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0 && i < 10_000; i++) {
      const key = `filler.${i}`;
      try {
        localStorage.setItem(key, chunk);
        keys.push(key);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return keys;
  });
}

test('two tabs write in turn without reloading: every write is kept', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const other = await context.newPage();
  await other.goto('/partner/invitations/new');
  await expect(other.getByLabel("Customer's company name")).toBeVisible();
  await page.goto('/partner/invitations/new');
  // Each tab's form was loaded before the other tab's write.
  await page.getByLabel("Customer's company name").fill('Tab One Ltda');
  await other.getByLabel("Customer's company name").fill('Tab Two Ltda');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  await other.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(other.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  await page.goto('/partner/invitations');
  await expect(page.getByRole('row', { name: /Tab One Ltda/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Tab Two Ltda/ })).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('row', { name: /Tab One Ltda/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Tab Two Ltda/ })).toHaveCount(1);
});

test('a full storage is said, refuses the change and loses nothing typed', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await page.goto('/partner/invitations/new');
  await page.getByLabel("Customer's company name").fill('Sem Espaço Ltda');
  await page.getByLabel("Customer's email").fill('ti@semespaco.com.br');
  const filler = await fillStorage(page);
  expect(filler.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  const banner = page.getByRole('region', { name: 'Data kept in this browser' }).getByRole('alert');
  await expect(banner).toContainText('This browser is not keeping your changes');
  await expect(page.getByText('Error code 50701')).toBeVisible();
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Sem Espaço Ltda');
  await expect(page.getByLabel("Customer's email")).toHaveValue('ti@semespaco.com.br');
  await checkA11y(page, 'storage full banner');
  // Nothing was created behind the user's back.
  const stored = await page.evaluate((key) => localStorage.getItem(key), MOCK_KEY);
  expect(stored).not.toContain('Sem Espaço Ltda');
  // Free the space: the same press goes through.
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), filler);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Message')).toHaveValue(/Sem Espaço Ltda/);
});

test('typing in the draft with a full storage says it is not kept and keeps the text on screen', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { name: 'Draft Full' });
  const filler = await fillStorage(page);
  const subject = page.getByLabel('Subject');
  await subject.fill('Typed while the storage is full');
  await expect(page.getByText('This browser is not keeping your changes')).toBeVisible();
  await expect(page.getByText("Not saved: this browser's storage is full.")).toBeVisible();
  await expect(subject).toHaveValue('Typed while the storage is full');
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), filler);
});

test('unreadable stored data is set aside and offered for download, not overwritten', async ({ page }) => {
  await freshStart(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"revision": "not a number", "tenants": ['), MOCK_KEY);
  await page.reload();
  const region = page.getByRole('region', { name: 'Data kept in this browser' });
  // Said in an alert of its own; the download sits beside it.
  await expect(region.getByRole('alert')).toContainText('could not be read (they are not in a format this app reads). It was set aside, not deleted');
  const banner = region.locator('.storage-banner');
  await checkA11y(page, 'set-aside banner');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.unreadable.')));
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe('{"revision": "not a number", "tenants": [');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('reseller-invitations-demo-data.json');
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(await file.path(), 'utf8')).toBe('{"revision": "not a number", "tenants": [');
  // The demo runs from its sample data meanwhile.
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await expect(page.getByText('Alpine Ski House')).toBeVisible();
});

test('a broken config.json is an error page naming the problem, never the demo', async ({ page }) => {
  const base = `http://127.0.0.1:${PORTS.variants}`;
  page.allowConsoleError(/status of 500/);
  const cases = [
    ['cfg-invalid', 'it is not valid'],
    ['cfg-no-base-url', '"backend": "http" needs "baseUrl"'],
    ['cfg-unknown-backend', '"backend" must be "mock" or "http", not "ftp"'],
    ['cfg-timeout', '"timeoutMs" must be from 1000 to 120000 (1 to 120 seconds), not 500'],
    // The member to fix is named.
    ['cfg-timeout-text', 'it is not valid: invalid type: string "15000", expected u32, at `timeoutMs`'],
    ['cfg-500', 'the server answered HTTP 500'],
  ];
  for (const [variant, problem] of cases) {
    // Entered through a deep link (404.html sends it to the base): the file
    // is still read from the app's base.
    await page.goto(`${base}/${variant}/partner/customers`);
    await expect(page.getByRole('heading', { name: "This app's configuration cannot be used" })).toBeVisible();
    await expect(page.getByText(`${base}/${variant}/config.json`)).toBeVisible();
    await expect(page.getByText(problem)).toBeVisible();
    await expect(page.getByText('Demo mode')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toHaveCount(0);
  }
  await checkA11y(page, 'configuration error');
  // The same site with no config.json is the demo (documented).
  await page.goto(`${base}/partner/customers`);
  await expect(page.getByText('Demo mode: this app runs against an in-browser mock backend')).toBeVisible();
});

test('typing in the draft and pressing Done at once saves it and throws nothing later', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { name: 'Quick Done' });
  const body = page.getByLabel('Message');
  const text = `${await body.inputValue()}\nOne last line`;
  await body.fill(text);
  await page.getByLabel('Subject').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' now', { delay: 20 });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Invitations' })).toBeVisible();
  await page.getByRole('row', { name: /Quick Done/ }).getByRole('link', { name: /draft/i }).first().click();
  await expect(page.getByLabel('Message')).toHaveValue(text);
  await expect(page.getByLabel('Subject')).toHaveValue(/ now$/);
  // The fixture waits for the page to settle and fails on any late error.
});

test('what was typed in the invitation form survives a reload, and is gone once the invitation is created', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await page.goto('/partner/invitations/new');
  const box = page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365');
  const name = page.getByLabel("Customer's company name");
  const email = page.getByLabel("Customer's email");
  const language = page.getByLabel('Email language');
  await box.uncheck();
  await name.fill('Reload Safe Ltda');
  await email.fill('admin@reloadsafe.example');
  await language.selectOption('pt-BR');
  await page.reload();
  await expect(name).toHaveValue('Reload Safe Ltda');
  await expect(email).toHaveValue('admin@reloadsafe.example');
  await expect(language).toHaveValue('pt-BR');
  await expect(box).not.toBeChecked();
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  await expect(page.getByLabel('Message')).toHaveValue(/Reload Safe Ltda/);
  // Created: the next invitation starts from an empty form.
  await page.goto('/partner/invitations/new');
  await expect(name).toHaveValue('');
  await expect(email).toHaveValue('');
  await expect(box).toBeChecked();
});

test('a draft edited in one tab shows in the other at once, so typing there goes on from it', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { name: 'Two Tabs Draft Ltda' });
  const other = await context.newPage();
  await other.goto(page.url());
  const mine = page.getByLabel('Message');
  const theirs = other.getByLabel('Message');
  await expect(theirs).toBeVisible();
  await mine.press('Control+Home');
  await mine.pressSequentially('TAB-A ');
  await expect(page.locator('.save-state')).toHaveText('Draft saved');
  await expect(theirs).toHaveValue(/^TAB-A Hello/);
  await expect(other.locator('.save-state')).toHaveText('Updated with the edits made in another tab');
  await theirs.press('Control+Home');
  await theirs.pressSequentially('TAB-B ');
  await expect(other.locator('.save-state')).toHaveText('Draft saved');
  await expect(mine).toHaveValue(/^TAB-B TAB-A Hello/);
  await page.reload();
  await expect(page.getByLabel('Message')).toHaveValue(/^TAB-B TAB-A Hello/);
  // An edit undone back to the text taken from the other tab is saved too.
  const again = page.getByLabel('Message');
  await expect(theirs).toHaveValue(/^TAB-B TAB-A Hello/);
  await again.press('Control+Home');
  await again.pressSequentially('Z');
  await expect(theirs).toHaveValue(/^ZTAB-B TAB-A Hello/);
  await theirs.press('Control+Home');
  await theirs.pressSequentially('Q');
  await expect(again).toHaveValue(/^QZTAB-B TAB-A Hello/);
  await theirs.press('Backspace');
  await expect(theirs).toHaveValue(/^ZTAB-B TAB-A Hello/);
  await expect(other.locator('.save-state')).toHaveText('Draft saved');
  await expect(again).toHaveValue(/^ZTAB-B TAB-A Hello/);
  await other.reload();
  await expect(other.getByLabel('Message')).toHaveValue(/^ZTAB-B TAB-A Hello/);
});

test('signing out in one tab signs the other tab out too, and nothing typed there is kept after', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { name: 'Sign Out Tabs Ltda', email: 'admin@signouttabs.example' });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel('Message')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(other.getByText('You signed out in another tab, so this tab is signed out too.')).toBeVisible();
  await expect(other.getByLabel('Message')).toHaveCount(0);
  await expect(other.getByText('Signed in as Ana Souza')).toHaveCount(0);
  await other.waitForTimeout(1000);
  const left = await other.evaluate(() => Object.entries(localStorage).filter(([k]) => !/\.(lang|mock\.v1|signed-out)$/.test(k)));
  // Nothing of Ana's in this browser (the demo's backend keeps its own data).
  expect(left).toEqual([]);
});
