import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, signIn } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The importer in a real browser: an administrator adds and edits an agency of the directory, the
 * server's refusal shown on its field; a coordinator re-imports a changed seed 000 and sees what
 * would be added, changed and withdrawn before applying it.
 */
let t: TestSystem;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function session(login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser (${login}): ${e.message}`));
  await signIn(page, base, login);
  return page;
}

interface Agency {
  id: string;
  name: string;
  abbreviations: string[];
  kind: string;
}
const agencies = async () =>
  (
    await t.gql<{ agencies: { edges: { node: Agency }[] } }>(
      '{ agencies(region: "kaliningrad", first: 50) { edges { node { id name abbreviations kind } } } }',
    )
  ).data!.agencies.edges.map((e) => e.node);

describe('the agency directory screen', () => {
  it('lets an administrator add an agency, shows a refusal on its field, and edit it', async () => {
    const page = await session('admin');
    await page.goto(`${base}/#/agencies/create`);
    await page.locator('input[name="name"]').waitFor();
    await page.fill('input[name="region"]', 'kaliningrad');
    // a name the directory already holds: the server refuses, beside the field
    await page.fill('input[name="name"]', 'Министерство социальной политики Калининградской области');
    await page.getByRole('combobox', { name: 'Вид' }).click();
    await page.getByRole('option', { name: 'Министерство' }).click();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page
      .getByText(
        'В справочнике региона уже есть ведомство «Министерство социальной политики Калининградской области»',
      )
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-agency-exists');
        throw error;
      });
    expect(await page.locator('input[name="name"]').getAttribute('aria-invalid')).toBe('true');

    await page.fill('input[name="name"]', 'Министерство спорта Калининградской области');
    await page.fill('textarea[name="abbreviations"]', 'Минспорт КО\n\nМинспорт Калининградской области');
    await expectAccessible(page, 'agency-create');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page
      .getByRole('cell', { name: 'Министерство спорта Калининградской области' })
      .waitFor({ timeout: 15_000 });
    const created = (await agencies()).find((a) => a.name === 'Министерство спорта Калининградской области');
    expect(created).toMatchObject({
      abbreviations: ['Минспорт КО', 'Минспорт Калининградской области'],
      kind: 'MINISTRY',
    });

    // edit from the list: the row opens the form
    await page.getByRole('cell', { name: 'Министерство спорта Калининградской области' }).click();
    await page.locator('textarea[name="abbreviations"]').waitFor();
    expect(await page.locator('textarea[name="abbreviations"]').inputValue()).toBe(
      'Минспорт КО\nМинспорт Калининградской области',
    );
    await page.fill(
      'input[name="name"]',
      'Министерство спорта и молодёжной политики Калининградской области',
    );
    await page.getByRole('combobox', { name: 'Вид' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Агентство, служба' }).click();
    // The menu fades out: its half-transparent options would be measured for contrast.
    await page.locator('li[data-value="GOVERNMENT"]').waitFor({ state: 'detached' });
    await expectAccessible(page, 'agency-edit');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page
      .getByRole('cell', { name: 'Министерство спорта и молодёжной политики Калининградской области' })
      .waitFor({ timeout: 15_000 });
    expect((await agencies()).find((a) => a.id === created!.id)).toMatchObject({
      name: 'Министерство спорта и молодёжной политики Калининградской области',
      kind: 'AGENCY',
    });
    await page.context().close();
  });

  it('offers no form to a coordinator', async () => {
    const page = await session('coordinator');
    await page.goto(`${base}/#/agencies`);
    await page
      .getByRole('cell', { name: 'Министерство социальной политики Калининградской области' })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Создать' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('the roadmap import screen', () => {
  it('previews what a changed document adds, changes and withdraws, then applies it', async () => {
    const seed = readFileSync(
      new URL('../../packages/coordination/src/fixtures/seeds/kaliningrad-000.txt', import.meta.url),
      'utf8',
    );
    const lines = seed.split('\n');
    const last = lines.findIndex((l) => l.startsWith('20\t'));
    // seed 000 v2: item 12 now 14 places, item 20 gone
    const changed = [
      ...lines.slice(0, last).map((l) => l.replace('Организация 12 мест', 'Организация 14 мест')),
      ...lines.slice(last + 1),
    ].join('\n');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'roadmap-')), '312-рп-v2.txt');
    writeFileSync(file, changed);

    const page = await session('coordinator');
    await page.goto(`${base}/?import#/roadmaps/create`);
    await page.locator('#roadmap-file').waitFor();
    await page.locator('#roadmap-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Показать, что будет загружено' }).click();
    const changes = page.locator('[data-testid="import-changes"]');
    await changes
      .getByText('Изменения по сравнению с версией 1')
      .waitFor({ timeout: 30_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-import-changes');
        throw error;
      });
    await changes.getByText('Добавлено: 0, изменено: 1, исключено: 1').waitFor();
    const rows = await changes.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^12.*Изменено.*ожидаемый результат, целевые показатели$/);
    expect(rows[1]).toMatch(/^20.*Исключено/);
    await expectAccessible(page, 'roadmap-import-changes');
    // nothing written yet
    const version = async () =>
      (
        await t.gql<{ roadmaps: { edges: { node: { version: number } }[] } }>(
          '{ roadmaps { edges { node { version } } } }',
        )
      ).data!.roadmaps.edges.map((e) => e.node.version);
    expect(await version()).toEqual([1]);
    await page.getByRole('button', { name: 'Загрузить дорожную карту' }).click();
    await page.locator('[data-testid="roadmap-tree"]').waitFor({ timeout: 30_000 });
    expect(await version()).toEqual([2]);
    await page.context().close();
  });
});
