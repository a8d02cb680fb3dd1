import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signIn, until } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 20 in a real browser: a ministry officer of the demo region (Kaliningrad's ministry of
 * education, co-executor of seed 000 items 9, 15, 20) sees its agency's measures and the Council's
 * decision assigned to it, with their lateness, and reports on both from the home page.
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

async function officerHome(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser: ${e.message}`));
  await signIn(page, base, 'education');
  await page.goto(`${base}/#/`);
  await page
    .getByText('Ведомство: Министерство образования Калининградской области')
    .waitFor({ timeout: 20_000 });
  return page;
}

describe('a ministry officer accounts for their agency’s work', () => {
  it('reports on the Council decision assigned to their ministry, with evidence, seeing refusals on the fields', async () => {
    const page = await officerHome();
    const work = page.getByTestId('agency-work');
    const decisions = work.getByRole('table', { name: 'Поручения Совета' });
    // seed 000 items 9, 20: the demo Council's decision 3 is the ministry of education's.
    const row = decisions.getByRole('row').filter({ hasText: 'Представить предложения по обучению' });
    await row.waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'a01-officer-home');

    await row.getByRole('button', { name: /^Отчитаться/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel(/Что сделано/)
      .fill('Предложения по обучению подготовлены и направлены секретарю Совета');
    await dialog.locator('input[name="reportedOn"]').fill('2099-01-01');
    await dialog.getByRole('button', { name: 'Отправить отчёт' }).click();
    // The server refuses a date in the future; the message stands under the date field.
    await dialog.getByText('Дата отчёта не может быть в будущем').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'a02-decision-report-refused');

    await dialog.locator('input[name="reportedOn"]').fill(new Date().toLocaleDateString('sv-SE'));
    await dialog.getByLabel(/Подтверждающие документы/).setInputFiles({
      name: 'предложения.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Предложения по обучению инвалидов на сопровождаемом проживании'),
    });
    await dialog.getByRole('button', { name: 'Отправить отчёт' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await row.getByText('Предложения по обучению подготовлены').waitFor({ timeout: 15_000 });
    await row.getByText('предложения.txt').waitFor();
    // The report is the officer's, for their ministry.
    await row.getByText(/education, Министерство образования Калининградской области/).waitFor();
    await page.context().close();
  });

  it('reports on a measure their ministry co-executes, done late, and sees it marked late', async () => {
    const page = await officerHome();
    const measures = page
      .getByTestId('agency-work')
      .getByRole('table', { name: 'Мероприятия дорожной карты' });
    // The demo's 2025 period of the education items is past due and not done: late.
    const late = measures
      .getByRole('row')
      .filter({ hasText: /Просрочено на \d+ дн\./ })
      .first();
    await late.waitFor({ timeout: 15_000 });
    const measure = (await late.getByRole('link').first().textContent()) ?? '';
    // the item's number is given with its roadmap: numbers repeat across roadmaps
    expect(measure).toMatch(/ПЛАН мероприятий .*, п\. (9|15|20)$/);
    await late.getByRole('link', { name: /^Отчитаться/ }).click();

    await page.locator('textarea[name="text"]').waitFor({ timeout: 15_000 });
    await page.fill(
      'textarea[name="text"]',
      'Проведено обучение 14 инвалидов по программам профессионального обучения',
    );
    await page.getByLabel('Мероприятие выполнено').check();
    await expectAccessible(page, 'a03-obligation-report');
    await page.click('button[type="submit"]');
    // The measure's card lists the report with its author and agency, and the lateness of its completion.
    await page
      .getByText(/education, Министерство образования Калининградской области/)
      .waitFor({ timeout: 15_000 });
    await page
      .getByText(/с опозданием на \d+ дн\./)
      .first()
      .waitFor();

    await page.goto(`${base}/#/`);
    const table = page.getByTestId('agency-work').getByRole('table', { name: 'Мероприятия дорожной карты' });
    await until(async () => (await table.getByText(/с опозданием на \d+ дн\./).count()) > 0);
    await expectAccessible(page, 'a04-officer-home-after');
    await page.context().close();
  });

  it('shows the Council its own region’s roadmap figures, the region and roadmap chosen on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, base, 'council');
    await page.goto(`${base}/#/`);
    const region = page.getByRole('combobox', { name: 'Регион' });
    // The Council member's agency is Kaliningrad's Council: its region is chosen by itself.
    await until(async () => ((await region.textContent()) ?? '').includes('Калининградская область'));
    const roadmap = page.getByRole('combobox', { name: 'Дорожная карта' });
    await roadmap.click();
    await page.getByRole('option').nth(1).click();
    await until(async () => !((await roadmap.textContent()) ?? '').includes('Все дорожные карты'));
    await page
      .getByRole('heading', { name: /Просроченные мероприятия|Просрочено/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'a05-council-scope');
    await context.close();
  });

  it('lets a ministry not named by an item find nothing to report on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, base, 'health');
    await page.goto(`${base}/#/`);
    // Kaliningrad's ministry of health executes no item of seed 000 and has no Council decision.
    const work = page.getByTestId('agency-work');
    await work
      .getByText('Ведомство: Министерство здравоохранения Калининградской области')
      .waitFor({ timeout: 20_000 });
    // Both lists have answered (empty) before the buttons are counted.
    await until(async () => (await work.getByText('Нет', { exact: true }).count()) === 2);
    expect(await work.getByRole('button', { name: /^Отчитаться/ }).count()).toBe(0);
    expect(await work.getByRole('link', { name: /^Отчитаться/ }).count()).toBe(0);
    await context.close();
  });
});
