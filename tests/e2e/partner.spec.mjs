// The partner's flow: sign in, role gating, the options page (with and
// without admin privileges, sovereign clouds), the draft email (edit, link
// guard, copy, reload mid-edit), Done, and the invitations list.
import { test, expect, checkA11y, freshStart, partnerSignIn, createInvitation } from './fixtures.mjs';

test('a Helpdesk agent sees why it cannot invite', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Carla Dias', 'Helpdesk agent');
  await expect(page.getByRole('link', { name: 'Request a reseller relationship' })).toHaveCount(0);
  await expect(page.getByText('Your role (Helpdesk agent) cannot request reseller relationships')).toBeVisible();
  await page.goto('/partner/invitations/new');
  await expect(page.getByText('Your role (Helpdesk agent) cannot request reseller relationships')).toBeVisible();
  await checkA11y(page, 'options page, helpdesk');
});

test('a Helpdesk agent opening a draft can copy the link, not change or hand over the email', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const link = await createInvitation(page, { name: 'Helpdesk Reads Corp' });
  const draft = page.url();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await partnerSignIn(page, 'Carla Dias', 'Helpdesk agent');
  await page.goto(draft);
  await expect(page.locator('.link-text')).toHaveText(link);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  await expect(page.getByText("Your role (Helpdesk agent) cannot change or hand over invitation emails: an Admin agent or a Sales agent can.")).toBeVisible();
  await expect(page.getByLabel('Message')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Done' })).toHaveCount(0);
  await checkA11y(page, 'draft page, helpdesk');
});

test('request with and without admin privileges, edit the draft, copy, reload, done', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshStart(page);
  await partnerSignIn(page, 'Bruno Lima', 'Sales agent');
  // The pressed sign-in button is gone: the focus goes on with the page's content, not back to the top.
  await expect(page.locator('main')).toBeFocused();
  await checkA11y(page, 'customers page');
  await page.getByRole('link', { name: 'Request a reseller relationship' }).first().click();
  await expect(page.getByRole('heading', { name: 'Request a reseller relationship' })).toBeVisible();
  const box = page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365');
  await expect(box).toBeEnabled();
  await expect(box).toBeChecked();
  await checkA11y(page, 'options page');
  await box.uncheck();

  // Bad input keeps what was typed and says what is wrong.
  await page.getByLabel("Customer's company name").fill('Contoso Ltda');
  await page.getByLabel("Customer's email").fill('beatriz@');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByText('Enter an email address like name@company.com.')).toBeVisible();
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Contoso Ltda');
  await page.getByLabel("Customer's email").fill('beatriz@contoso.com.br');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).press('Enter');

  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  await expect(page.locator('main'), 'a keyboard user goes on from the new page').toBeFocused();
  const link = (await page.locator('.link-text').textContent()).trim();
  expect(link).toMatch(/\/\?invType=ResellerRelationship&partnerId=[0-9a-f-]{36}&msppId=0&DAP=false&invitationId=[0-9a-f-]{36}#\/partner-invitation$/);
  await expect(page.getByLabel('To')).toHaveValue('beatriz@contoso.com.br');
  const body = page.getByLabel('Message');
  await expect(body).toHaveValue(/Hello Contoso Ltda team,/);
  expect(await body.inputValue()).toContain(link);
  await checkA11y(page, 'draft page');

  // Remove the link: warned, handing over blocked, one click puts it back.
  const original = await body.inputValue();
  await body.fill(original.replace(link, ''));
  await expect(page.getByText('The message no longer holds the personalised link unchanged')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open in email app' })).toBeDisabled();
  await expect(page.getByRole('link', { name: 'Open in email app' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Done' })).toBeDisabled();
  await checkA11y(page, 'draft page with the link removed');
  await page.getByRole('button', { name: 'Put the link back' }).click();
  // Back where it was, after the sentence that introduces it, not after the signature.
  await expect(body).toHaveValue(original);
  await expect(page.getByRole('button', { name: 'Done' })).toBeEnabled();
  // Removed and put back again: the same notice replaces the first, not stacked on it.
  await body.fill(original.replace(link, ''));
  await page.getByRole('button', { name: 'Put the link back' }).click();
  await expect(body).toHaveValue(original);
  // (Each notice's words show 50 ms after it: judged once both had time to.)
  await page.waitForTimeout(300);
  expect(await page.locator('.toast', { hasText: 'The link is back in the message.' }).count()).toBe(1);

  // An altered copy beside the intact link is refused too: the customer could open it.
  const altered = link.replace('DAP=false', 'DAP=true');
  await body.fill(`${original}\nOr open ${altered}`);
  await expect(page.getByText('The message also holds a copy of the personalised link with something changed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Copy to clipboard' })).toBeDisabled();
  await page.getByRole('button', { name: 'Put the link back' }).click();
  await expect(body).toHaveValue(`${original}\nOr open ${link}`);
  await body.fill(original);
  await expect(page.getByRole('button', { name: 'Done' })).toBeEnabled();

  // Edit, reload mid-edit: the text is intact.
  await body.fill((await body.inputValue()).replace('Best regards,', 'Kind regards from the Fabrikam team,'));
  await page.getByLabel('Subject').fill('Let us work together, Contoso');
  await page.reload();
  await expect(page.getByLabel('Subject')).toHaveValue('Let us work together, Contoso');
  await expect(page.getByLabel('Message')).toHaveValue(/Kind regards from the Fabrikam team,/);

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText('Copied to the clipboard.').first()).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Let us work together, Contoso');
  expect(copied).toContain(link);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Invitations' })).toBeVisible();
  await expect(page.getByText('Invitation ready for Contoso Ltda.')).toBeVisible();
  const row = page.getByRole('row', { name: /Contoso Ltda/ });
  await expect(row.getByText('Pending')).toBeVisible();
  await expect(row.getByRole('cell', { name: 'No', exact: true })).toBeVisible();
  await checkA11y(page, 'invitations list');

  // A second invitation, with admin privileges.
  const dapLink = await createInvitation(page, { dap: true, name: 'Woodgrove' });
  expect(dapLink).toContain('&DAP=true&');
  await expect(page.getByLabel('Message')).toHaveValue(/delegated administration privileges/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: /Woodgrove/ }).getByRole('cell', { name: 'Yes', exact: true })).toBeVisible();
});

test('the draft is saved to the backend as it is edited', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { name: 'Coho' });
  await page.getByLabel('Subject').fill('Saved on the server');
  await expect(page.getByText('Draft saved')).toBeVisible();
  const url = page.url();
  // Forget the local copy: the text comes back from the backend.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.draft.')).forEach((k) => localStorage.removeItem(k)));
  await page.goto(url);
  await expect(page.getByLabel('Subject')).toHaveValue('Saved on the server');
});

test('a US Government partner cannot turn admin privileges off', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Morgan Hale', 'Admin agent');
  await expect(page.getByText('Microsoft Cloud for US Government').first()).toBeVisible();
  await page.goto('/partner/invitations/new');
  const box = page.getByLabel('Include delegated administration privileges for Azure Active Directory and Office 365');
  await expect(box).toBeChecked();
  await expect(box).toBeDisabled();
  await expect(page.getByText('Partners operating in Microsoft Cloud for US Government must request delegated administration privileges')).toBeVisible();
  await checkA11y(page, 'options page, sovereign cloud');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.locator('.link-text')).toContainText('&DAP=true&');
});

test('revoke an invitation, with confirmation', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { name: 'Revoke Me' });
  await page.goto('/partner/invitations');
  const row = page.getByRole('row', { name: /Revoke Me/ });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Revoke this invitation?');
  // The focus is on the less destructive answer: a second Enter does not revoke.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await checkA11y(page, 'revoke confirmation');
  // Escape cancels and gives the focus back to Revoke.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeFocused();
  await expect(row.getByText(/Pending/)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Confirm' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByText(/Revoked on/)).toBeVisible();
});

test('an empty invitations list leads to the first request', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Inês Costa', 'Admin agent');
  await page.goto('/partner/invitations');
  await expect(page.getByText('No invitations yet.')).toBeVisible();
  await checkA11y(page, 'empty invitations');
});
