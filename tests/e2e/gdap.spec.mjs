// Granular admin roles (GDAP) end to end: the partner asks for them with the
// invitation, the customer accepts and approves them, the partner assigns a
// security group; a Helpdesk-only relationship cannot manage licenses, a
// License Administrator one can. The demo clock shows an unapproved request
// expire.
import { test, expect, checkA11y, freshStart, partnerSignIn } from './fixtures.mjs';

const DAP = 'Include delegated administration privileges for Azure Active Directory and Office 365';

/** Requests a reseller relationship with GDAP from `template`; the two links. */
async function requestWithGdap(page, template, name) {
  await page.goto('/partner/invitations/new');
  await page.getByLabel("Customer's company name").fill('Contoso Ltda');
  await expect(page.getByLabel(DAP)).toBeChecked();
  await page.getByLabel('Also request granular admin roles (GDAP)').check();
  await expect(page.getByLabel(DAP)).not.toBeChecked();
  await expect(page.getByLabel('Relationship name')).toHaveValue('Contoso Ltda');
  await page.getByLabel('Relationship name').fill(name);
  await page.getByLabel('30 days').check();
  await page.getByRole('button', { name: new RegExp(`^${template}:`) }).click();
  await checkA11y(page, 'options page with GDAP');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  const link = (await page.locator('.link-text').first().textContent()).trim();
  const approval = (await page.locator('#admin-link').textContent()).trim();
  expect(approval).toMatch(/\/customer\/\?adminRelationship=[0-9a-f-]{36}$/);
  const body = page.getByLabel('Message');
  expect(await body.inputValue()).toContain(link);
  expect(await body.inputValue()).toContain(approval);
  // The approval link is guarded like the invitation's.
  const original = await body.inputValue();
  await body.fill(original.replace(approval, ''));
  await expect(page.getByText("The email no longer holds the admin roles' approval link unchanged")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeDisabled();
  await checkA11y(page, 'draft with the approval link removed');
  await page.getByRole('button', { name: 'Put the approval link back' }).click();
  expect(await body.inputValue()).toContain(approval);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Invitations' })).toBeVisible();
  return { link, approval };
}

/** The customer accepts the invitation and approves its admin roles. */
async function acceptAndApprove(customer, link, role, { signIn = false } = {}) {
  await customer.goto(link);
  if (signIn) await customer.getByRole('button', { name: 'Sign in as Beatriz Rocha, Global administrator' }).click();
  await customer.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(customer.getByText('Fabrikam Cloud Services also asks for admin roles in your organization')).toBeVisible();
  await customer.getByRole('link', { name: 'Review the admin roles' }).click();
  await expect(customer.getByRole('heading', { name: 'Approve admin roles' })).toBeVisible();
  await expect(customer.getByText('Fabrikam Cloud Services asks for these admin roles in your organization:')).toBeVisible();
  await expect(customer.getByRole('listitem').filter({ hasText: role })).toBeVisible();
  await expect(customer.getByText(/For 30 days: approved today, they end on/)).toBeVisible();
  await checkA11y(customer, 'approval page');
  await customer.getByRole('button', { name: 'Approve all' }).click();
  await expect(customer.getByRole('heading', { name: 'Admin roles approved' })).toBeVisible();
  await expect(customer.getByText(/^Fabrikam Cloud Services has them until/)).toBeVisible();
}

/** The partner assigns Admin agents to `role` of relationship `name`. */
async function assignAdmins(page, name, role) {
  await page.goto('/partner/customers');
  await page.getByRole('button', { name: 'Show details of Contoso Ltda' }).click();
  const record = page.getByRole('region', { name: 'Contoso Ltda' });
  await record.getByRole('tab', { name: 'Admin relationships' }).click();
  const card = record.locator('li.admin-relationship', { has: page.getByRole('heading', { name, exact: true }) });
  await expect(card.locator('.status')).toHaveText('Active');
  const form = card.getByRole('group', { name: `Assign a security group to “${name}”` });
  await form.getByLabel('Security group').selectOption({ label: 'Admin agents' });
  await form.getByLabel(role).check();
  await checkA11y(page, 'admin relationships tab');
  await form.getByRole('button', { name: 'Assign the group' }).click();
  await expect(page.getByText('Security group assigned.')).toBeVisible();
  await expect(card.locator('.assigned')).toContainText(`Admin agents: ${role}`);
  return record;
}

test('GDAP with the invitation: approved, groups assigned, rights follow the roles', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const helpdesk = await requestWithGdap(page, 'Helpdesk', 'Contoso helpdesk');
  const customer = await context.newPage();
  await acceptAndApprove(customer, helpdesk.link, 'Helpdesk Administrator', { signIn: true });

  // Helpdesk roles, assigned to Ana's group: still no users and licenses.
  let record = await assignAdmins(page, 'Contoso helpdesk', 'Helpdesk Administrator');
  await record.getByRole('tab', { name: 'Users and licenses' }).click();
  await expect(record.getByText(/needs delegated admin privileges, or an active admin relationship granting one of these roles to a security group you belong to: License Administrator, User Administrator/)).toBeVisible();
  await checkA11y(page, 'users tab without the role');
  await record.getByRole('button', { name: 'Open Admin relationships' }).click();
  await expect(record.getByRole('tab', { name: 'Admin relationships' })).toHaveAttribute('aria-selected', 'true');
  // The offer opens the request page with the licensing roles chosen.
  await record.getByRole('tab', { name: 'Users and licenses' }).click();
  await record.getByRole('link', { name: 'Request License Administrator and User Administrator' }).click();
  await expect(page.getByLabel('Also request granular admin roles (GDAP)')).toBeChecked();
  await expect(page.getByRole('button', { name: /^Licensing:/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Contoso Ltda');

  // A licensing relationship: now the users and their licenses are there.
  const licensing = await requestWithGdap(page, 'Licensing', 'Contoso licensing');
  await acceptAndApprove(customer, licensing.link, 'License Administrator');
  // Approved, not yet assigned to a group: the tab says so instead of offering the request again.
  await page.goto('/partner/customers');
  await page.getByRole('button', { name: 'Show details of Contoso Ltda' }).click();
  record = page.getByRole('region', { name: 'Contoso Ltda' });
  await record.getByRole('tab', { name: 'Users and licenses' }).click();
  await expect(record.getByText('An admin relationship in force grants one of them already')).toBeVisible();
  await expect(record.getByRole('link', { name: 'Request License Administrator and User Administrator' })).toHaveCount(0);
  record = await assignAdmins(page, 'Contoso licensing', 'License Administrator');
  await record.getByRole('tab', { name: 'Users and licenses' }).click();
  await expect(record.getByRole('cell', { name: /Beatriz Rocha/ })).toBeVisible();
  await expect(record.getByText('needs delegated admin privileges')).toHaveCount(0);

  // The customer sees both relationships on its partners page.
  await customer.goto('/customer/');
  await expect(customer.getByRole('heading', { name: 'Contoso licensing' })).toBeVisible();
  await expect(customer.getByRole('heading', { name: 'Contoso helpdesk' })).toBeVisible();
  await checkA11y(customer, 'partners page with admin relationships');
});

test('admin roles not reviewed after accepting wait on the partners page, with the way to approve them', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const { link } = await requestWithGdap(page, 'Helpdesk', 'Contoso later');
  // The invitations list says roles were asked for, not "No" admin privileges.
  await expect(page.getByRole('row', { name: /Contoso Ltda/ }).first()).toContainText(/Granular roles \(GDAP\): \d/);
  const customer = await context.newPage();
  await customer.goto(link);
  await customer.getByRole('button', { name: 'Sign in as Beatriz Rocha, Global administrator' }).click();
  await customer.getByRole('button', { name: 'Accept and authorize' }).click();
  // Not now: the customer goes to its partners instead of the review.
  await customer.getByRole('link', { name: 'Manage your partners' }).click();
  const card = customer.locator('li.card', { has: customer.getByRole('heading', { name: 'Contoso later' }) });
  await expect(card).toContainText('Waiting for approval');
  await checkA11y(customer, 'partners page with roles waiting');
  await card.getByRole('link', { name: 'Review the admin roles' }).click();
  await customer.getByRole('button', { name: 'Approve all' }).click();
  await expect(customer.getByRole('heading', { name: 'Admin roles approved' })).toBeVisible();
});

test("the relationship's name follows the customer's, typed before or after, until it is the partner's own", async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await page.goto('/partner/invitations/new');
  await page.getByLabel('Also request granular admin roles (GDAP)').check();
  const company = page.getByLabel("Customer's company name");
  const name = page.getByLabel('Relationship name');
  await company.fill('Wide World Importers');
  await expect(name).toHaveValue('Wide World Importers');
  await name.fill('WWI helpdesk');
  await company.fill('Wide World Importers Ltd');
  await expect(name).toHaveValue('WWI helpdesk');
});

test('an admin relationship request not approved within 90 days expires', async ({ page, context }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const { approval } = await requestWithGdap(page, 'Security', 'Contoso security');
  for (let i = 0; i < 3; i += 1) {
    await page.getByRole('button', { name: 'Move the demo clock 30 days ahead' }).click();
    await expect(page.getByText(`The demo clock is now ${(i + 1) * 30} days ahead.`)).toBeVisible();
  }
  const customer = await context.newPage();
  await customer.goto(approval);
  await customer.getByRole('button', { name: 'Sign in as Beatriz Rocha, Global administrator' }).click();
  await expect(customer.getByText('This request expired: it was not approved within 90 days. Ask Fabrikam Cloud Services for a new one.')).toBeVisible();
  await expect(customer.getByRole('button', { name: 'Approve all' })).toHaveCount(0);
  await checkA11y(customer, 'expired approval');
});
