// The customer's flow: the link opens the right portal, sign-in or a new
// organization, the checks, the Microsoft Customer Agreement, accept once,
// the partner sees it; error pages for bad links; remove admin permissions.
import { test, expect, checkA11y, freshStart, partnerSignIn, createInvitation } from './fixtures.mjs';

async function invite(page, partner, role, opts) {
  await freshStart(page);
  await partnerSignIn(page, partner, role);
  const link = await createInvitation(page, opts);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Invitations' })).toBeVisible();
  return link;
}

test('a new tenant accepts with the agreement and appears on the partner’s Customers page', async ({ page, context }) => {
  const link = await invite(page, 'Ana Souza', 'Admin agent', { dap: true, name: 'Tailwind Brasil' });
  await page.goto('/partner/customers');
  const partnerPage = page;
  const customer = await context.newPage();
  await customer.goto(link);
  await expect(customer.locator('.portal-name')).toHaveText('Microsoft 365 admin center');
  await expect(customer.getByRole('heading', { level: 1, name: 'Reseller relationship invitation' })).toBeVisible();
  await expect(customer.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
  await checkA11y(customer, 'portal sign-in');
  await customer.getByLabel('Company name').fill('Tailwind <b>Brasil</b>');
  await customer.getByLabel('Domain').fill('tailwind.com.br');
  await customer.getByLabel('Country').selectOption('BR');
  await customer.getByLabel("Administrator's name").fill('Renata Alves');
  await customer.getByLabel("Administrator's email").fill('renata@tailwind.com.br');
  await customer.getByRole('button', { name: 'Create the organization and sign in' }).click();
  // Every check passed: none is marked "Not met".
  await expect(customer.getByText('Organization: Passed')).toBeVisible();
  await expect(customer.getByText(/: Not met/)).toHaveCount(0);
  await expect(customer.getByText('Your role: Passed')).toBeVisible();
  await expect(customer.getByText('Market: Passed')).toBeVisible();
  await expect(customer.getByText('Delegated admin privileges:')).toBeVisible();
  await expect(customer.getByLabel('First name')).toHaveValue('Renata');
  await expect(customer.getByLabel('Email', { exact: true })).toHaveValue('renata@tailwind.com.br');
  await checkA11y(customer, 'portal review with agreement');
  await customer.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(customer.getByText('Tick the box to accept the agreement.')).toBeVisible();
  await customer.getByLabel('I have read and accept the Microsoft Customer Agreement on behalf of my organization').check();
  // Two presses in a row (a double click before the page changes).
  await customer.evaluate(() => { const b = document.getElementById('accept-button'); b.click(); b.click(); });
  await expect(customer.getByRole('heading', { name: 'Fabrikam Cloud Services is now your partner' })).toBeVisible();
  await expect(customer.getByText('now has a reseller relationship with Fabrikam Cloud Services')).toBeVisible();
  await checkA11y(customer, 'portal done');

  // The double press was one acceptance: the page says "created", not
  // "already accepted" (a second acceptance would answer that).
  await expect(customer.getByText('This invitation was already accepted')).toHaveCount(0);

  // The partner's other tab updates on its own; the name shows as text.
  await expect(partnerPage.getByText('Tailwind <b>Brasil</b>')).toBeVisible();
  await expect(partnerPage.getByRole('listitem').filter({ hasText: 'Tailwind' }).getByText('New', { exact: true })).toBeVisible();
  // Exactly one relationship, on both sides.
  await expect(partnerPage.getByRole('listitem').filter({ hasText: 'Tailwind <b>Brasil</b>' })).toHaveCount(1);
  await partnerPage.goto('/partner/invitations');
  await expect(partnerPage.getByText(/Accepted by Tailwind <b>Brasil<\/b> on/)).toHaveCount(1);
  await customer.getByRole('link', { name: 'Manage your partners' }).click();
  await expect(customer.getByRole('row', { name: /Fabrikam Cloud Services/ })).toHaveCount(1);

  // Opening the link again says it was accepted, before anything is pressed.
  await customer.goto(link);
  await expect(customer.getByRole('heading', { name: 'This invitation was already accepted' })).toBeVisible();
  await expect(customer.getByText(/Your organization accepted this invitation on [A-Z][a-z]{2} \d{1,2}, \d{4}\./)).toBeVisible();
  await expect(customer.getByRole('button', { name: 'Accept and authorize' })).toHaveCount(0);
});

test('a US Government partner’s link opens in the Office admin portal', async ({ page }) => {
  const link = await invite(page, 'Morgan Hale', 'Admin agent', {});
  await page.goto(link);
  await expect(page.locator('.portal-name')).toHaveText('Microsoft Office admin portal');
  await page.getByRole('button', { name: 'Sign in as Brian Cole, Global administrator' }).click();
  await expect(page.getByText('Cloud: Passed')).toBeVisible();
  await page.getByLabel('I have read and accept the Microsoft Customer Agreement on behalf of my organization').check();
  await page.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(page.getByRole('heading', { name: 'Litware Federal is now your partner' })).toBeVisible();
});

test('checks refuse, naming the facts: region, cloud, role', async ({ page }) => {
  const link = await invite(page, 'Ana Souza', 'Admin agent', { dap: true });
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in as Karen Miller, Global administrator' }).click();
  await expect(page.getByText('Market: Not met')).toBeVisible();
  await expect(page.getByText("The partner may sell only in its CSP market, Brazil, but your organization's country is United States. Ask a partner located in your market.")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept and authorize' })).toHaveCount(0);
  await checkA11y(page, 'portal checks refused');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByRole('button', { name: 'Sign in as Diego Martins, Billing administrator' }).click();
  await expect(page.getByText('Your role: Not met')).toBeVisible();
  await expect(page.getByText(/You are a Billing administrator\. Only a Global administrator of your organization can accept/)).toBeVisible();
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByRole('button', { name: 'Sign in as Emma Vogel, Global administrator' }).click();
  await expect(page.getByText('Cloud: Not met')).toBeVisible();
});

test('revoked, altered, unknown and malformed links get their own page', async ({ page }) => {
  const link = await invite(page, 'Ana Souza', 'Admin agent', { name: 'Gone Corp' });
  await page.goto(link.replace('DAP=false', 'DAP=true'));
  await expect(page.getByRole('heading', { name: 'This invitation link cannot be used' })).toBeVisible();
  await expect(page.getByText('This link differs from the invitation the partner created')).toBeVisible();
  await checkA11y(page, 'link problem');
  // Another id: its first digit changed (to 1 when it was 0, so the link always differs).
  await page.goto(link.replace(/invitationId=([0-9a-f])/, (_, d) => `invitationId=${d === '0' ? '1' : '0'}`));
  await expect(page.getByText(/No invitation matches this link|incomplete or was changed/)).toBeVisible();
  await page.goto('/?invType=ResellerRelationship&partnerId=not-a-guid#/partner-invitation');
  await expect(page.getByText(/The link is incomplete or was changed \(partnerId “not-a-guid” is not a GUID\)/)).toBeVisible();

  await page.goto('/partner/invitations');
  await page.getByRole('row', { name: /Gone Corp/ }).getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(/Revoked on/)).toBeVisible();
  await page.goto(link);
  await expect(page.getByText('The partner revoked this invitation. Ask the partner for a new one')).toBeVisible();
});

test('removing admin permissions keeps the reseller and shows on the partner side; a new DAP invitation restores them', async ({ page }) => {
  await freshStart(page);
  await page.goto('/customer');
  await page.getByRole('button', { name: 'Sign in as Julieta Gómez, Global administrator' }).click();
  const row = page.getByRole('row', { name: /Fabrikam Cloud Services/ });
  await expect(row.getByText('Reseller with delegated admin')).toBeVisible();
  await checkA11y(page, 'customer partners');
  await row.getByRole('button', { name: 'Remove admin permissions' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('stays your reseller and stays responsible for support');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(row.getByText('Admin permissions removed')).toBeVisible();

  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await expect(page.getByRole('listitem').filter({ hasText: 'Alpine Ski House' }).getByText('Admin permissions removed')).toBeVisible();
  const link = await createInvitation(page, { dap: true, name: 'Alpine Ski House' });
  await page.goto(link);
  await expect(page.getByText('Signed in as Julieta Gómez')).toBeVisible();
  await page.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(page.getByText('Fabrikam Cloud Services was already your reseller; its delegated admin privileges are restored.')).toBeVisible();
});

test('the portal follows the browser language: Portuguese', async ({ page }) => {
  const link = await invite(page, 'Ana Souza', 'Admin agent', {});
  const context = await page.context().browser().newContext({ locale: 'pt-BR' });
  await context.addInitScript(({ key, value }) => { if (!localStorage.getItem(key)) localStorage.setItem(key, value); },
    { key: 'reseller-invitations.mock.v1', value: await page.evaluate(() => localStorage.getItem('reseller-invitations.mock.v1')) });
  const portal = await context.newPage();
  await portal.goto(link);
  await expect(portal.getByRole('heading', { level: 1, name: 'Convite para uma relação de revendedor' })).toBeVisible();
  await expect(portal.getByText('Fabrikam Cloud Services convida você para uma relação de revendedor')).toBeVisible();
  await expect(portal.getByRole('heading', { name: 'Entre na sua organização' })).toBeVisible();
  await checkA11y(portal, 'portal in Portuguese');
  await context.close();
});

test('two tabs accept the same invitation for two organizations: one is created, the other is told', async ({ page, context }) => {
  const link = await invite(page, 'Ana Souza', 'Admin agent', { name: 'Race' });
  const tabA = await context.newPage();
  await tabA.goto(link);
  await tabA.getByRole('button', { name: 'Sign in as Beatriz Rocha, Global administrator' }).click();
  await expect(tabA.getByRole('button', { name: 'Accept and authorize' })).toBeVisible();
  const tabB = await context.newPage();
  await tabB.goto(link);
  await tabB.getByRole('button', { name: 'Switch user' }).click();
  await tabB.getByRole('button', { name: 'Sign in as Hugo Barros, Global administrator' }).click();
  await tabB.getByLabel('I have read and accept the Microsoft Customer Agreement on behalf of my organization').check();
  // Both press Accept at the same moment.
  await Promise.all([
    tabA.evaluate(() => document.getElementById('accept-button').click()),
    tabB.evaluate(() => document.getElementById('accept-button').click()),
  ]);
  const created = (tab) => tab.getByText('Fabrikam Cloud Services is now your partner');
  const refused = (tab) => tab.getByText('Another organization already accepted this invitation');
  await expect(async () => {
    const a = [await created(tabA).count(), await refused(tabA).count()];
    const b = [await created(tabB).count(), await refused(tabB).count()];
    expect([a, b]).toEqual(expect.arrayContaining([[1, 0], [0, 1]]));
    expect(a).not.toEqual(b);
  }).toPass();
  await expect(tabA.getByRole('button', { name: 'Accept and authorize' })).toHaveCount(0);
  await expect(tabB.getByRole('button', { name: 'Accept and authorize' })).toHaveCount(0);
  await checkA11y((await refused(tabA).count()) ? tabA : tabB, 'already accepted by another organization');
  // The partner sees one relationship, and it survives later writes from the
  // other tabs.
  await page.goto('/partner/invitations');
  await expect(page.getByText(/Accepted by (Contoso Ltda|Proseware)/)).toHaveCount(1);
  await createInvitation(tabB, { name: 'Later write' });
  await page.goto('/partner/customers');
  const rows = page.getByRole('listitem').filter({ hasText: /Contoso Ltda|Proseware/ });
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
});

test('two tabs of one organization press Accept at the same moment: one says created, the other already accepted', async ({ page, context }) => {
  const link = await invite(page, 'Ana Souza', 'Admin agent', { name: 'Same Org' });
  const tabA = await context.newPage();
  await tabA.goto(link);
  await tabA.getByRole('button', { name: 'Sign in as Beatriz Rocha, Global administrator' }).click();
  await expect(tabA.getByRole('button', { name: 'Accept and authorize' })).toBeVisible();
  const tabB = await context.newPage();
  await tabB.goto(link);
  await expect(tabB.getByRole('button', { name: 'Accept and authorize' })).toBeVisible();
  await Promise.all([
    tabA.evaluate(() => document.getElementById('accept-button').click()),
    tabB.evaluate(() => document.getElementById('accept-button').click()),
  ]);
  const created = (tab) => tab.getByRole('heading', { name: 'Fabrikam Cloud Services is now your partner' });
  const already = (tab) => tab.getByRole('heading', { name: 'This invitation was already accepted' });
  await expect(async () => {
    const a = [await created(tabA).count(), await already(tabA).count()];
    const b = [await created(tabB).count(), await already(tabB).count()];
    expect([a, b]).toEqual(expect.arrayContaining([[1, 0], [0, 1]]));
  }).toPass();
  await page.goto('/partner/customers');
  await expect(page.getByRole('listitem').filter({ hasText: 'Contoso Ltda' })).toHaveCount(1);
});
