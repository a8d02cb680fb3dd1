import { interagencyAgencyOf, ManualClock, Role, snilsFromBody } from '@sl/core';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  screenshot,
  signIn,
  until,
} from '../support/browser.js';
import { demoAuthorization } from '../support/demo-session.js';
import { recordGrant } from '../support/grant.js';
import { startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

// Issue 17 in a real browser, beyond the coordinator's walk-through: provider staff's visits, the
// break of the glass, the case summary's alerts, and every ministry's forms on its own tab, each by
// that ministry's role — names not ids, Russian labels, the server's refusal on its field,
// keyboard, axe and a screenshot of every form.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const NAME = 'Ведомствова Ольга Петровна';
const ALERTED = 'Тревогина Нина Львовна';
const clock = new ManualClock(new Date());

let t: TestSystem;
let browser: Browser;
let base: string;
let coordinator: { authorization: string };
let person: string;
let alerted: string;
let twin: string;
let requestId: string;
let providerId: string;
const visits: { today?: string; later?: string } = {};

/** A day on the region's calendar, `offset` days from today. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
/** The region's dd.mm.yyyy of `day(offset)`, as the dashboard prints it. */
const ruDay = (offset: number) => day(offset).split('-').reverse().join('.');

const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const mutate = <T = Record<string, unknown>>(name: string, type: string, input: unknown, options = {}) =>
  t.gql<T>(`mutation($input: ${type}!) { ${name}(input: $input) { id } }`, { input }, options);

async function newPage(login: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error(`browser (${login}): ${e.message}`));
  await signIn(p, base, login, password);
  return p;
}

/** A form as a coordinator reads it: Russian labels (no message keys, no `||||`), no id shown. */
async function expectReadableForm(p: Page): Promise<void> {
  const form = p.locator('main form').first();
  await form.waitFor();
  expect(await p.locator('body').innerText()).not.toContain('||||');
  const labels = await form.locator('label').allInnerTexts();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels.filter((l) => l.trim())) {
    expect(label).toMatch(/[А-Яа-яЁё]/);
    expect(label).not.toMatch(/resources\.|\|\|\|/);
  }
  const values = await form
    .locator('input:not([type="hidden"]), textarea')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  expect(values.join(' ')).not.toMatch(UUID);
  expect(await form.innerText()).not.toMatch(UUID);
}

/** The server's refusal lands on its field: the input marked invalid, its message beside it. */
async function expectServerError(p: Page, name: string, message: string | RegExp, shot: string) {
  const input = p.locator(`[name="${name}"]`).first();
  await until(async () => (await input.getAttribute('aria-invalid')) === 'true').catch(async (error) => {
    await screenshot(p, `failed-${shot}`);
    throw error;
  });
  // The message sits in the field's own form control (under a text field, or a select's helper).
  await p
    .locator('.MuiFormControl-root')
    .filter({ has: input })
    .last()
    .getByText(message)
    .first()
    .waitFor({ timeout: 15_000 });
  await expectAccessible(p, shot);
}

async function choose(p: Page, label: RegExp, option: string): Promise<void> {
  await p.getByRole('combobox', { name: label }).click();
  await p.getByRole('option', { name: option, exact: true }).click();
  await p.getByRole('listbox').waitFor({ state: 'hidden' });
  // The menu fades out: axe would read its options' contrast mid-fade. (The app bar's language
  // menu stays mounted, hidden.)
  await until(async () => (await p.locator('.MuiPopover-root:not(.MuiModal-hidden)').count()) === 0);
}

/** The confirmation says what was recorded, not a generic "element created". */
async function expectConfirmation(p: Page, text: string): Promise<void> {
  await p.locator('.MuiSnackbar-root').filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
}

/** Opens a tab's record link from the keyboard: a stop of the Tab order, Enter follows it. */
async function openByKeyboard(p: Page, scope: ReturnType<Page['locator']>, name: string): Promise<void> {
  const link = scope.getByRole('link', { name });
  await link.focus();
  await p.keyboard.press('Enter');
  await p.locator('main form').first().waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '6' }, clock });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  coordinator = { authorization: await demoAuthorization(base) };
  const create = async (body: number, last: string, first: string, patronymic: string, birthDate: string) =>
    ok(
      await mutate<{ createRecipient: { id: string } }>(
        'createRecipient',
        'CreateRecipientInput',
        {
          snils: snilsFromBody(body),
          lastName: last,
          firstName: first,
          patronymic,
          birthDate,
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
        coordinator,
      ),
    ).createRecipient.id;
  person = await create(191_191_191, 'Ведомствова', 'Ольга', 'Петровна', '1992-04-05');
  alerted = await create(191_191_192, 'Тревогина', 'Нина', 'Львовна', '1985-06-07');
  // The same name and birth date under another СНИЛС: a possible duplicate.
  twin = await create(191_191_193, 'Тревогина', 'Нина', 'Львовна', '1985-06-07');
  for (const recipientId of [person, alerted]) {
    for (const consent of [
      { kind: 'PERSONAL_DATA' },
      { kind: 'SHARING', sharedWith: 'HEALTH' },
      { kind: 'SHARING', sharedWith: 'EDUCATION' },
      { kind: 'SHARING', sharedWith: 'EMPLOYMENT' },
    ]) {
      ok(
        await mutate(
          'giveConsent',
          'GiveConsentInput',
          { recipientId, givenOn: day(-1400), ...consent },
          coordinator,
        ),
      );
    }
  }
  requestId = ok(
    await mutate<{ sendInteragencyRequest: { id: string } }>(
      'sendInteragencyRequest',
      'SendInteragencyRequestInput',
      {
        recipientId: person,
        agencyId: interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id,
        subject: 'MEDICAL_CONCLUSION',
        sentOn: day(0),
      },
      coordinator,
    ),
  ).sendInteragencyRequest.id;

  // The alerted case: granted 3½ years ago (its re-assessment overdue: seed 001 §15), in training
  // for over two years with all 4 readiness reviews "not ready" (seed 002 §15.2), an expired
  // conclusion that found contraindications.
  await recordGrant(t, alerted, { region: 'kaluga', decidedOn: day(-1300) });
  providerId = ok(
    await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 1) { edges { node { id } } } }',
    ),
  ).providers.edges[0]!.node.id;
  ok(
    await mutate(
      'startStage',
      'StartStageInput',
      { recipientId: alerted, kind: 'PREPARATORY', startedOn: day(-1250), providerId },
      coordinator,
    ),
  );
  ok(
    await mutate(
      'startStage',
      'StartStageInput',
      { recipientId: alerted, kind: 'TRAINING', startedOn: day(-1000), providerId },
      coordinator,
    ),
  );
  for (const months of [1, 2, 3, 4]) {
    ok(
      await mutate(
        'recordReadinessReview',
        'RecordReadinessReviewInput',
        { recipientId: alerted, outcome: 'NOT_READY', reviewedOn: day(-1000 + months * 185) },
        coordinator,
      ),
    );
  }
  ok(
    await mutate(
      'recordMedicalConclusion',
      'RecordMedicalConclusionInput',
      {
        recipientId: alerted,
        issuedOn: day(-800),
        contraindicationsPresent: true,
        conditions: ['F20.0'],
        organisation: 'ГБУЗ КО «Психиатрическая больница»',
        validUntil: day(-435),
      },
      { as: Role.HEALTH_OFFICER },
    ),
  );

  // The provider's plan of services, and its social worker's visits: today (minutes ago) and in three days.
  ok(
    await mutate(
      'createServicePlan',
      'CreateServicePlanInput',
      { recipientId: alerted, providerId, hoursPerWeek: 14, fromDate: day(-30) },
      coordinator,
    ),
  );
  const staffMemberId = ok(
    await mutate<{ createStaffMember: { id: string } }>('createStaffMember', 'CreateStaffMemberInput', {
      providerId,
      role: 'SOCIAL_WORKER',
      fullName: 'Гусева Лидия Петровна',
    }),
  ).createStaffMember.id;
  for (const [key, at] of [
    ['today', new Date(Date.now() - 5 * 60_000)],
    ['later', new Date(Date.now() + 3 * 86_400_000)],
  ] as const) {
    visits[key] = ok(
      await mutate<{ scheduleVisit: { id: string } }>(
        'scheduleVisit',
        'ScheduleVisitInput',
        { recipientId: alerted, staffMemberId, plannedAt: at.toISOString() },
        coordinator,
      ),
    ).scheduleVisit.id;
  }
  await t.tokenFor({ role: Role.PROVIDER_STAFF, providerId });
  await t.tokenFor(Role.COORDINATOR);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('provider staff, break-the-glass, alerts and the ministries’ forms in a browser', () => {
  it('shows the case summary’s alerts: contraindications, expired conclusion, re-assessment, reviews, duplicates', async () => {
    const p = await newPage('coordinator');
    await p.goto(`${base}/#/recipients/${alerted}/show`);
    const alerts = p.locator('.MuiAlert-root');
    await alerts.filter({ hasText: 'есть противопоказания' }).first().waitFor({ timeout: 20_000 });
    const text = (await alerts.allInnerTexts()).join('\n');
    expect(text).toContain(`Медицинское заключение от ${ruDay(-800)}: есть противопоказания.`);
    expect(text).toContain(`Медицинское заключение истекло ${ruDay(-435)}.`);
    expect(text).toMatch(/Повторная оценка нуждаемости просрочена: срок был \d\d\.\d\d\.\d{4}\./);
    expect(text).toContain('Все 4 оценки готовности проведены без результата «готов»');
    expect(text).toContain('Возможные дубликаты (те же ФИО и дата рождения):');
    // The duplicate is named and opened by its link, never by an id.
    const duplicate = alerts.getByRole('link', { name: /Тревогина Нина Львовна, 191-191-193 \d\d/ });
    expect(await duplicate.count()).toBe(1);
    expect(text).not.toMatch(UUID);
    await expectAccessible(p, 'mp-01-case-alerts');
    await duplicate.focus();
    await p.keyboard.press('Enter');
    await until(async () => p.url().includes(`/recipients/${twin}/show`));
    await p.context().close();
  });

  it('lets another coordinator break the glass with a reason, then read the health alerts; the auditor sees it', async () => {
    const p = await newPage('t-coordinator', TEST_PASSWORD);
    await p.goto(`${base}/#/recipients/${alerted}/show`);
    const open = p.getByRole('button', { name: 'Экстренный доступ к сведениям о здоровье' });
    await open.waitFor({ timeout: 20_000 }).catch(async (error) => {
      await screenshot(p, 'failed-mp-02-break-glass');
      throw error;
    });
    // Health details are the case coordinator's: none shown before the glass is broken.
    expect(await p.getByText('есть противопоказания').count()).toBe(0);
    await open.focus();
    await p.keyboard.press('Enter');
    const dialog = p.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('причина и каждое чтение попадут в журнал аудита');
    await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
    // No reason, no access: the field says so.
    await until(async () => (await dialog.locator('[aria-invalid="true"]').count()) > 0);
    await expectAccessible(p, 'mp-02-break-glass-reason');
    await dialog.getByLabel(/Причина/).fill('Госпитализация, звонок из приёмного покоя');
    await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
    await p
      .locator('.MuiSnackbar-root')
      .filter({ hasText: /Экстренный доступ открыт до \d\d\.\d\d\.\d{4}/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await p
      .getByText(`Медицинское заключение от ${ruDay(-800)}: есть противопоказания.`)
      .waitFor({ timeout: 20_000 });
    await expectAccessible(p, 'mp-03-after-break-glass');
    await p.context().close();

    const a = await newPage('auditor');
    await a.goto(`${base}/#/auditEvents`);
    const row = a
      .locator('tbody tr')
      .filter({ hasText: 'Экстренный доступ: Госпитализация, звонок из приёмного покоя' });
    await row.first().waitFor({ timeout: 20_000 });
    expect(await row.first().innerText()).toContain('t-coordinator');
    expect(await row.first().innerText()).toContain(ALERTED);
    await expectAccessible(a, 'mp-04-audit-break-glass');
    await a.context().close();
  });

  it('gives provider staff their visits; one is recorded, and a recorded visit is not overwritten', async () => {
    const p = await newPage(`t-provider-staff-${providerId.slice(0, 8)}`, TEST_PASSWORD);
    const home = p.locator('[data-testid="provider-home"]');
    const today = home.getByRole('table', { name: 'Сегодня' });
    const week = home.getByRole('table', { name: 'В ближайшие 7 дней' });
    const row = today.locator(`tr[data-visit="${visits.today}"]`);
    await row.waitFor({ timeout: 20_000 }).catch(async (error) => {
      await screenshot(p, 'failed-mp-05-provider-home');
      throw error;
    });
    expect(await row.innerText()).toContain(ALERTED);
    expect(await row.innerText()).toContain('Гусева Лидия Петровна');
    expect(await row.innerText()).toContain('ожидает отметки');
    expect(await week.locator(`tr[data-visit="${visits.later}"]`).count()).toBe(1);
    expect(await home.innerText()).not.toMatch(UUID);
    await expectAccessible(p, 'mp-05-provider-home');

    await row.getByRole('link', { name: 'Отметить результат' }).focus();
    await p.keyboard.press('Enter');
    await p.locator('input[name="hoursDelivered"]').waitFor({ timeout: 15_000 });
    const formUrl = p.url();
    // The visit is shown by whom, when and who — its id is only the form's value.
    expect(await p.getByLabel('Посещение', { exact: true }).inputValue()).toContain(ALERTED);
    await expectReadableForm(p);
    await p.getByLabel('Посещение состоялось').check();
    await p.fill('input[name="hoursDelivered"]', '30');
    await p.click('button[type="submit"]');
    await expectServerError(p, 'hoursDelivered', /больше 24 часов в сутки/, 'mp-06-visit-outcome-error');
    await p.fill('input[name="hoursDelivered"]', '2');
    await p.click('button[type="submit"]');
    await expectConfirmation(p, 'Итог посещения записан.');
    await p.waitForURL(/\/recipients\/.*\/show/, { timeout: 20_000 });

    await p.goto(`${base}/#/`);
    await row.waitFor({ timeout: 20_000 });
    await until(async () => (await row.innerText()).includes('состоялось, 2 ч'));
    expect(await row.getByRole('link', { name: 'Отметить результат' }).count()).toBe(0);

    // A stale form (another tab, the back button) cannot replace it unseen.
    await p.goto(formUrl);
    await p.locator('input[name="hoursDelivered"]').waitFor({ timeout: 15_000 });
    await p.getByLabel('Посещение состоялось').check();
    await p.fill('input[name="hoursDelivered"]', '5');
    await p.click('button[type="submit"]');
    await expectServerError(
      p,
      'visitId',
      'Итог этого посещения уже записан (проведено, 2 ч)',
      'mp-07-visit-already-recorded',
    );
    const stored = ok(
      await t.gql<{ recipient: { visits: { id: string; hoursDelivered: number | null }[] } }>(
        'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { recipient(id: $id) { visits(from: $from, to: $to) { id hoursDelivered } } }',
        { id: alerted, from: day(-1), to: day(1) },
      ),
    ).recipient.visits.find((v) => v.id === visits.today);
    expect(stored?.hoursDelivered).toBe(2);
    await p.context().close();
  });

  it('lets education enrol, finish the enrolment, record a ПМПК recommendation and guidance on its tab', async () => {
    const p = await newPage('education');
    await p.goto(`${base}/#/recipients/${person}/show/education`);
    const tab = p.locator('[data-testid="education-tab"]');
    await openByKeyboard(p, tab, 'Зачислить на обучение');
    expect(await p.locator('input[name="recipientName"]').inputValue()).toBe(NAME);
    await choose(p, /Уровень/, 'Профессиональное обучение');
    await p.fill('input[name="organisation"]', 'ГАПОУ КО «Калужский колледж сервиса»');
    await p.fill('input[name="programme"]', 'Пекарь');
    await choose(p, /Форма обучения/, 'Очная');
    await p.fill('input[name="startDate"]', day(5));
    await expectReadableForm(p);
    await p.click('button[type="submit"]');
    await expectServerError(
      p,
      'startDate',
      'Дата зачисления не может быть позже сегодняшней',
      'mp-08-enrol-error',
    );
    await p.fill('input[name="startDate"]', day(-90));
    await p.click('button[type="submit"]');
    await expectConfirmation(p, 'Получатель зачислен на обучение.');
    await tab.locator('tr', { hasText: 'Пекарь' }).getByText('Обучается').waitFor({ timeout: 20_000 });

    await openByKeyboard(p, tab, 'Завершить обучение');
    expect(await p.locator('input[name="programmeName"]').inputValue()).toBe(`${NAME}: Пекарь`);
    await p.fill('input[name="endDate"]', day(-1));
    await p.getByLabel('Программа освоена').check();
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-09-finish-enrolment');
    await p.click('button[type="submit"]');
    await tab.locator('tr', { hasText: 'Пекарь' }).getByText('Завершено').waitFor({ timeout: 20_000 });

    // The ПМПК form filled and sent from the keyboard alone.
    await openByKeyboard(p, tab, 'Записать рекомендацию ПМПК');
    await p.fill('input[name="issuedOn"]', day(-10));
    await p.locator('input[name="commission"]').focus();
    await p.keyboard.type('ЦПМПК Калужской области');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Адаптированная программа профессионального обучения');
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-10-pmpk');
    await p.keyboard.press('Enter');
    await tab.getByText('ЦПМПК Калужской области').waitFor({ timeout: 20_000 });

    await openByKeyboard(p, tab, 'Записать профориентационную консультацию');
    await p.fill('input[name="heldOn"]', day(-3));
    await p.fill('input[name="organisation"]', 'ЦЗН г. Калуги');
    await p.fill('textarea[name="professionsText"]', 'Пекарь\nКондитер');
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-11-guidance');
    await p.click('button[type="submit"]');
    await tab.getByText('Пекарь, Кондитер').waitFor({ timeout: 20_000 });
    await expectAccessible(p, 'mp-12-education-tab');
    await p.context().close();
  });

  it('lets health record a conclusion, rehabilitation, a mobile team visit and answer the request on its tab', async () => {
    const p = await newPage('health');
    await p.goto(`${base}/#/recipients/${person}/show/health`);
    const tab = p.locator('[data-testid="health-tab"]');
    await openByKeyboard(p, tab, 'Записать медицинское заключение');
    expect(await p.locator('input[name="recipientName"]').inputValue()).toBe(NAME);
    await p.fill('input[name="issuedOn"]', day(-2));
    await p.fill('input[name="organisation"]', 'ГБУЗ КО «Поликлиника № 5»');
    await p.fill('input[name="validUntil"]', day(-20));
    await expectReadableForm(p);
    await p.click('button[type="submit"]');
    await expectServerError(
      p,
      'validUntil',
      'Срок действия заключения не может закончиться раньше даты выдачи',
      'mp-13-conclusion-error',
    );
    await p.fill('input[name="validUntil"]', day(360));
    await p.click('button[type="submit"]');
    await expectConfirmation(p, 'Медицинское заключение записано.');
    await tab.getByText('ГБУЗ КО «Поликлиника № 5»').first().waitFor({ timeout: 20_000 });

    await openByKeyboard(p, tab, 'Записать эпизод реабилитации');
    await choose(p, /Условия/, 'Амбулаторно');
    await p.fill('input[name="organisation"]', 'ГБУЗ КО «Центр реабилитации»');
    await p.fill('input[name="startDate"]', day(-40));
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-14-rehabilitation');
    await p.click('button[type="submit"]');
    await tab.getByText('ГБУЗ КО «Центр реабилитации»').waitFor({ timeout: 20_000 });
    expect(await tab.innerText()).toContain('Амбулаторно');

    await openByKeyboard(p, tab, 'Записать выезд мобильной бригады');
    await p.fill('input[name="visitedOn"]', day(-4));
    await p.fill('input[name="team"]', 'Мобильная бригада ЦРБ Козельского района');
    await p.fill('textarea[name="help"]', 'Осмотр терапевта');
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-15-mobile-team');
    await p.click('button[type="submit"]');
    await tab.getByText('Мобильная бригада ЦРБ Козельского района').waitFor({ timeout: 20_000 });

    await openByKeyboard(p, tab, 'Ответить на запрос');
    await p.fill('input[name="conclusion.issuedOn"]', day(0));
    await p.fill('input[name="conclusion.organisation"]', 'ГБУЗ КО «Поликлиника № 5»');
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-16-answer-request');
    await p.click('button[type="submit"]');
    await p.waitForURL(/interagencyRequests/, { timeout: 20_000 });
    const answered = ok(
      await t.gql<{ recipient: { interagencyRequests: { id: string; status: string }[] } }>(
        'query($id: ID!) { recipient(id: $id) { interagencyRequests { id status } } }',
        { id: person },
        coordinator,
      ),
    ).recipient.interagencyRequests.find((r) => r.id === requestId);
    expect(answered?.status).toBe('ANSWERED');
    await p.context().close();
  });

  it('lets employment record work kinds, an employer, a vacancy, a placement and its end, and support', async () => {
    const p = await newPage('employment');
    await p.goto(`${base}/#/recipients/${person}/show/employment`);
    const tab = p.locator('[data-testid="employment-tab"]');
    await openByKeyboard(p, tab, 'Записать виды работ по ИПРА');
    await p.fill('input[name="ipraNumber"]', '77.5.40/2026');
    await p.fill('input[name="ipraIssuedOn"]', day(-100));
    await p.getByRole('group', { name: 'Рекомендованные виды работ' }).getByLabel('Упаковка').check();
    await p
      .getByRole('group', { name: 'Противопоказанные виды работ' })
      .getByLabel('Тяжёлый ручной труд')
      .check();
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-17-work-kinds');
    await p.click('button[type="submit"]');
    await tab.getByText('Тяжёлый ручной труд').first().waitFor({ timeout: 20_000 });

    // An employer: the INN's check digits are the server's rule, shown on the field.
    await tab.getByRole('link', { name: /Создать: Работодатель/ }).click();
    await p.locator('input[name="inn"]').waitFor();
    await p.fill('input[name="name"]', 'ООО «Упаковка-Калуга»');
    await p.fill('input[name="inn"]', '4027000006');
    await expectReadableForm(p);
    await p.click('button[type="submit"]');
    await expectServerError(p, 'inn', /Неверный ИНН/, 'mp-18-employer-error');
    await p.fill('input[name="inn"]', '4027000005');
    await p.click('button[type="submit"]');
    await expectConfirmation(p, 'Работодатель добавлен в справочник.');
    await until(async () => !p.url().includes('/create'));

    // A vacancy of that employer, picked by its name as one types.
    await p.goto(`${base}/#/vacancies/create`);
    const employerBox = p.getByRole('combobox', { name: /Работодатель/ });
    await employerBox.fill('Упаковка');
    await p.getByRole('option', { name: /ООО «Упаковка-Калуга»/ }).click();
    await p.fill('input[name="position"]', 'Упаковщик');
    await choose(p, /Вид работ/, 'Упаковка');
    await p.fill('input[name="openedOn"]', day(-5));
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-19-vacancy');
    await p.click('button[type="submit"]');
    await until(async () => !p.url().includes('/create'));

    // A placement in a kind the ИПРА forbids is refused on the work kind; then placed as recommended.
    await p.goto(`${base}/#/recipients/${person}/show/employment`);
    await openByKeyboard(p, tab, 'Трудоустроить');
    expect(await p.locator('input[name="recipientName"]').inputValue()).toBe(NAME);
    const placeEmployer = p.getByRole('combobox', { name: /Работодатель/ });
    await placeEmployer.fill('Упаковка');
    await p.getByRole('option', { name: /ООО «Упаковка-Калуга»/ }).click();
    await p.fill('input[name="position"]', 'Грузчик');
    await choose(p, /Вид работ/, 'Тяжёлый ручной труд');
    await p.fill('input[name="startDate"]', day(-20));
    await expectReadableForm(p);
    await p.click('button[type="submit"]');
    await expectServerError(p, 'workKind', /противопоказан/i, 'mp-20-placement-error');
    await p.fill('input[name="position"]', 'Упаковщик');
    await choose(p, /Вид работ/, 'Упаковка');
    await p.click('button[type="submit"]');
    await tab.locator('tr', { hasText: 'Упаковщик' }).waitFor({ timeout: 20_000 });

    await openByKeyboard(p, tab, 'Завершить трудоустройство');
    expect(await p.locator('input[name="placementName"]').inputValue()).toContain(NAME);
    await p.fill('input[name="endDate"]', day(-1));
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-21-end-placement');
    await p.click('button[type="submit"]');
    await until(
      async () => (await tab.getByRole('link', { name: 'Завершить трудоустройство' }).count()) === 0,
    );

    await openByKeyboard(p, tab, 'Записать меру содействия занятости');
    await choose(p, /Мера/, 'Профориентация');
    await p.fill('input[name="startDate"]', day(-2));
    await expectReadableForm(p);
    await expectAccessible(p, 'mp-22-employment-support');
    await p.click('button[type="submit"]');
    await tab.locator('tr', { hasText: 'Профориентация' }).first().waitFor({ timeout: 20_000 });
    await expectAccessible(p, 'mp-23-employment-tab');
    await p.context().close();
  });

  it('shows in the timeline who recorded each step, by name', async () => {
    const p = await newPage('coordinator');
    await p.goto(`${base}/#/recipients/${person}/show/timeline`);
    const tab = p.locator('[data-testid="timeline-tab"]');
    const sent = tab.locator('tr', { hasText: 'Направлен межведомственный запрос' });
    await sent.first().waitFor({ timeout: 20_000 });
    // The demo coordinator sent it; health's officer recorded the answer on its own screen.
    expect(await sent.first().innerText()).toContain('Иванова Анна Сергеевна');
    const answer = tab.locator('tr', { hasText: 'Получен ответ на запрос' });
    await answer.first().waitFor();
    expect(await answer.first().innerText()).not.toContain('Иванова Анна Сергеевна');
    expect(await answer.first().innerText()).not.toMatch(/—\s*$/);
    expect(await tab.innerText()).not.toMatch(UUID);
    await expectAccessible(p, 'mp-24-timeline-authors');
    await p.context().close();
  });
});
