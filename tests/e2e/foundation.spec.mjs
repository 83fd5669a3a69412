// The app shell and static hosting: routes, language, not-found, deep links
// from the domain root and a sub-path, config.json, CSP, axe on every route.
import { test, expect, checkA11y, freshStart } from './fixtures.mjs';
import { PORTS } from './playwright.config.mjs';

test('home page shows both workspaces and passes axe', async ({ page }) => {
  await freshStart(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reseller relationships, end to end');
  await expect(page.getByRole('link', { name: 'Partner workspace', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Customer portal', exact: true })).toBeVisible();
  await checkA11y(page, 'home');
});

test('language switch changes the UI and is remembered', async ({ page }) => {
  await freshStart(page);
  await page.getByLabel('Language').selectOption('pt-BR');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relações de revendedor, do início ao fim');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page).toHaveTitle('Convites para relação de revendedor');
  await page.reload();
  await expect(page).toHaveTitle('Convites para relação de revendedor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relações de revendedor, do início ao fim');
  await checkA11y(page, 'home in Portuguese');
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reseller relationships, end to end');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Reseller invitations');
});

test('unknown paths show the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkA11y(page, 'not found');
});

test('a deep link works at the domain root through 404.html', async ({ page }) => {
  await page.goto('/partner/invitations');
  await expect(page).toHaveURL(/\/partner\/invitations$/);
  await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
  await checkA11y(page, 'partner sign-in');
  await page.goto('/customer');
  await expect(page.getByRole('heading', { name: 'Sign in to your organization' })).toBeVisible();
  await checkA11y(page, 'customer sign-in');
});

test('the same dist works under a sub-path, deep links included', async ({ page }) => {
  const base = `http://127.0.0.1:${PORTS.sub}/reseller/`;
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reseller relationships, end to end');
  // The partner workspace is its own build: the link loads its page (through
  // 404.html on this host); reload once the workspace is on screen.
  await page.getByRole('link', { name: 'Open the partner workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
  await expect(page).toHaveURL(`${base}partner/customers`);
  await page.reload();
  await expect(page).toHaveURL(`${base}partner/customers`);
  await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
  await page.goto(`${base}customer`);
  await expect(page.getByRole('heading', { name: 'Partner relationships' })).toBeVisible();
});

test('without config.json the in-browser mock is used', async ({ page }) => {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) problems.push(m.text()); });
  await page.goto(`http://127.0.0.1:${PORTS.noConfig}/`);
  await expect(page.getByText('Demo mode: this app runs against an in-browser mock backend')).toBeVisible();
  expect(problems).toEqual([]);
});

test('served by the mock server, the app uses its HTTP API and signs in at its identity provider', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORTS.http}/partner/customers`);
  await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
  await expect(page.getByText('Demo mode')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/organizations\/oauth2\/v2.0\/authorize\?/);
  const api = page.waitForResponse((r) => r.url().includes('/v1/customers'));
  await page.getByRole('button', { name: 'Sign in as Ana Souza, Admin agent' }).click();
  expect((await api).status()).toBe(200);
  await expect(page.getByText('Signed in as Ana Souza')).toBeVisible();
  await expect(page.getByText('Alpine Ski House')).toBeVisible();
});

test('the Content-Security-Policy is strict and shipped as header and meta', async ({ request }) => {
  const res = await request.get('/');
  const header = res.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain("'unsafe-eval'");
  expect(header).toContain("connect-src 'self'");
  expect(await res.text()).toContain('http-equiv="Content-Security-Policy"');
});
