import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, signIn, until } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19 in a real browser, the rest of it: the Council's drill-down from a region figure to its
 * municipalities, to one municipality's figures and (for the secretariat only) the people behind a
 * figure; a decision's people and roadmap items chosen in pickers that search on the server.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let t: TestSystem;
let browser: Browser;
let base: string;

async function session(login: string): Promise<{ context: BrowserContext; page: Page; graphql: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser (${login}): ${e.message}`));
  const graphql: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') graphql.push(r.postData() ?? '');
  });
  await signIn(page, base, login);
  return { context, page, graphql };
}

/** The figure a cell shows, as a number (the page writes numbers the Russian way: 1 234). */
async function numberIn(p: Page, selector: string): Promise<number> {
  return Number(((await p.locator(selector).first().textContent()) ?? '').replace(/\s/g, ''));
}

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '30' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('the drill-down from a region figure', () => {
  it('takes the secretary from the region to a municipality and to the people its figure counts', async () => {
    const { context, page } = await session('coordinator');
    await page.goto(`${base}/#/council`);
    await page.locator('[data-testid="tile-trainingFlatPlaces"]').waitFor({ timeout: 20_000 });
    await page
      .getByRole('link', { name: 'По муниципальным образованиям: Мест в тренировочных квартирах' })
      .click();
    await page.locator('[data-testid="municipality-row"]').first().waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'd01-municipalities');
    // Read without scrolling sideways at a laptop's width.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    // The chosen figure orders the rows, and the rows add up to the region's figure.
    const column = '[data-figure="trainingFlatPlaces"]';
    const values = await page.locator(`[data-testid="municipality-row"] ${column}`).allTextContents();
    const numbers = values.map((v) => Number(v.replace(/\s/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(
      await numberIn(page, `[data-testid="region-row"] ${column}`),
    );
    const stages = (
      await page.locator('[data-testid="municipality-row"] [data-figure="peopleInStages"]').allTextContents()
    ).map((v) => Number(v.replace(/\s/g, '')));
    expect(stages.reduce((a, b) => a + b, 0)).toBe(
      await numberIn(page, '[data-testid="region-row"] [data-figure="peopleInStages"]'),
    );

    // Sorted by people in stages, the first row has people behind its figure.
    await page.getByRole('link', { name: 'Люди на этапах' }).click();
    await until(
      async () => (await page.locator('th[aria-sort="descending"]').textContent()) === 'Люди на этапах',
    );
    const first = page.locator('[data-testid="municipality-row"]').first();
    const municipality = (await first.getAttribute('data-municipality'))!;
    await first.getByRole('link', { name: municipality }).click();
    await page.getByRole('heading', { level: 1, name: municipality }).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="figure-peopleInStages"]').waitFor({ timeout: 15_000 });
    const figures = await t.gql<{ indicators: { peopleByStage: { key: string; people: number }[] } }>(
      'query ($m: String) { indicators(municipality: $m) { peopleByStage { key people } } }',
      { m: municipality },
    );
    const stage = figures.data!.indicators.peopleByStage.find((s) => s.people > 0)!;
    const row = page.locator(`[data-testid="count-stage-${stage.key}"]`);
    expect(Number(await row.locator('[data-value]').getAttribute('data-value'))).toBe(stage.people);
    await expectAccessible(page, 'd02-municipality');

    await row.getByRole('button', { name: /Показать людей/ }).click();
    const list = row.locator('[data-testid="people-behind"]');
    await list.waitFor({ timeout: 15_000 });
    expect(await list.locator('tbody tr').count()).toBe(stage.people);
    const text = (await list.textContent()) ?? '';
    expect(text).toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    expect(text).not.toMatch(UUID);
    await expectAccessible(page, 'd03-municipality-people');
    await context.close();
  });

  it('gives a Council member the figures only: no list is offered and none is asked for', async () => {
    const { context, page, graphql } = await session('council');
    await page.getByRole('link', { name: 'По муниципальным образованиям' }).first().click();
    const first = page.locator('[data-testid="municipality-row"]').first();
    await first.waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'd04-council-municipalities');
    const municipality = (await first.getAttribute('data-municipality'))!;
    await first.getByRole('link', { name: municipality }).click();
    await page.locator('[data-testid="figure-peopleInStages"]').waitFor({ timeout: 15_000 });
    await page.getByText('Вам доступны только показатели').waitFor();
    expect(await page.getByRole('button', { name: /Показать людей/ }).count()).toBe(0);
    await expectAccessible(page, 'd05-council-municipality');
    expect(graphql.filter((body) => body.includes('recipients('))).toEqual([]);
    await context.close();
  });
});

describe('a decision’s pickers', () => {
  it('names people by surname with their СНИЛС and finds measures on the server, never showing an id', async () => {
    const person = await t.gql<{
      recipients: { edges: { node: { lastName: string; fullName: string; snils: string } }[] };
    }>('{ recipients(first: 1) { edges { node { lastName fullName snils } } } }');
    const { lastName, fullName } = person.data!.recipients.edges[0]!.node;
    const { context, page, graphql } = await session('coordinator');
    await page.goto(`${base}/#/councilMeetings/create`);
    await page.locator('input[name="heldOn"]').waitFor();
    await page.fill('input[name="heldOn"]', '2026-12-02');
    await page.fill('textarea[name="agenda"]', 'О жилье для выпускников тренировочных квартир');
    await page.click('button[type="submit"]');
    await page.getByRole('link', { name: 'Добавить поручение' }).click();
    await page.locator('textarea[name="text"]').waitFor();
    await page.fill('textarea[name="text"]', 'Подобрать жильё выпускникам тренировочной квартиры');
    const assignee = page.getByRole('combobox', { name: /Исполнитель/ });
    await assignee.fill('образован');
    await page
      .getByRole('option', { name: /образован/i })
      .first()
      .click();
    await page.fill('input[name="dueDate"]', '2027-04-01');

    const items = page.getByRole('combobox', { name: /Мероприятия дорожной карты/ });
    await items.fill('квартир');
    const option = page.getByRole('option', { name: /квартир/i }).first();
    await option.waitFor({ timeout: 15_000 });
    expect(graphql.some((b) => b.includes('DecisionItems') && b.includes('квартир'))).toBe(true);
    const measure = ((await option.textContent()) ?? '').trim();
    await option.click();
    // A long measure wraps in its chip: the form stays within the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    const people = page.getByRole('combobox', { name: /Люди, которых касается поручение/ });
    await people.fill(lastName);
    const found = page.getByRole('option', { name: new RegExp(fullName) }).first();
    await found.waitFor({ timeout: 15_000 });
    expect(await found.textContent()).toMatch(/СНИЛС \d{3}-\d{3}-\d{3} \d{2}/);
    expect(await page.getByRole('listbox').textContent()).not.toMatch(UUID);
    await expectAccessible(page, 'd06-decision-pickers');
    await found.click();
    expect(await page.locator('form').textContent()).not.toMatch(UUID);
    await page.click('button[type="submit"]');
    const decision = page.locator('[data-testid="decision"]', { hasText: 'Подобрать жильё' });
    await decision.waitFor({ timeout: 15_000 });
    expect(await decision.locator('[data-testid="decision-people"]').textContent()).toMatch(
      new RegExp(`${fullName} \\(СНИЛС \\d{3}-\\d{3}-\\d{3} \\d{2}\\)`),
    );
    expect(await decision.textContent()).toContain(measure.slice(0, 40));
    await expectAccessible(page, 'd07-meeting-with-people');
    await context.close();

    // A Council member reads how many people the decision names, not who.
    const member = await session('council');
    await member.page.goto(`${base}/#/councilMeetings`);
    await member.page.locator('table tbody tr', { hasText: '02.12.2026' }).first().click();
    const seen = member.page.locator('[data-testid="decision"]', { hasText: 'Подобрать жильё' });
    await seen.waitFor({ timeout: 15_000 });
    expect(await seen.locator('[data-testid="decision-people"]').textContent()).toBe('названо 1 человек');
    expect(await seen.textContent()).not.toContain(fullName);
    await expectAccessible(member.page, 'd08-council-meeting');
    await member.context.close();
  });
});

describe('a Council member reads the roadmap and its obligations', () => {
  it('opens a roadmap and an obligation from their lists on the first try', async () => {
    const { context, page } = await session('council');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/#/roadmaps`);
    await page.locator('table tbody tr').first().click();
    await page.getByRole('heading', { level: 1, name: /дорожная карта/i }).waitFor({ timeout: 15_000 });
    await page.getByText('Исполнител').first().waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'd09-council-roadmap');
    await page.goto(`${base}/#/obligations`);
    await page.locator('table tbody tr').first().click();
    await page.getByRole('heading', { name: 'Отчёты о выполнении' }).waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'd10-council-obligation');
    for (const text of ['Что-то пошло не так', 'Не найдено'])
      expect(await page.getByText(text).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the administrator unlocks an account', () => {
  it('after failed sign-ins locked it: the row says so, the unlock is confirmed, and the password works again', async () => {
    const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';
    const signInAs = (password: string) =>
      t.gql<{ signIn: { token: string } }>(
        SIGN_IN,
        { input: { login: 'employment', password } },
        { as: 'anonymous' },
      );
    // Wrong passwords until the account is locked: then even the right one is refused.
    await until(
      async () => (await signInAs('wrong-password-2026')).errors?.[0]?.extensions?.code === 'ACCOUNT_LOCKED',
      30_000,
    );
    expect((await signInAs(DEMO_PASSWORD)).errors?.[0]?.extensions?.code).toBe('ACCOUNT_LOCKED');
    const { context, page } = await session('admin');
    await page.goto(`${base}/#/accounts`);
    const row = page.locator('tr', { hasText: 'employment' });
    await row.getByText('Заблокирована').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'd11-accounts-locked');
    await row.getByRole('button', { name: 'Разблокировать' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Разблокировать' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await until(async () => (await row.getByText('Заблокирована').count()) === 0);
    const again = await signInAs(DEMO_PASSWORD);
    expect(again.errors).toBeUndefined();
    expect(again.data!.signIn.token).toEqual(expect.any(String));
    await context.close();
  });
});
