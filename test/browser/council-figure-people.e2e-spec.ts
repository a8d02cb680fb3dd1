import { readFileSync } from 'node:fs';
import { Role } from '@sl/core';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signIn } from '../support/browser.js';
import { seedText, toBase64 } from '../support/roadmap-files.js';
import { commonWord } from '../support/roadmap-search.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19 in a real browser, the last of it: the people behind a municipality's housing,
 * application and employment figures for the secretariat (figures only for a Council member); a
 * decision's measures found in every roadmap of the region; the meeting's brief downloaded.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Area {
  scope: string;
  asOf: string;
  trainingFlatOccupied: number;
  applications: { pending: number; pendingOverdue: number };
  peopleEmployed: number;
}

let t: TestSystem;
let browser: Browser;
let base: string;
let areas: Area[];

async function session(login: string): Promise<{ context: BrowserContext; page: Page; graphql: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser (${login}): ${e.message}`));
  const graphql: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') graphql.push(r.postData() ?? '');
  });
  await signIn(page, base, login);
  return { context, page, graphql };
}

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  const res = await t.gql<{ municipalityIndicators: Area[] }>(
    `{ municipalityIndicators { scope asOf trainingFlatOccupied applications { pending pendingOverdue }
        peopleEmployed } }`,
    {},
    { as: Role.COUNCIL_MEMBER },
  );
  expect(res.errors).toBeUndefined();
  areas = res.data!.municipalityIndicators;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const FIGURES = [
  {
    label: 'Заявлений на рассмотрении',
    count: (a: Area) => a.applications.pending,
    shot: 'f01-people-pending',
  },
  {
    label: 'Из них с нарушением срока',
    count: (a: Area) => a.applications.pendingOverdue,
    shot: 'f02-people-overdue',
  },
  { label: 'Занято мест', count: (a: Area) => a.trainingFlatOccupied, shot: 'f03-people-training-flats' },
  { label: 'Трудоустроены', count: (a: Area) => a.peopleEmployed, shot: 'f04-people-employed' },
] as const;

describe('the people behind a municipality’s figures', () => {
  it('shows the secretary the people each housing, application and employment figure counts, by name', async () => {
    const { context, page } = await session('coordinator');
    for (const figure of FIGURES) {
      const area = areas.find((a) => figure.count(a) > 0);
      expect({ figure: figure.label, found: Boolean(area) }).toEqual({ figure: figure.label, found: true });
      await page.goto(
        `${base}/#/council/municipalities/${encodeURIComponent(area!.scope)}?asOf=${area!.asOf}`,
      );
      const button = page.getByRole('button', { name: `Показать людей — ${figure.label}`, exact: true });
      await button.waitFor({ timeout: 20_000 });
      await button.click();
      const section = page.getByRole('region', { name: `Люди за показателем «${figure.label}»` });
      const list = section.locator('[data-testid="people-behind"]');
      await list.waitFor({ timeout: 15_000 });
      expect({ figure: figure.label, rows: await list.locator('tbody tr').count() }).toEqual({
        figure: figure.label,
        rows: figure.count(area!),
      });
      const text = (await list.textContent()) ?? '';
      expect(text).toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
      expect(text).not.toMatch(UUID);
      if (figure.label === 'Трудоустроены') {
        expect(await list.locator('th', { hasText: 'Работодатель' }).count()).toBe(1);
      }
      const hide = page.getByRole('button', { name: `Скрыть список — ${figure.label}`, exact: true });
      expect(await hide.getAttribute('aria-expanded')).toBe('true');
      await expectAccessible(page, figure.shot);
      // A name opens the person's card.
      if (figure.label === 'Занято мест') {
        const name = ((await list.locator('tbody tr a').first().textContent()) ?? '').trim();
        await list.locator('tbody tr a').first().click();
        await page.getByRole('heading', { level: 1, name: new RegExp(name.split(' ')[0]!) }).waitFor({
          timeout: 15_000,
        });
      }
    }
    await context.close();
  });

  it('gives a Council member the figures only: no list is offered and none is asked for', async () => {
    const { context, page, graphql } = await session('council');
    const area = areas.find((a) => a.applications.pending > 0 && a.peopleEmployed > 0) ?? areas[0]!;
    await page.goto(`${base}/#/council/municipalities/${encodeURIComponent(area.scope)}`);
    await page.locator('[data-testid="figure-applicationsPending"]').waitFor({ timeout: 20_000 });
    await page.getByText('Вам доступны только показатели').waitFor();
    expect(await page.getByRole('button', { name: /Показать людей/ }).count()).toBe(0);
    expect(graphql.filter((b) => b.includes('recipients(') || b.includes('placements('))).toEqual([]);
    await context.close();
  });
});

describe('a decision’s measures', () => {
  it('are found in every roadmap of the region, each shown with its roadmap’s name', async () => {
    const roadmaps = await t.gql<{
      roadmaps: { edges: { node: { id: string; region: string; title: string } }[] };
    }>('{ roadmaps(first: 1) { edges { node { id region title } } } }');
    const { id: demoId, region, title: demoTitle } = roadmaps.data!.roadmaps.edges[0]!.node;
    // A later roadmap of the same region: the demo's is no longer the latest.
    const later = await t.gql<{ importRoadmap: { title: string; roadmap: { id: string } } }>(
      'mutation ($input: RoadmapImportInput!) { importRoadmap(input: $input) { title roadmap { id } } }',
      {
        input: { region, filename: 'novosibirsk.txt', contentBase64: toBase64(seedText('novosibirsk-003')) },
      },
    );
    expect(later.errors).toBeUndefined();
    const laterTitle = later.data!.importRoadmap.title;
    expect(laterTitle).not.toBe(demoTitle);
    const word = await commonWord(t, [demoId, later.data!.importRoadmap.roadmap.id]);

    const { context, page } = await session('coordinator');
    await page.goto(`${base}/#/councilMeetings/create`);
    await page.locator('input[name="heldOn"]').waitFor();
    await page.fill('input[name="heldOn"]', '2026-12-03');
    await page.fill('textarea[name="agenda"]', 'О мероприятиях прошлых дорожных карт');
    await page.click('button[type="submit"]');
    await page.getByRole('link', { name: 'Добавить поручение' }).click();
    await page.locator('textarea[name="text"]').waitFor();
    await page.fill('textarea[name="text"]', 'Завершить мероприятие прежней дорожной карты');
    const assignee = page.getByRole('combobox', { name: /Исполнитель/ });
    await assignee.fill('образован');
    await page
      .getByRole('option', { name: /образован/i })
      .first()
      .click();
    await page.fill('input[name="dueDate"]', '2027-05-01');

    const items = page.getByRole('combobox', { name: /Мероприятия дорожной карты/ });
    await items.fill(word);
    const options = page.getByRole('option');
    await options.first().waitFor({ timeout: 15_000 });
    const shown = await options.allTextContents();
    // Both roadmaps answer, each option naming its roadmap.
    expect(shown.some((o) => o.includes(demoTitle.slice(0, 60)))).toBe(true);
    expect(shown.some((o) => o.includes(laterTitle.slice(0, 60)))).toBe(true);
    expect(shown.join('\n')).not.toMatch(UUID);
    await expectAccessible(page, 'f05-decision-items-all-roadmaps');
    const older = page
      .getByRole('option', { name: new RegExp(escapeRegExp(demoTitle.slice(0, 60))) })
      .first();
    const measure = ((await older.locator('span').first().textContent()) ?? '').trim();
    await older.click();
    await page.click('button[type="submit"]');
    const decision = page.locator('[data-testid="decision"]', { hasText: 'Завершить мероприятие прежней' });
    await decision.waitFor({ timeout: 15_000 });
    expect(await decision.textContent()).toContain(measure.slice(0, 40).replace(/…$/, ''));
    await context.close();
  });
});

describe('the meeting’s brief', () => {
  it('is downloaded by the secretary from the meeting: a Word document of the meeting’s day, read back', async () => {
    const roadmaps = await t.gql<{ roadmaps: { edges: { node: { region: string } }[] } }>(
      '{ roadmaps(first: 1) { edges { node { region } } } }',
    );
    const region = roadmaps.data!.roadmaps.edges[0]!.node.region;
    const meeting = await t.gql<{ createCouncilMeeting: { id: string } }>(
      'mutation ($input: CouncilMeetingInput!) { createCouncilMeeting(input: $input) { id } }',
      { input: { region, heldOn: '2026-11-27', agenda: 'О справке к заседанию', attendees: [] } },
    );
    expect(meeting.errors).toBeUndefined();
    const { context, page } = await session('coordinator');
    await page.goto(`${base}/#/councilMeetings/${meeting.data!.createCouncilMeeting.id}/show`);
    const button = page.getByRole('button', { name: 'Справка к заседанию (DOCX)' });
    await button.waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'f06-meeting-brief-button');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      button.click(),
    ]);
    expect(download.suggestedFilename()).toBe('council-brief.docx');
    const file = readFileSync(await download.path());
    // A DOCX is a ZIP ("PK") whose text Word reads: the brief for that meeting.
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const { value: text } = await mammoth.extractRawText({ buffer: file });
    expect(text).toContain('Справка к заседанию Совета по делам инвалидов');
    expect(text).toContain('Заседание 27.11.2026');
    expect(text).toContain('Поручения Совета на контроле');
    expect(text).not.toMatch(UUID);
    await context.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
