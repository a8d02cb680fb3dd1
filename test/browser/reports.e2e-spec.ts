import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signIn } from '../support/browser.js';
import { pdfText } from '../support/pdf-text.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 20 in a real browser: the Council's secretary downloads each report in each format from
 * the Council page and from a meeting's page, and the files read back as the reports they are.
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

async function councilSession(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser: ${e.message}`));
  await signIn(page, base, 'council');
  return page;
}

/** Clicks a download button and gives the file's name and content. */
async function downloaded(page: Page, label: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([
    // a report is made from the live data on request: on a loaded machine that takes a while
    page.waitForEvent('download', { timeout: 150_000 }),
    page.getByRole('button', { name: label, exact: true }).click({ timeout: 150_000 }),
  ]);
  return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('the secretary downloads the reports to send', () => {
  /** The Council page with its report panel. */
  async function councilPage(): Promise<Page> {
    const page = await councilSession();
    await page.goto(`${base}/#/council`);
    await page.getByTestId('report-downloads').waitFor({ timeout: 20_000 });
    return page;
  }
  const lastYear = new Date().getFullYear() - 1;

  it('gets the annual report as XLSX from the Council page', async () => {
    const page = await councilPage();
    await expectAccessible(page, 'r01-council-reports');
    const xlsx = await downloaded(page, 'Доклад в Минтруд России (XLSX)');
    expect(xlsx.name).toBe('annual-report.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.getWorksheet('Сводка')!.getRow(1).getCell(1).value).toBe(
      `Доклад о реализации мероприятий по организации сопровождаемого проживания инвалидов за ${lastYear} год`,
    );
    expect(String(book.getWorksheet('Сводка')!.getRow(2).getCell(1).value)).toMatch(/область$/);
    expect(book.getWorksheet('Мероприятия')).toBeDefined();
    await page.context().close();
  });

  it('gets the annual report as PDF with its text readable', async () => {
    const page = await councilPage();
    const pdf = await downloaded(page, 'Доклад в Минтруд России (PDF)');
    expect(pdf.name).toBe('annual-report.pdf');
    const text = await pdfText(pdf.body);
    expect(squash(text)).toContain(squash(`Отчётный период: 01.01.${lastYear} — 31.12.${lastYear}`));
    expect(text).toContain('Мероприятий дорожных карт:');
    await page.context().close();
  });

  it('gets the Albrecht monitoring as XLSX', async () => {
    const page = await councilPage();
    const monitoring = await downloaded(page, 'Мониторинг для ФНОЦ им. Г.А. Альбрехта (XLSX)');
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load(monitoring.body as unknown as ArrayBuffer);
    const names: unknown[] = [];
    sheet.getWorksheet('Мониторинг')!.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toContain('Наименование показателя');
    await page.context().close();
  });

  it('gets a meeting’s brief as DOCX and PDF from the meeting’s page, decisions named by protocol', async () => {
    const meetings = await t.gql<{
      councilMeetings: { edges: { node: { id: string; protocolNumber: string } }[] };
    }>('{ councilMeetings(region: "kaliningrad") { edges { node { id protocolNumber } } } }');
    const meeting = meetings.data!.councilMeetings.edges[0]!.node;
    const page = await councilSession();
    await page.goto(`${base}/#/councilMeetings/${meeting.id}/show`);
    await page.getByTestId('report-downloads').waitFor({ timeout: 20_000 });

    const docx = await downloaded(page, 'Справка к заседанию (DOCX)');
    expect(docx.name).toBe('council-brief.docx');
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    expect(value).toContain('Справка к заседанию Совета по делам инвалидов');
    expect(value).toContain(`Протокол № ${meeting.protocolNumber}, поручение 1`);

    const pdf = await downloaded(page, 'Справка к заседанию (PDF)');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Справка к заседанию Совета по делам инвалидов');
    expect(squash(text)).toContain(squash(`Протокол № ${meeting.protocolNumber}, поручение 1`));
    expect(text).toContain('Просроченные мероприятия дорожных карт региона');
    await page.context().close();
  });
});
