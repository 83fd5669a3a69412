// The partner's Customers page: a record expands (keyboard), services,
// licenses, support contact, the removal guard, suspend, remove; the
// customer's side shows it. Scale: 50,000 customers stay windowed.
import { test, expect, checkA11y, freshStart, partnerSignIn } from './fixtures.mjs';

test('manage a customer from its record, then remove the relationship', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const expand = page.getByRole('button', { name: 'Show details of Alpine Ski House' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  const record = page.getByRole('region', { name: 'Alpine Ski House' });
  await expect(record.getByText('Company profile')).toBeVisible();
  await checkA11y(page, 'customer record, account');

  // Tabs move with the arrow keys.
  await record.getByRole('tab', { name: 'Account' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(record.getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
  await expect(record.locator('li.sub', { hasText: 'Microsoft 365 Business Standard' })).toBeVisible();

  // A seat count that is not one says so next to the field, asks nothing of the
  // backend, and keeps what was typed.
  await record.getByLabel('Offer').selectOption({ label: 'Office 365 E3' });
  const seats = record.getByLabel('Seats');
  const asked = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/subscriptions') && asked.push(r.url()));
  for (const bad of ['', '0', '10001']) {
    await seats.fill(bad);
    await record.getByRole('button', { name: 'Provision a subscription' }).click();
    await expect(seats).toBeFocused();
    await expect(seats).toHaveAccessibleDescription('Enter a whole number of seats from 1 to 10,000.');
    await expect(seats).toHaveValue(bad);
  }
  await checkA11y(page, 'customer record, services, a seat count refused');
  expect(asked).toEqual([]);
  await expect(record.locator('.error-banner')).toHaveCount(0);

  // Provision a subscription.
  await seats.fill('2');
  await record.getByRole('button', { name: 'Provision a subscription' }).click();
  await expect(page.getByText('Subscription provisioned.')).toBeVisible();
  const e3 = record.locator('li.sub', { hasText: 'Office 365 E3' });
  await expect(e3).toContainText('Seats: 2');
  await expect(seats).not.toHaveAttribute('aria-invalid', 'true');
  // Escape dismisses the notification at once (it would go by itself after 8 s).
  const toast = page.locator('.toast', { hasText: 'Subscription provisioned.' });
  await expect(toast).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toast).toHaveCount(0, { timeout: 1000 });
  await checkA11y(page, 'customer record, services');

  // Assign a support contact.
  await e3.getByLabel('Assign support contacts').selectOption({ label: 'Fabrikam Cloud Services (MPN 4811223)' });
  await e3.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Support contact assigned.')).toBeVisible();
  await expect(record.locator('li.sub', { hasText: 'Office 365 E3' })).toContainText('Support contact: Fabrikam Cloud Services');
  // Escape on the notice's own button: the focus goes on to the content, not the page's top.
  await page.locator('.toast', { hasText: 'Support contact assigned.' }).getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#main')).toBeFocused();

  // Assign a license within the seats.
  await record.getByRole('tab', { name: 'Users and licenses' }).click();
  await expect(record.getByText('Office 365 E3: 0 of 2 seats assigned')).toBeVisible();
  await record.getByRole('button', { name: 'Assign Office 365 E3 to Martín López' }).click();
  await expect(page.getByText('Licenses updated.')).toBeVisible();
  await expect(record.getByText('Office 365 E3: 1 of 2 seats assigned')).toBeVisible();
  await expect(record.getByRole('button', { name: 'Remove Office 365 E3 from Martín López' })).toBeVisible();
  await checkA11y(page, 'customer record, users and licenses');

  // Removing is refused while subscriptions are active, naming them.
  await record.getByRole('button', { name: 'Remove a relationship with a customer' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(record.getByText(/cannot be removed while these subscriptions are active: Microsoft 365 Business Standard, Office 365 E3/)).toBeVisible();

  // Suspend both, then removal is allowed.
  await record.getByRole('tab', { name: 'Services' }).click();
  for (const offer of ['Microsoft 365 Business Standard', 'Office 365 E3']) {
    const sub = record.locator('li.sub', { hasText: offer });
    await sub.getByRole('button', { name: 'Suspend' }).click();
    await expect(sub.getByText('Suspended')).toBeVisible();
  }
  await record.getByRole('button', { name: 'Remove a relationship with a customer' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Remove the reseller relationship with Alpine Ski House?');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Relationship with Alpine Ski House removed.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show details of Alpine Ski House' })).toHaveCount(0);

  // The customer's side shows it.
  await page.goto('/customer');
  await page.getByRole('button', { name: 'Sign in as Julieta Gómez, Global administrator' }).click();
  await expect(page.getByText('Your organization has no partners yet.')).toBeVisible();
});

test('without admin privileges: no users or portals, Azure plans only, support stays, and the way to ask again', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await page.getByRole('button', { name: 'Show details of Wingtip Toys Brasil' }).click();
  const record = page.getByRole('region', { name: 'Wingtip Toys Brasil' });
  // What the article says of a removal: still the reseller, still responsible for support.
  await expect(record.getByText(/Wingtip Toys Brasil removed your admin permissions\. You remain its reseller and stay responsible for support under your agreement with Microsoft: if Wingtip Toys Brasil needs help, you may open a service request with Microsoft support on its behalf\./)).toBeVisible();
  await record.getByRole('tab', { name: 'Users and licenses' }).click();
  await expect(record.getByText(/Wingtip Toys Brasil removed your delegated admin privileges: you can no longer manage its users and licenses or open its admin portals/)).toBeVisible();
  await expect(record.getByRole('button', { name: /^Assign / })).toHaveCount(0);
  await record.getByRole('tab', { name: 'Admin portals' }).click();
  await expect(record.getByRole('link', { name: /^Open / })).toHaveCount(0);
  // Azure plans stay: the only offer, provisioned and then open in the Azure portal.
  await record.getByRole('tab', { name: 'Services' }).click();
  await expect(record.getByText('Without delegated admin privileges you can provision and manage Azure plans only.')).toBeVisible();
  await expect(record.getByLabel('Offer').locator('option')).toHaveText(['Azure plan']);
  await record.getByLabel('Seats').fill('1');
  await record.getByRole('button', { name: 'Provision a subscription' }).click();
  await expect(page.getByText('Subscription provisioned.')).toBeVisible();
  await expect(record.locator('li.sub', { hasText: 'Azure plan' }).getByRole('button', { name: 'Suspend' })).toBeEnabled();
  await record.getByRole('tab', { name: 'Admin portals' }).click();
  await expect(record.getByRole('link', { name: 'Open Azure portal for Wingtip Toys Brasil' })).toBeVisible();
  await expect(record.getByRole('link', { name: /^Open / })).toHaveCount(1);
  await checkA11y(page, 'record without admin privileges');
  await record.getByRole('link', { name: 'Request admin privileges again' }).click();
  await expect(page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365')).toBeChecked();
});

test('no purchase before the Microsoft Customer Agreement: the record leads to it', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Dana Whitfield', 'Admin agent');
  await page.getByRole('button', { name: 'Show details of Woodgrove Bank' }).click();
  const record = page.getByRole('region', { name: 'Woodgrove Bank' });
  await record.getByRole('tab', { name: 'Services' }).click();
  await expect(record.getByText(/Woodgrove Bank has not accepted the Microsoft Customer Agreement, so nothing can be provisioned for it yet \(Partner Center refuses with error 13605\)/)).toBeVisible();
  await expect(record.getByRole('button', { name: 'Provision a subscription' })).toBeHidden();
  await record.getByRole('button', { name: 'Go to the Microsoft Customer Agreement' }).click();
  const account = record.getByRole('tab', { name: 'Account' });
  await expect(account).toHaveAttribute('aria-selected', 'true');
  await expect(account).toBeFocused();
  await record.getByLabel('First name').fill('Karen');
  await record.getByLabel('Last name').fill('Miller');
  await record.getByLabel('Email').fill('karen@woodgrovebank.com');
  await record.getByRole('button', { name: "Attest the customer's acceptance" }).click();
  await expect(page.getByText('Agreement acceptance recorded.')).toBeVisible();
  await record.getByRole('tab', { name: 'Services' }).click();
  await record.getByLabel('Offer').selectOption({ label: 'Azure plan' });
  await record.getByRole('button', { name: 'Provision a subscription' }).click();
  await expect(page.getByText('Subscription provisioned.')).toBeVisible();
});

test('50,000 customers: windowed, searchable, sortable, filterable, and the URL keeps the view', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Priya Raman', 'Admin agent');
  await expect(page.getByText('50,000 customers')).toBeVisible();
  expect(await page.locator('.crow:not(.head)').count()).toBeLessThan(60);
  await page.getByLabel('Search by name or domain').fill('summit');
  await expect(page).toHaveURL(/\?q=summit$/);
  await page.getByRole('button', { name: 'Sort by Since' }).click();
  await expect(page).toHaveURL(/sort=since/);
  await page.getByLabel('Relationship', { exact: true }).selectOption('delegated');
  await expect(page).toHaveURL(/filter=delegated/);
  const names = await page.locator('.crow:not(.head) .name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n.toLowerCase().includes('summit'))).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Search by name or domain')).toHaveValue('summit');
  await expect(page.getByLabel('Relationship', { exact: true })).toHaveValue('delegated');
  expect(await page.locator('.crow:not(.head) .name').allTextContents()).toEqual(names);
  await checkA11y(page, 'customers at scale');

  // A search longer than the backend takes is said next to the field, keeps
  // what was typed and the last rows, and asks nothing of the backend.
  const search = page.getByLabel('Search by name or domain');
  const long = `summit ${'x'.repeat(194)}`;
  await search.fill(long);
  await expect(search).toHaveAccessibleDescription('Use at most 200 characters.');
  await expect(page.getByRole('status').filter({ hasText: 'Use at most 200 characters.' })).toBeVisible();
  await expect(search).toHaveValue(long);
  await page.waitForTimeout(500);
  await expect(page.locator('.error-banner')).toHaveCount(0);
  expect(await page.locator('.crow:not(.head) .name').allTextContents()).toEqual(names);
  await checkA11y(page, 'customers, a search too long');
  await search.press('Backspace');
  await expect(search).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('No customer matches this search or filter.')).toBeVisible();
});

test('a customer that never granted admin privileges: the record offers to ask for them', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Inês Costa', 'Admin agent');
  await page.getByRole('button', { name: 'Show details of Coho Vineyard' }).click();
  const record = page.getByRole('region', { name: 'Coho Vineyard' });
  await record.getByRole('tab', { name: 'Admin portals' }).click();
  await expect(record.getByText(/Coho Vineyard has not granted you delegated admin privileges.*request admin privileges below\./)).toBeVisible();
  await expect(record.getByRole('link', { name: 'Request admin privileges again' })).toHaveCount(0);
  await record.getByRole('link', { name: 'Request admin privileges', exact: true }).click();
  await expect(page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365')).toBeChecked();
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Coho Vineyard');
});

test('a request started from a record is for that customer: nothing typed for another one comes into it', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Inês Costa', 'Admin agent');
  await page.goto('/partner/invitations/new');
  await page.getByLabel("Customer's company name").fill('Other Company');
  await page.getByLabel("Customer's email").fill('it@other.example');
  await page.goto('/partner/customers');
  await page.getByRole('button', { name: 'Show details of Coho Vineyard' }).click();
  await page.getByRole('region', { name: 'Coho Vineyard' }).getByRole('link', { name: 'Request admin privileges', exact: true }).click();
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Coho Vineyard');
  await expect(page.getByLabel("Customer's email")).toHaveValue('');
  // What is typed for it survives a reload.
  await page.getByLabel("Customer's email").fill('admin@cohovineyard.example');
  await page.reload();
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Coho Vineyard');
  await expect(page.getByLabel("Customer's email")).toHaveValue('admin@cohovineyard.example');
});
