// Faithful to Partner Center, in Portuguese as in English: the article's
// terms, a Brazilian partner refused in Argentina (single-country market),
// the portal's name and layout, the Customers list as tall as its rows.
import { test, expect, checkA11y, freshStart, partnerSignIn } from './fixtures.mjs';

test('Portuguese follows the article: terms, counts, the default, Done', async ({ page }) => {
  await freshStart(page);
  await page.getByLabel('Language').selectOption('pt-BR');
  await page.goto('/partner/customers');
  await page.getByRole('button', { name: 'Entrar como Ana Souza, Agente administrador' }).click();
  await expect(page.getByRole('heading', { name: 'Clientes', level: 1 })).toBeVisible();
  await expect(page.getByText('2 clientes')).toBeVisible();
  await page.getByRole('button', { name: 'Mostrar detalhes de Alpine Ski House' }).click();
  const record = page.getByRole('region', { name: 'Alpine Ski House' });
  await expect(record.getByRole('heading', { name: 'Próximas etapas' })).toBeVisible();
  await expect(record.getByRole('button', { name: 'Remover uma relação com um cliente' })).toBeVisible();
  await record.getByRole('tab', { name: 'Serviços' }).click();
  await expect(record.getByLabel('Atribuir contatos de suporte')).toBeVisible();
  await checkA11y(page, 'record in Portuguese');
  // The longest Portuguese labels are not cut (the column names read aloud
  // beside each value are hidden on purpose at this width: 1 px boxes).
  const clipped = await page.evaluate(() => [...document.querySelectorAll('.crow .col, .crow .col *, .badge, [role=tab], button, label')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1)
    .map((el) => el.textContent.trim()));
  expect(clipped).toEqual([]);

  await page.getByRole('link', { name: 'Solicitar uma relação de revendedor' }).first().click();
  await expect(page.getByRole('heading', { name: 'Solicitar uma relação de revendedor' })).toBeVisible();
  await expect(page.getByLabel('Incluir privilégios de administração delegada para o Azure Active Directory e o Office 365')).toBeChecked();
  await page.getByRole('button', { name: 'Criar o convite e revisar o email' }).click();
  await expect(page.getByRole('heading', { name: 'Revise o rascunho da mensagem de email' })).toBeVisible();
  await expect(page.locator('.link-text')).toContainText('&DAP=true&');
  await expect(page.getByRole('button', { name: 'Concluído' })).toBeVisible();
  // Nothing English in the Portuguese page.
  const text = await page.locator('main').innerText();
  for (const english of ['Request', 'reseller', 'Done', 'Customers', 'Next steps']) expect(text).not.toContain(english);
});

test('a Brazilian partner is refused in Argentina, said in Portuguese, in the portal centred as the admin center', async ({ page }) => {
  await freshStart(page);
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await page.goto('/partner/invitations/new');
  await page.getByRole('button', { name: 'Create the invitation and review the email' }).click();
  await expect(page.getByRole('heading', { name: 'Review the draft email message' })).toBeVisible();
  const link = (await page.locator('.link-text').textContent()).trim();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(link);
  await page.getByLabel('Language').selectOption('pt-BR');
  await expect(page.locator('.portal-name')).toHaveText('Centro de administração do Microsoft 365');
  await page.getByRole('button', { name: 'Entrar como Lucía Fernández, Administrador global' }).click();
  // One word for every check, whatever the gender of its name.
  await expect(page.getByText('Mercado: Requisito não atendido')).toBeVisible();
  await expect(page.getByText("O parceiro só pode vender no próprio mercado CSP, Brasil, mas o país da sua organização é Argentina (América Latina e Caribe). Procure um parceiro localizado no seu mercado.")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aceitar e autorizar' })).toHaveCount(0);
  await checkA11y(page, 'regional refusal in Portuguese');
  // Content centred at a readable width, not a column on the left.
  const box = await page.locator('.portal .page').boundingBox();
  const centre = box.x + box.width / 2;
  expect(Math.abs(centre - 640)).toBeLessThan(24);
  expect(box.width).toBeLessThan(900);
});

test('the Customers list is as tall as its rows, up to the window', async ({ page }) => {
  await freshStart(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await partnerSignIn(page, 'Ana Souza', 'Admin agent');
  await expect(page.getByText('2 customers')).toBeVisible();
  const two = await page.locator('.viewport').boundingBox();
  expect(two.height).toBeLessThan(200);
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByRole('button', { name: 'Sign in as Priya Raman, Admin agent' }).click();
  await expect(page.getByText('50,000 customers')).toBeVisible();
  const many = await page.locator('.viewport').boundingBox();
  expect(many.height).toBeGreaterThan(400);
  expect(many.y + many.height).toBeLessThanOrEqual(800 + 200);
});
