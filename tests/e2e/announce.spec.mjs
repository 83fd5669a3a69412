// Status messages (WCAG 4.1.3, issue 13): every asynchronous outcome —
// invitation created, draft saved, link copied, done, accepted, refused, an
// error, trying again — is announced once through a live region, in the
// words shown on screen. The page fixture records what every live region is
// given to say (a region put on the page with its words already in it is not
// reliably heard, so it is not counted).
import { test, expect, freshStart, partnerSignIn, createInvitation, announced, expectAnnouncedOnce } from './fixtures.mjs';
import { PORTS } from './playwright.config.mjs';

test('the partner hears each outcome once, in the words shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await createInvitation(page, { dap: true, name: 'Contoso Ltda' });
  const created = 'Invitation created. Review the email that carries its link.';
  await expect(page.locator('.toast').getByText(created)).toBeVisible();
  await expectAnnouncedOnce(page, created);

  // The page opened on the kept draft: nothing was saved yet, nothing said.
  expect(await announced(page)).not.toContain('Draft saved');
  await page.getByLabel('Message').press('End');
  await page.getByLabel('Message').pressSequentially(' Thanks!');
  await expect(page.locator('.save-state')).toHaveText('Draft saved');
  await expectAnnouncedOnce(page, 'Draft saved');

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.link-box').getByText('Copied to the clipboard.')).toBeVisible();
  await expectAnnouncedOnce(page, 'Copied to the clipboard.');
  // Copied again: heard again.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(async () => (await announced(page)).filter((t) => t === 'Copied to the clipboard.').length).toBe(2);

  await page.getByRole('button', { name: 'Done' }).click();
  const ready = 'Invitation ready for Contoso Ltda. It stays pending until the customer accepts.';
  await expect(page.locator('.toast').getByText(ready)).toBeVisible();
  await expectAnnouncedOnce(page, ready);
});

test('an error is announced once, "Trying again…" when retried, and the error again when it fails again', async ({ page }) => {
  const base = `http://127.0.0.1:${PORTS.variants}/cfg-failing-create`;
  // The failure is on purpose (503 from the mock's injected fault).
  page.allowConsoleError(/503|unavailable/i);
  await page.goto(`${base}/partner/customers`);
  await page.getByRole('button', { name: 'Sign in as Ana Souza, Admin agent' }).click();
  // Signed in before leaving the page (a page load started sooner finds no
  // session yet and shows the sign-in instead of the form).
  await expect(page.getByText('Signed in as Ana Souza')).toBeVisible();
  await page.goto(`${base}/partner/invitations/new`);
  await page.getByLabel("Customer's company name").fill('Wingtip Toys');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  const banner = page.locator('.error-banner');
  await expect(banner).toContainText('The service is unavailable right now. Try again in a moment.');
  const words = (await banner.locator('[role="alert"]').innerText()).replace(/\s+/g, ' ').trim();
  expect(words).toMatch(/^Something went wrong What failed: .+ The service is unavailable right now\. Try again in a moment\. Error code 50301$/);
  await expectAnnouncedOnce(page, words);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expectAnnouncedOnce(page, 'Trying again…');
  await expect.poll(async () => (await announced(page)).filter((t) => t === words).length, { message: 'the second failure is heard' }).toBe(2);
  // What was typed is still there.
  await expect(page.getByLabel("Customer's company name")).toHaveValue('Wingtip Toys');
});

test('the customer hears the refusal, the accepted outcome and a refused link once each', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  const link = await createInvitation(page, { dap: true, name: 'Alpine Ski House' });
  await page.getByRole('button', { name: 'Done' }).click();
  await page.goto(link);
  // Refused: Karen Miller's organization is outside the partner's market.
  await page.getByRole('button', { name: 'Sign in as Karen Miller, Global administrator' }).click();
  const refused = 'You cannot accept this invitation as Karen Miller. Sign in as someone else, or ask the partner for a new invitation.';
  await expect(page.getByText(refused)).toBeVisible();
  await expectAnnouncedOnce(page, refused);
  // Accepted.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByRole('button', { name: 'Sign in as Julieta Gómez, Global administrator' }).click();
  await page.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(page.getByRole('heading', { name: 'Fabrikam Cloud Services is now your partner' })).toBeVisible();
  const outcome = page.locator('.done [role="status"]');
  await expect(outcome).toContainText('Fabrikam Cloud Services');
  await expectAnnouncedOnce(page, (await outcome.innerText()).trim());

  // A revoked link: its refusal is heard on the page that says it.
  const second = await createInvitation(page, { name: 'Gone Corp' });
  await page.goto('/partner/invitations');
  await page.getByRole('row', { name: /Gone Corp/ }).getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expectAnnouncedOnce(page, 'Invitation revoked.');
  await page.goto(second);
  const revoked = 'The partner revoked this invitation. Ask the partner for a new one if you still want to work with them.';
  await expect(page.getByText(revoked)).toBeVisible();
  await expectAnnouncedOnce(page, revoked);
});
