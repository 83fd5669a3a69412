// The production build (dist-production/): no in-browser mock and none of
// its data; without config.json, or with one asking for the mock, naming an
// origin the build was not made for, or holding a token, a configuration
// error page; with its backend (the mock server, the origin it was built
// for, also its identity provider) the app signs in and works.
import { test, expect, checkA11y } from './fixtures.mjs';
import { PORTS } from './playwright.config.mjs';
import { readdirSync, readFileSync } from 'node:fs';

const base = `http://127.0.0.1:${PORTS.production}`;

test('the production wasm carries no mock and no demo data', async () => {
  // Every build's wasm: the portal, its landing build (production only), the
  // customer portal, the partner workspace.
  const wasms = (folder) => readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true })
    .filter((f) => f.endsWith('.wasm'))
    .map((f) => readFileSync(new URL(`../../${folder}/${f}`, import.meta.url)).toString('latin1'));
  const production = wasms('dist-production');
  expect(production).toHaveLength(4);
  for (const text of production) {
    for (const demo of ['Fabrikam Cloud Services', 'Northwind Traders', 'fault injected']) {
      expect(text.includes(demo), `a production wasm holds "${demo}"`).toBe(false);
    }
  }
  const demo = wasms('dist');
  expect(demo).toHaveLength(3);
  for (const text of demo) expect(text).toContain('Fabrikam Cloud Services');
});

test('without a usable config.json the production build says so, never a demo', async ({ page }) => {
  for (const [path, problem] of [
    ['/partner/customers', 'there is none: this production build needs one naming its backend'],
    ['/cfg-mock/', 'it asks for the in-browser mock, which this production build does not carry'],
    ['/cfg-elsewhere/partner/customers', '"baseUrl" is on http://127.0.0.1:9, which this build does not name'],
    // The public file holds a token: every visitor would hold it.
    ['/cfg-token/', 'it holds "accessToken": config.json is served to every visitor of the site, so it must hold no token or secret'],
  ]) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole('heading', { name: "This app's configuration cannot be used" })).toBeVisible();
    await expect(page.getByText(problem)).toBeVisible();
    await expect(page.getByText('Demo mode')).toHaveCount(0);
  }
  await checkA11y(page, 'production configuration error');
});

test('with its backend the production build signs in at the identity provider and lists customers', async ({ page }) => {
  await page.goto(`${base}/cfg-server/partner/customers`);
  await expect(page.getByRole('heading', { name: 'Sign in to the partner workspace' })).toBeVisible();
  await expect(page.getByText('Demo mode')).toHaveCount(0);
  // No demo chooser in production: the identity provider's sign-in.
  await expect(page.getByRole('button', { name: /Sign in as/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Ana Souza, Admin agent' }).click();
  await expect(page.getByText('Signed in as Ana Souza')).toBeVisible();
  await expect(page.getByText('Alpine Ski House')).toBeVisible();
});
