import { readFile } from 'node:fs/promises';
import { ManualClock, Role, snilsFromBody } from '@sl/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, signIn, until } from '../support/browser.js';
import { demoAuthorization } from '../support/demo-session.js';
import { SAMPLE_PDF as PDF } from '../support/sample-files.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 23, the case's documents and the record of informing, on the case tab: a coordinator
 * uploads the scanned ИППСУ as a PDF for the application's checklist (seed 001 §3 г), sees the
 * checklist item carry the file, downloads it byte for byte; a renamed text file is refused on the
 * file field; after the refusal the next step records how the person was informed (001 §13).
 */
const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let person: string;
let application: string;
/** The demo coordinator's: the person is theirs, as if registered on the dashboard. */
let authorization: string;

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

beforeAll(async () => {
  t = await startTestSystem({ clock, env: { DEMO_DATA: 'true', DEMO_PEOPLE: '2', REGION: 'kaluga' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  authorization = await demoAuthorization(base);
  person = ok(
    await t.gql<{ createRecipient: { id: string } }>(
      'mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }',
      {
        input: {
          lastName: 'Лебедева',
          firstName: 'Нина',
          patronymic: 'Андреевна',
          sex: 'FEMALE',
          birthDate: '1992-07-01',
          municipality: 'г. Калуга',
          legalCapacity: 'FULL',
          limitations: {
            selfCare: 2,
            movement: 1,
            orientation: 2,
            communication: 1,
            learning: 1,
            behaviourControl: 0,
          },
          snils: snilsFromBody(253_000_001),
        },
      },
      { authorization },
    ),
  ).createRecipient.id;
  application = ok(
    await t.gql<{ submitApplication: { id: string } }>(
      'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }',
      {
        input: {
          recipientId: person,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
        },
      },
      { authorization },
    ),
  ).submitApplication.id;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  await context.clock.install({ time: clock.now() });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error(`browser: ${e.message}`));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.stop();
});

async function openAction(name: string): Promise<Locator> {
  await page.getByRole('button', { name, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function choose(dialog: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  await dialog.getByRole('combobox', { name: label }).click();
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

async function caseTab(): Promise<void> {
  const url = `${base}/#/recipients/${person}/show/social`;
  // The same address again is no navigation: reload, so the case is read afresh.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page
    .getByRole('heading', { name: 'Документы дела' })
    .waitFor()
    .catch(async (error) => {
      await screenshot(page, 'documents-failed-case-tab');
      throw error;
    });
}

describe('documents of a case on the case tab', () => {
  it('uploads the ИППСУ as a PDF for the checklist, shows it on the item, and downloads it', async () => {
    await signIn(page, base, 'coordinator');
    await caseTab();
    await page.getByText('Файлов в деле нет').waitFor();
    const dialog = await openAction('Добавить документ');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'ИППСУ Лебедевой.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await choose(dialog, /Вид документа/, 'ИППСУ');
    await choose(dialog, /Пункт перечня/, /Заявление от 02\.03\.2026: ИППСУ/);
    await expectAccessible(page, 'documents-01-upload');
    await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
    await page
      .locator('.MuiSnackbar-root')
      .filter({ hasText: 'Документ «ИППСУ Лебедевой.pdf» добавлен в дело' })
      .first()
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The documents table names it, with kind, item, size and who added it; the checklist item
    // of the application carries the file.
    const documents = page.locator('section', { has: page.getByRole('heading', { name: 'Документы дела' }) });
    const listed = documents.getByRole('row').filter({ hasText: 'ИППСУ Лебедевой.pdf' });
    await listed.first().waitFor();
    await expect(listed.first().textContent()).resolves.toMatch(
      /ИППСУ Лебедевой\.pdfИППСУИППСУ10\.03\.2026.*1 КБcoordinator/,
    );
    const applicationRow = page.getByRole('row').filter({ hasText: 'файл:' });
    await expect(applicationRow.first().textContent()).resolves.toContain(
      'ИППСУ (файл: ИППСУ Лебедевой.pdf)',
    );
    await expectAccessible(page, 'documents-02-listed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      applicationRow.first().getByRole('button', { name: 'Скачать «ИППСУ Лебедевой.pdf»' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ИППСУ Лебедевой.pdf');
    expect(Buffer.compare(await readFile((await download.path())!), PDF)).toBe(0);
  });

  it('refuses a text file named .pdf on the file field, and the list stays as it was', async () => {
    const dialog = await openAction('Добавить документ');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'паспорт.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('не скан паспорта, а текст\n'),
    });
    await choose(dialog, /Вид документа/, 'Документ, удостоверяющий личность');
    await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
    await dialog
      .getByText(/не является документом PDF, JPEG, PNG или DOCX/)
      .first()
      .waitFor();
    await screenshot(page, 'documents-03-fake-refused');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const listed = ok(
      await t.gql<{ recipient: { documents: { fileName: string }[] } }>(
        'query($id: ID!) { recipient(id: $id) { documents { fileName } } }',
        { id: person },
        { as: Role.COORDINATOR },
      ),
    ).recipient.documents;
    expect(listed.map((d) => d.fileName)).toEqual(['ИППСУ Лебедевой.pdf']);
  });

  it('after the decision, records how the person was informed of it (seed 001 §13)', async () => {
    // seed 001 §13 д: the decision to serve the person in another form of social service.
    ok(
      await t.gql(
        'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id } }',
        { input: { applicationId: application, decidedOn: '2026-03-10', decision: 'OTHER_FORM' } },
        { authorization },
      ),
    );
    await caseTab();
    const dialog = await openAction('Записать информирование о решении');
    await choose(dialog, /Способ/, 'Почтой');
    await dialog
      .getByLabel('Примечание (номер почтового отправления, адрес почты)')
      .fill('РПО 24800012345678');
    await expectAccessible(page, 'documents-04-notice');
    await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
    await page
      .locator('.MuiSnackbar-root')
      .filter({ hasText: 'гражданин проинформирован о решении 10.03.2026' })
      .first()
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Почтой 10.03.2026').first().waitFor();
    // The next step is done: it leaves the summary's list.
    await until(
      async () =>
        (await page
          .getByRole('button', { name: 'Записать информирование о решении', exact: true })
          .count()) === 1,
    );
  });
});
