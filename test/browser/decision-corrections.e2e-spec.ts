import { ManualClock, snilsFromBody } from '@sl/core';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signIn, until } from '../support/browser.js';
import { demoAuthorization } from '../support/demo-session.js';
import { answersFor } from '../support/questionnaire.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 23, corrections: from the case workspace the case coordinator annuls a wrong termination
 * (the stage goes on) and then a wrong grant (the stage ends, a new application is offered), each
 * with a reason the server requires; both stay listed, marked, and the history shows the records
 * and their annulments.
 */
const clock = new ManualClock(new Date());
let t: TestSystem;
let browser: Browser;
let page: Page;
let base: string;
let recipientId: string;

/** The region's calendar day (Moscow, as the server counts). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(clock.now());

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '3', REGION: 'kaluga' }, clock });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  // The demo coordinator registers the person, so runs the case: granted today, in the preparatory
  // stage, terminated today — seed 001 §14, §17.
  const as = { authorization: await demoAuthorization(base) };
  const ok = async <T>(query: string, input: Record<string, unknown>) => {
    const res = await t.gql<T>(query, { input }, as);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const day = today();
  recipientId = (
    await ok<{ createRecipient: { id: string } }>(
      'mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }',
      {
        snils: snilsFromBody(236_000_001),
        lastName: 'Лаврова',
        firstName: 'Ольга',
        patronymic: 'Сергеевна',
        birthDate: '1988-02-03',
        sex: 'FEMALE',
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
      },
    )
  ).createRecipient.id;
  const applicationId = (
    await ok<{ submitApplication: { id: string } }>(
      'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }',
      {
        recipientId,
        submittedOn: day,
        appliedBy: 'PERSON',
        documents: [
          { kind: 'IDENTITY_DOCUMENT', receivedOn: day },
          { kind: 'IPPSU', receivedOn: day },
        ],
        consentToAssessmentOn: day,
        consentToDataProcessingOn: day,
      },
    )
  ).submitApplication.id;
  await ok('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
    recipientId,
    assessedOn: day,
    assessor: 'Петрова А. В., специалист',
    answers: answersFor(150),
  });
  await ok('mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id } }', {
    applicationId,
    decidedOn: day,
    decision: 'GRANTED',
  });
  await ok('mutation($input: StartStageInput!) { startStage(input: $input) { id } }', {
    recipientId,
    kind: 'PREPARATORY',
    startedOn: day,
  });
  await ok(
    'mutation($input: TerminateParticipationInput!) { terminateParticipation(input: $input) { id } }',
    {
      recipientId,
      reason: 'PERSONAL_INITIATIVE',
      groundOn: day,
      requestedOn: day,
    },
  );
  page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  await signIn(page, base, 'coordinator');
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** Opens the row's annulment dialog, tries it without a reason, then annuls with `reason`. */
async function annul(row: ReturnType<Page['getByRole']>, reason: string, done: RegExp) {
  await row.getByRole('button', { name: 'Аннулировать / исправить' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('останется в деле с отметкой').waitFor();
  await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
  const field = dialog.getByLabel(/Причина аннулирования/);
  await until(async () => (await field.getAttribute('aria-invalid')) === 'true');
  // Too short for the server (5–1000 characters): its message lands on the field, in Russian.
  await field.fill('нет');
  await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
  await dialog.getByText('Причина аннулирования: от 5 до 1000 символов').waitFor();
  await field.fill(reason);
  await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
  await page.locator('.MuiSnackbar-root').filter({ hasText: done }).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

it('annuls a wrong termination, then a wrong grant, each with a reason, and the history shows both', async () => {
  await page.goto(`${base}/#/recipients/${recipientId}/show/social`);
  const terminations = page.locator('section').filter({
    has: page.getByRole('heading', { name: 'Прекращение сопровождаемого проживания', exact: true }),
  });
  const terminationRow = terminations.getByRole('row').filter({ hasText: 'По желанию' });
  await terminationRow.waitFor();
  await expectAccessible(page, 'decision-corrections-01-terminated');
  await annul(
    terminationRow,
    'Заявление о прекращении подано другим человеком',
    /Прекращение от .* аннулировано, участие восстановлено/,
  );
  await terminationRow
    .getByText(/аннулировано .*\(coordinator\): Заявление о прекращении подано другим/)
    .waitFor();
  expect(await terminationRow.getByRole('button', { name: 'Аннулировать / исправить' }).count()).toBe(0);
  // The stage goes on: the summary shows it current again.
  const summary = page.getByRole('region', { name: /Лаврова Ольга/ });
  await summary.getByText(/Подготовительный с /).waitFor();

  const applications = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Заявления', exact: true }) });
  const grantRow = applications.getByRole('row').filter({ hasText: 'Предоставить' });
  await annul(grantRow, 'ИППСУ представлена с истёкшим сроком', /Решение от .* аннулировано/);
  await grantRow.getByText(/аннулировано .*\(coordinator\): ИППСУ представлена с истёкшим сроком/).waitFor();
  // Nothing rests on the annulled grant: the summary offers a new application.
  await page.getByRole('button', { name: 'Принять заявление', exact: true }).first().waitFor();
  await expectAccessible(page, 'decision-corrections-02-annulled');

  await page.goto(`${base}/#/recipients/${recipientId}/show/timeline`);
  const history = page.locator('[data-testid="timeline-tab"]');
  for (const event of [
    'Прекращение аннулировано',
    'Прекращено сопровождаемое проживание',
    'Решение аннулировано',
  ])
    await history.getByText(event).first().waitFor();
  await expectAccessible(page, 'decision-corrections-03-timeline');
});
