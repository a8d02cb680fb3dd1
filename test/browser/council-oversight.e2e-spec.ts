import { Role } from '@sl/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  screenshot,
  signIn,
  until,
} from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19 in a real browser, the oversight's remaining filters and keys: the auditor narrows the
 * log by who acted, their agency (picked by name), the operation and the period; the administrator
 * rotates an API client's key, the new secret shown once and working.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let t: TestSystem;
let browser: Browser;
let base: string;

async function session(login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser (${login}): ${e.message}`));
  await signIn(page, base, login);
  return { context, page };
}

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('the auditor’s filters', () => {
  it('narrow the log by who acted, their agency picked by name, the operation and the period', async () => {
    // The demo coordinator (an account of an agency) opens a card under a named operation.
    const signedIn = await t.gql<{ signIn: { token: string } }>(
      'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      { input: { login: 'coordinator', password: DEMO_PASSWORD } },
      { as: 'anonymous' },
    );
    const bearer = { authorization: `Bearer ${signedIn.data!.signIn.token}` };
    const person = await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
      '{ recipients(first: 1) { edges { node { id } } } }',
    );
    const opened = await t.gql(
      'query OversightOpensCard($id: ID!) { recipient(id: $id) { lastName snils } }',
      { id: person.data!.recipients.edges[0]!.node.id },
      bearer,
    );
    expect(opened.errors).toBeUndefined();
    const logged = await t.gql<{
      auditEvents: { edges: { node: { actorName: string; agencyId: string; occurredAt: string } }[] };
    }>(
      '{ auditEvents(first: 1, filter: { operation: "OversightOpensCard" }) { edges { node { actorName agencyId occurredAt } } } }',
      {},
      { as: Role.AUDITOR },
    );
    const event = logged.data!.auditEvents.edges[0]!.node;
    expect(event.agencyId).toMatch(UUID);
    const agency = await t.gql<{ agency: { name: string } }>(
      'query ($id: ID!) { agency(id: $id) { name } }',
      { id: event.agencyId },
      { as: Role.AUDITOR },
    );
    const agencyName = agency.data!.agency.name;

    const { context, page } = await session('auditor');
    await page.goto(`${base}/#/auditEvents`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
    const rows = page.locator('table tbody tr');
    // Each filter applied waits for the page that answers it: every row then matches it.
    const everyRow = async (check: (text: string) => boolean) =>
      until(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every(check);
      });

    await page.getByRole('textbox', { name: 'Кто' }).fill(event.actorName);
    await everyRow((text) => text.includes(event.actorName));

    await page.getByRole('button', { name: 'Добавить фильтр' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Ведомство' }).click();
    const agencyBox = page.getByRole('combobox', { name: 'Ведомство' });
    await agencyBox.fill(agencyName.split(' ')[0]!);
    await page.getByRole('option', { name: agencyName, exact: true }).click();
    await until(async () => page.url().includes(event.agencyId));
    await everyRow((text) => text.includes(agencyName));
    expect(await page.getByRole('combobox', { name: 'Ведомство' }).inputValue()).toBe(agencyName);

    await page.getByRole('button', { name: 'Добавить фильтр' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Операция' }).click();
    await page.getByRole('textbox', { name: 'Операция' }).fill('OversightOpensCard');
    await everyRow((text) => text.includes('OversightOpensCard'));
    expect(await rows.count()).toBeGreaterThan(0);

    // The period: a day before the event shows nothing of it; its own day shows it.
    const day = event.occurredAt.slice(0, 10);
    await page.getByLabel('С', { exact: true }).fill('2020-01-01');
    await page.getByLabel(/^По/).fill('2020-01-02');
    await page
      .getByText(/Результатов не найдено|результаты не найдены|Пока нет/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByLabel(/^По/).fill(day);
    await everyRow((text) => text.includes('OversightOpensCard'));
    expect(await page.locator('table').textContent()).not.toMatch(UUID);
    await expectAccessible(page, 'u02-audit-log-filtered');
    await context.close();
  });
});

describe('the administrator’s API clients', () => {
  it('rotates a key: the new secret is shown once and works, and is never shown again', async () => {
    const agencies = await t.gql<{ agencies: { edges: { node: { id: string } }[] } }>(
      '{ agencies(first: 1) { edges { node { id } } } }',
      {},
      { as: Role.ADMIN },
    );
    const created = await t.gql<{ createApiClient: { token: string } }>(
      'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
      {
        input: {
          name: 'МИС Минтруда',
          agencyId: agencies.data!.agencies.edges[0]!.node.id,
          roles: ['EMPLOYMENT_OFFICER'],
        },
      },
      { as: Role.ADMIN },
    );
    expect(created.errors).toBeUndefined();
    const me = (secret: string) =>
      t.gql<{ me: { name: string } }>('{ me { name } }', {}, { authorization: `Bearer ${secret}` });

    const { context, page } = await session('admin');
    await page.goto(`${base}/#/apiClients`);
    const row = page.locator('tr', { hasText: 'МИС Минтруда' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Новый ключ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Старый будет действовать ещё сутки').waitFor();
    await screenshot(page, 'a13-api-client-rotate');
    await dialog.getByRole('button', { name: 'Новый ключ' }).click();
    const secretBox = page.getByTestId('issued-secret');
    await secretBox.waitFor({ timeout: 15_000 });
    const secret = await secretBox.inputValue();
    expect(secret).not.toBe(created.data!.createApiClient.token);
    await expectAccessible(page, 'a14-api-client-rotated-secret');
    expect((await me(secret)).data?.me.name).toBe('МИС Минтруда');
    await page.getByRole('button', { name: 'Я сохранил ключ' }).click();
    await secretBox.waitFor({ state: 'detached' });
    await row
      .getByText(/\d{2}\.\d{2}\.\d{4}/)
      .first()
      .waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain(secret);
    await context.close();
  });
});
