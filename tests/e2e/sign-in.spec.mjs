// Real sign-in (issue 14), end to end in Chromium: the production build
// (no mock) against the mock server as its backend and OpenID Connect
// provider (a server of these tests' own, port 4179: they end its sessions on
// purpose). A partner signs in through the redirect and creates an
// invitation; a customer opens the link, signs in, comes back to the same
// invitation and accepts; a throttled call waits as asked, saying so; the
// session ends mid-draft and the draft survives
// the sign-in; another partner cannot open the first one's draft; sign-out
// leaves nothing of the user in the browser.
import { test, expect, checkA11y } from './fixtures.mjs';
import { PORTS } from './playwright.config.mjs';

const app = `http://127.0.0.1:${PORTS.production}/cfg-idp`;
const idp = `http://127.0.0.1:${PORTS.idp}`;

/** On the provider's page: chooses `name` (the form posts, the provider redirects back). */
async function chooseAt(page, name, role) {
  await expect(page).toHaveURL(new RegExp(`^${idp}/organizations/oauth2/v2.0/authorize\\?`));
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `Sign in as ${name}, ${role}` }).click();
}

async function partnerSignsIn(page, name, role, start = `${app}/partner/customers`) {
  await page.goto(start);
  await expect(page.getByRole('heading', { name: 'Sign in with your work account' })).toBeVisible();
  await expect(page.getByText('Demo sign-in')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await chooseAt(page, name, role);
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

async function draftFor(page, name) {
  await page.goto(`${app}/partner/invitations/new`);
  await page.getByLabel("Customer's company name").fill(name);
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  return { url: page.url(), link: (await page.locator('.link-text').textContent()).trim() };
}

/** What the page asks for as it starts: config.json and the wasm, in the order sent. */
function startRequests(page) {
  const sent = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('/config.json')) sent.push('config.json');
    // Which build's wasm (landing, portal, customer, partner).
    else if (path.endsWith('_bg.wasm')) sent.push(`${/([a-z]+)-[0-9a-f]{16}_bg\.wasm$/.exec(path)[1]}.wasm`);
  });
  return sent;
}

const kept = (page) => page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));

test('a partner signs in through the redirect and creates an invitation; tokens stay in the tab', async ({ page }) => {
  // config.json is asked for once a load, by the HTML's preload, before the
  // wasm (not once the wasm runs: a round trip less before the first page).
  const sent = startRequests(page);
  await partnerSignsIn(page, 'Ana Souza', 'Admin agent', `${app}/partner/invitations`);
  // Back where the sign-in started, with who, which organization and role.
  await expect(page).toHaveURL(`${app}/partner/invitations`);
  expect(sent, 'the sign-in page, then the page it came back to').toEqual(['config.json', 'partner.wasm', 'config.json', 'partner.wasm']);
  await expect(page.locator('.identity')).toContainText('Signed in as Ana Souza (Admin agent) at Fabrikam Cloud Services');
  await checkA11y(page, 'signed in with the identity provider');
  const { link } = await draftFor(page, 'Signed In Corp');
  expect(link).toMatch(new RegExp(`^${app}/\\?invType=ResellerRelationship&partnerId=`));
  // No token outside this tab's session storage.
  const { local, session } = await kept(page);
  const values = await page.evaluate(() => Object.values(localStorage).join(' '));
  expect(values).not.toMatch(/eyJ/);
  expect(session).toContain('reseller-invitations.oidc.partner');
  expect(local.filter((k) => k.includes('session'))).toEqual([]);
});

test('a customer opens the link, signs in, comes back to the same invitation and accepts', async ({ page, context }) => {
  await partnerSignsIn(page, 'Ana Souza', 'Admin agent');
  const { link } = await draftFor(page, 'Alpine Ski House');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Invitations' })).toBeVisible();

  const customer = await context.newPage();
  // config.json is asked for by the HTML's preload, before the wasm (not
  // once the wasm runs), and only then: the app takes the preload's answer.
  const sent = startRequests(customer);
  // The invitation is read once while the app starts, not again by the page.
  const reads = [];
  customer.on('request', (r) => { if (r.method() === 'GET' && r.url().includes('/v1/tenant/invitations/view')) reads.push(r.headers().authorization ? 'signed in' : 'signed out'); });
  // Read with no header of its own, the backend on another origin answers
  // it without a CORS preflight first (a round trip less on a phone). The
  // DevTools protocol shows preflights; Playwright's events do not.
  const preflights = [];
  const cdp = await context.newCDPSession(customer);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => { if (e.request.method === 'OPTIONS' && e.request.url.includes('/v1/tenant/invitations/view')) preflights.push(e.request.url); });
  // Where each of the whole portal's files came from, once signing in began.
  let signingIn = false;
  const served = [];
  cdp.on('Network.responseReceived', (e) => {
    const file = /\/(portal)-[0-9a-f]{16}(_bg\.wasm|\.js)$/.exec(new URL(e.response.url).pathname);
    if (signingIn && file) served.push(`${file[1]}${file[2]} from the ${e.response.fromDiskCache || e.response.fromMemoryCache ? 'cache' : 'network'}`);
  });
  await customer.goto(link);
  await expect(customer.getByRole('heading', { level: 1, name: 'Reseller relationship invitation' })).toBeVisible();
  await expect(customer.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
  await checkA11y(customer, 'acceptance page, signed out, with the identity provider');
  expect(reads).toEqual(['signed out']);
  // Signed out, the page is the portal's own small build for it (issue
  // 12); once it is ready, the whole portal, which the sign-in comes back
  // to, is fetched ahead.
  await expect.poll(() => sent).toEqual(['config.json', 'landing.wasm', 'portal.wasm']);
  // ... to its end (a resource's timing entry is written once its body is in).
  await expect.poll(() => customer.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => /\/portal-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(p)).length)).toBe(2);
  expect(preflights, 'a CORS preflight before the signed-out read of the invitation').toEqual([]);
  signingIn = true;
  await customer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await chooseAt(customer, 'Julieta Gómez', 'Global administrator');
  // The same invitation, its parameters intact, the sign-in's own gone.
  await expect(customer).toHaveURL(link);
  await expect(customer.getByText('Signed in as Julieta Gómez')).toBeVisible();
  await expect(customer.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
  // Signed in, the page reads it with the customer's token.
  expect(reads).toEqual(['signed out', 'signed in']);
  // The whole portal came from the cache, fetched ahead on the first page.
  expect(sent.slice(3)).toEqual(['config.json', 'portal.wasm']);
  expect(served.sort()).toEqual(['portal.js from the cache', 'portal_bg.wasm from the cache']);
  // Reloaded signed in, the page starts the whole portal again (the first
  // page's build has no steps after signing in), still signed in.
  await customer.reload();
  await expect(customer.getByText('Signed in as Julieta Gómez')).toBeVisible();
  expect(sent.slice(5)).toEqual(['config.json', 'portal.wasm']);
  await customer.getByRole('button', { name: 'Accept and authorize' }).click();
  await expect(customer.getByRole('heading', { name: 'Fabrikam Cloud Services is now your partner' })).toBeVisible();
  // The partner sees it.
  await page.reload();
  await expect(page.getByRole('row', { name: /Alpine Ski House/ }).getByText(/Accepted by Alpine Ski House/)).toBeVisible();
});

test('on a phone’s network the invitation is read while the wasm downloads, once', async ({ page, context }) => {
  await partnerSignsIn(page, 'Ana Souza', 'Admin agent');
  const { link } = await draftFor(page, 'Slow Network Ltd');
  const customer = await context.newPage();
  // Chromium's own throttling (slow 4G's round trip and bandwidth).
  const cdp = await context.newCDPSession(customer);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await customer.goto(link);
  await expect(customer.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
  const timing = await customer.evaluate(() => {
    const all = performance.getEntriesByType('resource');
    return {
      wasmEnd: all.find((e) => e.name.endsWith('_bg.wasm')).responseEnd,
      reads: all.filter((e) => e.name.includes('/v1/tenant/invitations/view')).map((e) => [e.startTime, e.responseEnd]),
    };
  });
  // Asked for by the page's bootstrap with the wasm, answered before the
  // wasm is in, and taken by the app: not asked for again once it runs.
  expect(timing.reads).toHaveLength(1);
  expect(timing.reads[0][1]).toBeLessThan(timing.wasmEnd);
});

test('throttled: the page says it waits as the service asked, goes on by itself, and the invitation is made once', async ({ page, request }) => {
  await partnerSignsIn(page, 'Ana Souza', 'Admin agent');
  await page.goto(`${app}/partner/invitations/new`);
  await page.getByLabel("Customer's company name").fill('Patient Waiting Corp');
  // The server answers the next create 429 with Retry-After: 2, on purpose
  // (hence the console's 429); its CORS lets the page read the header.
  page.allowConsoleError(/status of 429/);
  expect((await request.post(`${idp}/test/throttle`, { form: { throttledCalls: '1', retryAfterS: '2', endpoint: 'POST /v1/invitations' } })).status()).toBe(204);
  // A laptop's window: the form scrolls to its button.
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'The service is limiting requests: going on in about 2 s.' });
  await expect(notice).toBeVisible();
  // In view, though the page is scrolled down to the button pressed.
  await expect(notice).toBeInViewport();
  await checkA11y(page, 'waiting as the service asked');
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.goto(`${app}/partner/invitations`);
  await expect(page.getByRole('row').filter({ hasText: 'Patient Waiting Corp' })).toHaveCount(1);
});

test('the session ends mid-draft: signing in again comes back to the draft with everything typed', async ({ page, request }) => {
  await partnerSignsIn(page, 'Bruno Lima', 'Sales agent');
  const { url } = await draftFor(page, 'Session Ends Ltda');
  const message = page.getByLabel('Message');
  await message.press('End');
  await message.pressSequentially(' Typed before.');
  await expect(page.locator('.save-state')).toHaveText('Draft saved');
  // Every session of the provider ends (its tokens and refresh tokens).
  expect((await request.post(`${idp}/test/end-sessions`)).status()).toBe(204);
  // The refused save (401) and the refused renewal (400) are expected here.
  page.allowConsoleError(/status of 40[01]/);
  await message.pressSequentially(' Typed after.');
  await expect(page.getByText('Your session has ended. Sign in again to go on: nothing on this page is lost.')).toBeVisible();
  await expect(message).toHaveValue(/Typed before\. Typed after\.$/);
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await chooseAt(page, 'Bruno Lima', 'Sales agent');
  await expect(page).toHaveURL(url);
  await expect(page.getByLabel('Message')).toHaveValue(/Typed before\. Typed after\.$/);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
});

test('another partner cannot open the first one’s draft, and sign-out leaves nothing behind', async ({ page }) => {
  await partnerSignsIn(page, 'Ana Souza', 'Admin agent');
  const { url } = await draftFor(page, 'Private Draft Corp');
  await page.getByLabel('To').fill('private@draft.example');
  await expect(page.locator('.save-state')).toHaveText('Draft saved');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Reseller relationships, end to end' })).toBeVisible();
  // Nothing of Ana's in this browser: no draft (with its customer's email), no session;
  // only the language and when a sign-out happened (the app's other tabs follow it).
  const { local, session } = await kept(page);
  expect(local.filter((k) => k !== 'reseller-invitations.lang').sort()).toEqual(['reseller-invitations.signed-out']);
  expect(await page.evaluate(() => localStorage.getItem('reseller-invitations.signed-out'))).toMatch(/^\d+$/);
  expect(session).toEqual([]);

  page.allowConsoleError(/404/);
  await partnerSignsIn(page, 'Inês Costa', 'Admin agent', url);
  await expect(page).toHaveURL(url);
  await expect(page.getByText('No invitation matches this link')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Private Draft Corp');
  await expect(page.locator('main')).not.toContainText('private@draft.example');
  await expect(page.getByLabel('Message')).toHaveCount(0);
});

test('the sign-in service cannot be reached: the page says so, and Sign in works again, also back from the provider', async ({ page }) => {
  await page.goto(`${app}/partner/customers`);
  await expect(page.getByRole('heading', { name: 'Sign in with your work account' })).toBeVisible();
  const signIn = page.getByRole('button', { name: /^(Sign in|Signing you in…)$/ });
  // The provider's discovery document is held, then its connection refused.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/.well-known/openid-configuration', async (route) => { await held; await route.abort('connectionrefused'); });
  page.allowConsoleError(/openid-configuration|ERR_CONNECTION_REFUSED|Failed to fetch/);
  await signIn.click();
  await expect(signIn).toHaveText('Signing you in…');
  await expect(signIn).toHaveAttribute('aria-disabled', 'true');
  // The browser's Back from the provider's page shows this page as it was
  // left (its back/forward cache, which Playwright's Chromium turns off):
  // the button works again.
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await expect(signIn).toHaveText('Sign in');
  await expect(signIn).toHaveAttribute('aria-disabled', 'false');
  await signIn.click();
  release();
  await expect(page.getByText('Signing in did not work: the sign-in service could not be reached. Try again.')).toBeVisible();
  await expect(page).toHaveURL(`${app}/partner/customers`);
  // "Try again" is possible: the button is no longer waiting.
  await expect(signIn).toHaveText('Sign in');
  await expect(signIn).toHaveAttribute('aria-disabled', 'false');
  await page.unroute('**/.well-known/openid-configuration');
  await signIn.click();
  await chooseAt(page, 'Ana Souza', 'Admin agent');
  await expect(page.getByText('Signed in as Ana Souza')).toBeVisible();
  await expect(page.getByText('Signing in did not work')).toHaveCount(0);
});

test('a link opened where the browser blocks site data starts the whole portal, and Sign in says why instead of leaving', async ({ page, context }) => {
  await partnerSignsIn(page, 'Ana Souza', 'Admin agent');
  const { link } = await draftFor(page, 'Blocked Storage Ltd');
  const customer = await context.newPage();
  const problems = [];
  customer.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  customer.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // What a browser set to block this site's data does: each storage throws.
  await customer.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException(`Failed to read the '${name}' property from 'Window': Access is denied for this document.`, 'SecurityError'); } });
    }
  });
  const sent = startRequests(customer);
  await customer.goto(link);
  await expect(customer.getByText('Fabrikam Cloud Services invites you to a reseller relationship')).toBeVisible();
  // The bootstrap cannot tell whether this tab is signed in: the whole
  // portal, which can, not the first page's small build.
  expect(sent).toEqual(['config.json', 'portal.wasm']);
  const signIn = customer.getByRole('button', { name: 'Sign in', exact: true });
  await signIn.click();
  // Refused here, before a trip to the provider that could only come back
  // refused (the state and verifier it is checked against cannot be kept).
  await expect(customer.getByText('Signing in did not work: this browser blocks this site from keeping data in this tab, which signing in needs.')).toBeVisible();
  await expect(customer).toHaveURL(link);
  await expect(signIn).toHaveAttribute('aria-disabled', 'false');
  await checkA11y(customer, 'acceptance page, site data blocked');
  expect(problems).toEqual([]);
});
