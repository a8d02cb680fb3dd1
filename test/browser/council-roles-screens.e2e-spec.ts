import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, signIn } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19: every screen the Council secretary, a Council member, an administrator and an auditor
 * use, reached from their own menu (so a screen added later is walked too), and the first record
 * each list opens: axe with 0 serious or critical, one h1, no horizontal scrolling.
 */
let t: TestSystem;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The screen has drawn its data: a heading, no progress bar, no skeleton rows. */
async function settled(p: Page, name: string): Promise<void> {
  try {
    await p.locator('h1').first().waitFor({ timeout: 20_000 });
    await p
      .locator('table tbody tr, [data-testid], .MuiCardContent-root, form')
      .or(p.getByText(/Результатов не найдено|Пока нет|результаты не найдены/))
      .first()
      .waitFor({ timeout: 20_000 });
    // Loading spinners only: a determinate bar (a measure's progress) is content.
    await p
      .locator('[role="progressbar"]:not([aria-valuenow])')
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 });
  } catch (error) {
    await screenshot(p, `failed-${name}`);
    throw error;
  }
}

/** The menu's own links, in order: what this user is offered. */
async function menuOf(p: Page): Promise<string[]> {
  const hrefs = await p
    .locator('[role="menuitem"][href^="#/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)];
}

async function walk(login: string, prefix: string, only?: RegExp, more: string[] = []): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  await signIn(page, base, login);
  const menu = [...(await menuOf(page)).filter((href) => !only || only.test(href)), ...more];
  expect(menu.length).toBeGreaterThan(0);
  const walked: string[] = [];
  for (const href of menu) {
    const name = `${prefix}-${href.replace(/^#\//, '').replace(/[^\w-]+/g, '_') || 'home'}`;
    await page.goto(`${base}/${href}`);
    await settled(page, name);
    await expectAccessible(page, name);
    expect({
      name,
      sideways: await page.evaluate('document.documentElement.scrollWidth > window.innerWidth'),
    }).toEqual({
      name,
      sideways: false,
    });
    walked.push(href);
    // The first record of a list, opened as its user would.
    const row = page.locator('table tbody tr').first();
    if ((await row.count()) > 0 && (await row.getAttribute('class'))?.includes('RaDatagrid-clickableRow')) {
      await row.click();
      await page.waitForURL((url) => url.hash !== href, { timeout: 15_000 });
      await settled(page, `${name}-record`);
      await expectAccessible(page, `${name}-record`);
    }
  }
  expect(errors).toEqual([]);
  expect(await page.getByText('Что-то пошло не так').count()).toBe(0);
  await context.close();
  return walked;
}

describe('every screen of the Council’s and the oversight roles', () => {
  it('passes for the Council secretary’s screens', async () => {
    // The Council's page and its drill-down are a link of the work queue's home, not of the menu.
    const walked = await walk('coordinator', 'r1-secretary', /council|roadmaps|obligations|accountability/i, [
      '#/council',
      '#/council/municipalities',
    ]);
    expect(walked).toEqual(expect.arrayContaining(['#/council', '#/councilMeetings', '#/councilDecisions']));
  });

  it('passes for a Council member’s screens', async () => {
    const walked = await walk('council', 'r2-council');
    expect(walked).toEqual(
      expect.arrayContaining(['#/', '#/roadmaps', '#/obligations', '#/councilDecisions']),
    );
  });

  it('passes for an administrator’s screens', async () => {
    const walked = await walk('admin', 'r3-admin');
    expect(walked).toEqual(expect.arrayContaining(['#/accounts', '#/apiClients', '#/agencies']));
  });

  it('passes for an auditor’s screens', async () => {
    const walked = await walk('auditor', 'r4-auditor');
    expect(walked).toEqual(expect.arrayContaining(['#/auditEvents']));
  });
});
