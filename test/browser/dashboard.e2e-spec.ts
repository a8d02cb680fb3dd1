import { snilsFromBody } from '@sl/core';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const DEMO_PASSWORD = 'demo-password-2026';

let t: TestSystem;
let browser: Browser;
let page: Page;
let base: string;

async function signIn(p: Page, login: string): Promise<void> {
  await p.goto(`${base}/#/login`);
  await p.fill('input[name="username"]', login);
  await p.fill('input[name="password"]', DEMO_PASSWORD);
  await p.click('button[type="submit"]');
  await p.waitForSelector('[role="menu"], .RaSidebar-fixed, nav', { timeout: 20_000 });
}

async function expectAccessible(p: Page, screen: string): Promise<void> {
  await screenshot(p, screen);
  const violations = await seriousViolations(p);
  expect({ screen, violations }).toEqual({ screen, violations: [] });
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting in the browser');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  // Demo accounts and a few synthetic people, exactly as `pnpm start` seeds them.
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '6' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  page.on('console', (m) => {
    // The 401 of the expired-session test is expected; anything else is worth seeing.
    if (m.type() === 'error' && !m.text().includes('401')) console.error(`browser: ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`browser: ${e.message}`));
}, 120_000);

afterAll(async () => {
  page?.removeAllListeners();
  await browser?.close();
  await t?.stop();
});

describe('the dashboard in a browser', () => {
  it('is served by the gateway at / with a strict Content-Security-Policy, and /graphql stays the API', async () => {
    const res = await t.http().get('/').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(res.text)?.[1];
    const cached = await t.http().get(asset!);
    expect(cached.headers['cache-control']).toContain('immutable');
    const api = await t.gql('{ __typename }', {}, { as: 'anonymous' });
    expect(api.data).toEqual({ __typename: 'Query' });
  });

  it('signs a coordinator in, in Russian, with the Council page as home', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('input[name="username"]');
    await expectAccessible(page, '00-login');
    await signIn(page, 'coordinator');
    await page.waitForSelector('[data-testid="council-home"] h2');
    await page.getByText('Исполнение дорожной карты по ведомствам').waitFor();
    await expectAccessible(page, '01-council-home');
  });

  it('finds a person by СНИЛС and opens the card with a tab per ministry', async () => {
    const found = await t.gql<{ recipients: { edges: { node: { snils: string; lastName: string } }[] } }>(
      '{ recipients(first: 1) { edges { node { snils lastName } } } }',
    );
    const person = found.data!.recipients.edges[0]!.node;
    await page.goto(`${base}/#/recipients`);
    await page.waitForSelector('input[name="snils"]');
    await expectAccessible(page, '02-recipients');
    await page.fill('input[name="snils"]', person.snils);
    // The page's CSP forbids string evaluation (as it should): poll through locators instead.
    await until(async () => (await page.locator('tbody tr').count()) === 1);
    await page.locator('tbody tr').getByText(person.lastName).waitFor();
    await page.click('tbody tr');
    for (const tab of ['Личные данные', 'Социальный случай', 'Здоровье', 'Образование', 'Занятость']) {
      await page.getByRole('tab', { name: tab }).waitFor();
    }
    await page.getByText(person.snils).first().waitFor();
    await expectAccessible(page, '03-recipient-card');
    await page.getByRole('tab', { name: 'Социальный случай' }).click();
    await page.getByText('Заявления').first().waitFor();
    await expectAccessible(page, '04-recipient-social-case');
  });

  it('shows the server refusing a wrong СНИЛС on the field, then registers a valid person', async () => {
    await page.goto(`${base}/#/recipients/create`);
    await page.waitForSelector('input[name="snils"]');
    await page.fill('input[name="snils"]', '12345678900');
    await page.fill('input[name="lastName"]', 'Браузерова');
    await page.fill('input[name="firstName"]', 'Анна');
    await page.fill('input[name="birthDate"]', '1991-04-12');
    await page.fill('input[name="municipality"]', 'Калуга');
    await page.getByRole('combobox', { name: /^Пол/ }).click();
    await page.getByRole('option', { name: 'Женский' }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await expectAccessible(page, '05-recipient-create');
    await page.click('button[type="submit"]');
    // The message is the SNILS input's own description (aria-describedby), and the input is invalid.
    const snilsInput = page.locator('input[name="snils"]');
    await until(async () => (await snilsInput.getAttribute('aria-invalid')) === 'true').catch(
      async (error) => {
        await screenshot(page, 'failed-06-recipient-create-error');
        throw error;
      },
    );
    const describedBy = (await snilsInput.getAttribute('aria-describedby')) ?? '';
    const helper = page.locator(
      describedBy
        .split(' ')
        .map((id) => `[id="${id}"]`)
        .join(', '),
    );
    await helper
      .getByText('Контрольное число СНИЛС не совпадает')
      .waitFor({ timeout: 15_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-06-recipient-create-error');
        throw error;
      });
    await screenshot(page, '06-recipient-create-error');

    const valid = snilsFromBody(987_654_321);
    await page.fill('input[name="snils"]', valid);
    await page.click('button[type="submit"]');
    await page.getByRole('tab', { name: 'Личные данные' }).waitFor({ timeout: 15_000 });
    const stored = await t.gql<{ recipients: { totalCount: number } }>(
      'query ($s: String) { recipients(filter: { snils: $s }) { totalCount } }',
      { s: valid },
    );
    expect(stored.data!.recipients.totalCount).toBe(1);
  });

  it('lists deadlines, providers, housing with occupancy and the roadmap with late measures highlighted', async () => {
    for (const [path, name] of [
      ['deadlines', '07-deadlines'],
      ['providers', '08-providers'],
      ['housingUnits', '09-housing'],
      ['obligations', '10-obligations'],
      ['councilMeetings', '11-council-meetings'],
    ] as const) {
      await page.goto(`${base}/#/${path}`);
      await page
        .locator('table tbody tr')
        .or(page.getByText(/Результатов не найдено|Пока нет/))
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(async (error) => {
          await screenshot(page, `failed-${name}`);
          throw error;
        });
      await expectAccessible(page, name);
    }
    await page.goto(`${base}/#/obligations?filter=${encodeURIComponent('{"status":"LATE"}')}`);
    await page.getByText('Просрочено').first().waitFor();
  });

  it('gives a Council member the Council page only, an auditor the audit log, an administrator users', async () => {
    for (const [login, screen, expected, absent] of [
      ['council', '12-council-member', 'Исполнение дорожной карты по ведомствам', 'Получатели'],
      ['auditor', '13-audit-log', 'Журнал аудита', 'Получатели'],
      ['admin', '14-users', 'Пользователи', 'Получатели'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      await signIn(p, login);
      if (login === 'auditor') await p.goto(`${base}/#/auditEvents`);
      if (login === 'admin') await p.goto(`${base}/#/accounts`);
      await p.getByText(expected).first().waitFor({ timeout: 15_000 });
      expect(await p.getByRole('menuitem', { name: absent }).count()).toBe(0);
      await expectAccessible(p, screen);
      await context.close();
    }
  });

  it('sends a user whose session ended back to the sign-in page', async () => {
    await page.goto(`${base}/#/recipients`);
    await page.waitForSelector('input[name="snils"]');
    await page.evaluate(`(() => {
      const s = JSON.parse(sessionStorage.getItem('sl.session'));
      sessionStorage.setItem('sl.session', JSON.stringify({ ...s, token: 'forged' }));
    })()`);
    await page.reload();
    await page.waitForSelector('input[name="username"]', { timeout: 15_000 });
    expect(await page.evaluate('sessionStorage.getItem("sl.session")')).toBeNull();
  });
});
