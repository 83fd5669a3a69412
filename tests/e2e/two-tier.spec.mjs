// Two-tier partners: an indirect reseller invites through its indirect
// provider; the customer's review names both; one acceptance gives both a
// reseller relationship; both partners see the customer, the provider's
// record names the reseller; a link naming an unlinked provider is refused.
import { test, expect, checkA11y, freshStart, partnerSignIn } from './fixtures.mjs';

const RELECLOUD = '0de00000-0000-4385-8000-000000000385';
const TAILSPIN = '0de00000-0000-4003-8000-000000000003';
const FABRIKAM = '0de00000-0000-4001-8000-000000000001';

test('an indirect reseller invites through its provider; one acceptance, both partners see the customer', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Riley Quinn', 'Admin agent');
  await page.goto('/partner/invitations/new');
  const provider = page.getByLabel('Your indirect provider');
  await expect(provider.locator('option:checked')).toHaveText('Tailspin Distribution (MPN 6531449)');
  await checkA11y(page, 'options page, indirect reseller');
  await page.getByLabel("Customer's company name").fill('Tailwind Traders');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  const link = (await page.locator('.link-text').textContent()).trim();
  expect(link).toContain(`?invType=IndirectResellerRelationship&partnerId=${RELECLOUD}&msppId=3300101&DAP=true&indirectCSPId=${TAILSPIN}&invitationId=`);
  await expect(page.getByText("Unlike Partner Center's reusable link, this one is for this customer only")).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('through the indirect provider Tailspin Distribution')).toBeVisible();

  // The customer: a new organization in the United States, the same market.
  const customer = await context.newPage();
  await customer.goto(link);
  await expect(customer.getByText('Relecloud Resellers invites you to a reseller relationship')).toBeVisible();
  await customer.getByLabel('Company name').fill('Tailwind Traders');
  await customer.getByLabel('Domain').fill('tailwindtraders.com');
  await customer.getByLabel('Country').selectOption('US');
  await customer.getByLabel("Administrator's name").fill('Kim Abercrombie');
  await customer.getByLabel("Administrator's email").fill('kim@tailwindtraders.com');
  await customer.getByRole('button', { name: 'Create the organization and sign in' }).click();
  await expect(customer.getByText('Indirect provider', { exact: true })).toBeVisible();
  await expect(customer.getByText('A reseller relationship with Tailspin Distribution, the indirect provider Relecloud Resellers buys through')).toBeVisible();
  await checkA11y(customer, 'two-tier review');
  await customer.getByLabel('I have read and accept the Microsoft Customer Agreement on behalf of my organization').check();
  await customer.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(customer.getByRole('heading', { name: 'Relecloud Resellers is now your partner' })).toBeVisible();
  await expect(customer.getByText('Tailspin Distribution, the indirect provider Relecloud Resellers buys through, has a reseller relationship with your organization too.')).toBeVisible();
  await customer.getByRole('link', { name: 'Manage your partners' }).click();
  await expect(customer.getByRole('row', { name: /^Relecloud Resellers/ })).toHaveCount(1);
  await expect(customer.getByRole('row', { name: /Tailspin Distribution/ })).toContainText('Indirect provider of Relecloud Resellers');

  // Both partners see the customer; the provider's record names the reseller.
  await page.goto('/partner/customers');
  await expect(page.getByRole('button', { name: 'Show details of Tailwind Traders' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByRole('button', { name: 'Sign in as Dana Whitfield, Admin agent' }).click();
  await page.getByRole('button', { name: 'Show details of Tailwind Traders' }).click();
  const record = page.getByRole('region', { name: 'Tailwind Traders' });
  await expect(record.getByText('Indirect reseller', { exact: true })).toBeVisible();
  await expect(record.getByText('Relecloud Resellers')).toBeVisible();
});

test('a two-tier link naming a provider the reseller does not buy through has its own page', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Riley Quinn', 'Admin agent');
  await page.goto('/partner/invitations/new');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  const link = (await page.locator('.link-text').textContent()).trim();
  await page.goto(link.replace(TAILSPIN, FABRIKAM));
  await expect(page.getByRole('heading', { name: 'This invitation link cannot be used' })).toBeVisible();
  await expect(page.getByText('This link names an indirect provider that the indirect reseller does not buy through')).toBeVisible();
  await checkA11y(page, 'unlinked provider');
  await page.goto(link.replace(`&indirectCSPId=${TAILSPIN}`, ''));
  await expect(page.getByText('This invitation comes from an indirect reseller but does not name the indirect provider it buys through (indirectCSPId)')).toBeVisible();
});
