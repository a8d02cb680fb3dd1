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
import { startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

// Issue 17: each role's home shows its own work; the ministries act on their own tabs of the person
// page; the case's timeline. Real gateway, real PostgreSQL, Debian's chromium.

let t: TestSystem;
let browser: Browser;
let base: string;
let coordinator: { authorization: string };
let person: string;
let requestId: string;
const clock = new ManualClock(new Date());
const NAME = 'Очередёва Вера Павловна';

/** A day on the region's calendar, `offset` days from today. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

async function newPage(login: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error(`browser: ${e.message}`));
  await signIn(p, base, login, password);
  return p;
}

const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const mutate = <T = Record<string, unknown>>(name: string, type: string, input: unknown, options = {}) =>
  t.gql<T>(`mutation($input: ${type}!) { ${name}(input: $input) { id } }`, { input }, options);

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' }, clock });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  // The person is registered by the demo coordinator, so the case is theirs ("мои случаи").
  coordinator = { authorization: await demoAuthorization(base) };
  const created = await mutate<{ createRecipient: { id: string } }>(
    'createRecipient',
    'CreateRecipientInput',
    {
      snils: snilsFromBody(171_171_172),
      lastName: 'Очередёва',
      firstName: 'Вера',
      patronymic: 'Павловна',
      birthDate: '1991-02-03',
      sex: 'FEMALE',
      municipality: 'г. Калуга',
    },
    coordinator,
  );
  person = ok(created).createRecipient.id;
  // seed 001 §14: decided within 10 days of the application — due in 8 days
  ok(
    await mutate(
      'submitApplication',
      'SubmitApplicationInput',
      { recipientId: person, submittedOn: day(-2), appliedBy: 'PERSON' },
      coordinator,
    ),
  );
  // The ministries read the person's name only with the consents in force (docs/access.md).
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
        { recipientId: person, givenOn: day(-2), ...consent },
        coordinator,
      ),
    );
  }
  const sent = await mutate<{ sendInteragencyRequest: { id: string } }>(
    'sendInteragencyRequest',
    'SendInteragencyRequestInput',
    {
      recipientId: person,
      agencyId: interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id,
      subject: 'MEDICAL_CONCLUSION',
      sentOn: day(0),
    },
    coordinator,
  );
  requestId = ok(sent).sendInteragencyRequest.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('each role’s home, the ministries’ tabs and the timeline in a browser', () => {
  it('gives the coordinator a work queue: the due decision by name, filters, a row opened by keyboard', async () => {
    // Another coordinator's case: in the agency's queue, not in "мои случаи".
    const others = await mutate<{ createRecipient: { id: string } }>(
      'createRecipient',
      'CreateRecipientInput',
      {
        snils: snilsFromBody(171_171_173),
        lastName: 'Чужакова',
        firstName: 'Нина',
        birthDate: '1988-08-08',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
      },
    );
    const other = ok(others).createRecipient.id;
    ok(
      await mutate('submitApplication', 'SubmitApplicationInput', {
        recipientId: other,
        submittedOn: day(-1),
        appliedBy: 'PERSON',
      }),
    );

    const p = await newPage('coordinator');
    const queue = p.locator('[data-testid="work-queue"]');
    const row = queue.locator('tr', { hasText: NAME }).filter({ hasText: 'Решение по заявлению' });
    await row.waitFor({ timeout: 20_000 }).catch(async (error) => {
      await screenshot(p, 'failed-wq-01-work-queue');
      throw error;
    });
    expect(await row.textContent()).toContain('осталось дней: 8');
    expect(await row.textContent()).toContain('Иванова Анна Сергеевна'); // the owner
    await queue.locator('tr', { hasText: 'Чужакова Нина' }).first().waitFor();
    await expectAccessible(p, 'wq-01-work-queue');

    // Rows come by due date.
    const dues = await queue.locator('tbody tr td:first-child').allInnerTexts();
    const iso = dues.map((d) => d.split('.').reverse().join('-'));
    expect(iso).toEqual([...iso].sort());

    await p.getByLabel('Только мои случаи').check();
    await until(async () => (await queue.locator('tr', { hasText: 'Чужакова Нина' }).count()) === 0);
    await row.waitFor();
    await p.getByLabel('Только просроченные').check();
    await until(async () => (await queue.locator('tr', { hasText: NAME }).count()) === 0);
    for (const text of await queue.locator('tbody tr').allInnerTexts()) expect(text).toMatch(/просрочки/);
    await expectAccessible(p, 'wq-02-work-queue-filtered');
    await p.getByLabel('Только просроченные').uncheck();
    await p.getByLabel('Только мои случаи').uncheck();
    await row.waitFor();

    // The skip link, first in the Tab order of a fresh page, lands on the main content.
    await p.reload();
    await row.waitFor({ timeout: 20_000 });
    await p.keyboard.press('Tab');
    expect(await p.evaluate('document.activeElement && document.activeElement.className')).toContain(
      'skip-link',
    );
    await p.keyboard.press('Enter');
    expect(await p.evaluate('document.activeElement && document.activeElement.id')).toBe('main-content');
    expect(p.url()).not.toContain('main-content');

    // The row's person link is a stop of the Tab order; Enter opens the person page.
    await row.getByRole('link', { name: NAME }).focus();
    await p.keyboard.press('Enter');
    await until(async () => p.url().includes(`/recipients/${person}/show`));
    // The row's action opens the person page on the action that resolves it.
    await p.goBack();
    await row.getByRole('link', { name: 'Принять решение' }).focus();
    await p.keyboard.press('Enter');
    await until(async () => p.url().includes(`/recipients/${person}/show?action=grant`));
    // …with the decision's form already open, ready to be filled in from the keyboard.
    const decision = p
      .getByRole('dialog')
      .filter({ has: p.getByRole('heading', { name: 'Решение по заявлению' }) });
    await decision.waitFor({ timeout: 15_000 });
    expect(await decision.getByRole('combobox', { name: /Решение/ }).textContent()).toMatch(/Предоставить/);
    await p.keyboard.press('Escape');

    // Any list's rows open by keyboard too.
    await p.goto(`${base}/#/recipients`);
    const first = p.locator('tbody tr').first();
    await first.waitFor({ timeout: 15_000 });
    await first.focus();
    await p.keyboard.press('Enter');
    await until(async () => /\/recipients\/[0-9a-f-]{36}\/show/.test(p.url()));
    await p.context().close();
  });

  it('gives a health officer their queue with names; health records rehabilitation and a mobile team visit', async () => {
    const p = await newPage('health');
    const home = p.locator('[data-testid="ministry-home"]');
    const row = home.locator(`tr[data-request="${requestId}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(NAME);
    await expectAccessible(p, 'wq-03-health-home');

    await row.getByRole('link', { name: NAME }).click();
    await p.getByRole('tab', { name: 'Здоровье' }).click();
    const tab = p.locator('[data-testid="health-tab"]');
    await tab.getByRole('link', { name: 'Записать эпизод реабилитации' }).click();
    await p.locator('input[name="organisation"]').waitFor();
    expect(await p.locator('input[name="recipientName"]').inputValue()).toBe(NAME);
    await p.getByRole('combobox', { name: /Условия/ }).click();
    await p.getByRole('option', { name: 'Дневной стационар' }).click();
    await p.getByRole('listbox').waitFor({ state: 'hidden' });
    await p.fill('input[name="organisation"]', 'ГБУЗ КО «Калужская областная больница»');
    await p.fill('input[name="condition"]', 'F70.1');
    await p.fill('input[name="startDate"]', day(-20));
    await p.fill('input[name="endDate"]', day(-30));
    await p.click('button[type="submit"]');
    // The server's rule, on its field, in Russian.
    const endDate = p.locator('input[name="endDate"]');
    await until(async () => (await endDate.getAttribute('aria-invalid')) === 'true');
    await p.getByText('Окончание раньше начала').first().waitFor();
    await expectAccessible(p, 'wq-04-rehabilitation-form-error');
    await p.fill('input[name="endDate"]', day(-5));
    await p.click('button[type="submit"]');
    await tab.getByText('ГБУЗ КО «Калужская областная больница»').waitFor({ timeout: 15_000 });
    expect(await tab.textContent()).toContain('Дневной стационар');

    await tab.getByRole('link', { name: 'Записать выезд мобильной бригады' }).click();
    await p.locator('input[name="team"]').waitFor();
    await p.fill('input[name="visitedOn"]', day(-1));
    await p.fill('input[name="team"]', 'Выездная психиатрическая бригада ЦРБ');
    await p.fill('textarea[name="help"]', 'Консультация, подбор терапии');
    await expectAccessible(p, 'wq-05-mobile-team-form');
    await p.click('button[type="submit"]');
    await tab.getByText('Выездная психиатрическая бригада ЦРБ').waitFor({ timeout: 15_000 });

    // The request about this person is answered from the same tab and leaves the queue.
    await tab.getByRole('link', { name: 'Ответить на запрос' }).click();
    await p.locator('input[name="conclusion.organisation"]').waitFor();
    await p.fill('input[name="conclusion.issuedOn"]', day(0));
    await p.fill('input[name="conclusion.organisation"]', 'ГБУЗ КО «Поликлиника № 2»');
    await p.click('button[type="submit"]');
    await p.waitForURL(/interagencyRequests/, { timeout: 15_000 });
    await p.goto(`${base}/#/`);
    await home.waitFor();
    await until(async () => (await home.locator(`tr[data-request="${requestId}"]`).count()) === 0);
    await p.context().close();
  });

  it('lets education finish an enrolment from its tab', async () => {
    ok(
      await mutate(
        'enrolRecipient',
        'EnrolRecipientInput',
        {
          recipientId: person,
          level: 'VOCATIONAL',
          organisation: 'ГАПОУ КО «Калужский колледж сервиса»',
          programme: 'Повар',
          form: 'FULL_TIME',
          startDate: day(-60),
        },
        { as: Role.EDUCATION_OFFICER },
      ),
    );
    const p = await newPage('education');
    await p.goto(`${base}/#/recipients/${person}/show/education`);
    const tab = p.locator('[data-testid="education-tab"]');
    await tab.getByRole('link', { name: 'Завершить обучение' }).click();
    await p.locator('input[name="endDate"]').waitFor();
    expect(await p.locator('input[name="programmeName"]').inputValue()).toBe(`${NAME}: Повар`);
    await p.fill('input[name="endDate"]', day(-1));
    await p.getByLabel('Программа освоена').check();
    await expectAccessible(p, 'wq-06-finish-enrolment-form');
    await p.click('button[type="submit"]');
    await tab.locator('tr', { hasText: 'Повар' }).getByText('Завершено').waitFor({ timeout: 15_000 });
    expect(await tab.getByRole('link', { name: 'Завершить обучение' }).count()).toBe(0);
    await expectAccessible(p, 'wq-07-education-tab');
    await p.context().close();
  });

  it('lets employment record ИПРА work kinds, end a placement and record support from its tab', async () => {
    const employer = await mutate<{ createEmployer: { id: string } }>(
      'createEmployer',
      'CreateEmployerInput',
      { name: 'ООО «Калужский хлеб»', inn: '4027000005' },
      { as: Role.EMPLOYMENT_OFFICER },
    );
    const employerId = ok(employer).createEmployer.id;
    const p = await newPage('employment');
    await p.goto(`${base}/#/recipients/${person}/show/employment`);
    const tab = p.locator('[data-testid="employment-tab"]');
    await tab.getByRole('link', { name: 'Записать виды работ по ИПРА' }).click();
    await p.locator('input[name="ipraNumber"]').waitFor();
    await p.fill('input[name="ipraNumber"]', '1234.5.40/2026');
    await p.fill('input[name="ipraIssuedOn"]', day(-100));
    const recommended = p.getByRole('group', { name: 'Рекомендованные виды работ' });
    const forbidden = p.getByRole('group', { name: 'Противопоказанные виды работ' });
    const [firstKind, secondKind] = (await recommended.getByRole('checkbox').all()).slice(0, 2);
    const firstLabel = ((await recommended.locator('label').first().textContent()) ?? '').trim();
    await firstKind!.check();
    await secondKind!.check();
    await forbidden.getByRole('checkbox').first().check();
    await p.click('button[type="submit"]');
    // The same kind recommended and forbidden is refused by the server, with its message.
    await p
      .getByText(/не может быть одновременно показан и противопоказан/)
      .first()
      .waitFor({ timeout: 15_000 });
    await expectAccessible(p, 'wq-08-work-kinds-form-error');
    await forbidden.getByRole('checkbox').first().uncheck();
    await forbidden.getByRole('checkbox').last().check();
    await p.click('button[type="submit"]');
    await tab.getByText(firstLabel).first().waitFor({ timeout: 15_000 });
    expect(await tab.textContent()).toContain('Противопоказано');

    // A placement in a recommended kind (the first checked above), ended from the tab.
    ok(
      await mutate(
        'placeRecipient',
        'PlaceRecipientInput',
        {
          recipientId: person,
          employerId,
          position: 'Пекарь',
          startDate: day(-30),
          workKind: 'LIGHT_MANUAL',
        },
        { as: Role.EMPLOYMENT_OFFICER },
      ),
    );
    await p.reload();
    await tab.getByRole('link', { name: 'Завершить трудоустройство' }).click();
    await p.locator('input[name="endDate"]').waitFor();
    await p.fill('input[name="endDate"]', day(-1));
    await expectAccessible(p, 'wq-09-end-placement-form');
    await p.click('button[type="submit"]');
    await tab.locator('tr', { hasText: 'Пекарь' }).waitFor({ timeout: 15_000 });
    await until(
      async () => (await tab.getByRole('link', { name: 'Завершить трудоустройство' }).count()) === 0,
    );

    await tab.getByRole('link', { name: 'Записать меру содействия занятости' }).click();
    await p.getByRole('combobox', { name: /Мера/ }).click();
    await p.getByRole('option', { name: 'Профориентация' }).click();
    await p.getByRole('listbox').waitFor({ state: 'hidden' });
    await p.fill('input[name="startDate"]', day(-3));
    await expectAccessible(p, 'wq-10-employment-support-form');
    await p.click('button[type="submit"]');
    await tab.locator('tr', { hasText: 'Профориентация' }).first().waitFor({ timeout: 15_000 });
    await p.context().close();
  });

  it('shows provider staff today’s and this week’s visits of their provider’s people', async () => {
    const people = ok(
      await t.gql<{
        recipients: {
          edges: {
            node: {
              id: string;
              lastName: string;
              servicePlans: { toDate: string | null; provider: { id: string } }[];
            };
          }[];
        };
      }>(
        '{ recipients(first: 50) { edges { node { id lastName servicePlans { toDate provider { id } } } } } }',
      ),
    ).recipients.edges.map((e) => e.node);
    const served = people.find((n) => n.servicePlans.some((s) => s.toDate === null))!;
    const providerId = served.servicePlans.find((s) => s.toDate === null)!.provider.id;
    const staff = await t.gql<{ createStaffMember: { id: string } }>(
      'mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }',
      { input: { providerId, role: 'SOCIAL_WORKER', fullName: 'Гусева Лидия Петровна' } },
    );
    const staffMemberId = ok(staff).createStaffMember.id;
    const soon = new Date(Date.now() + 30 * 60_000).toISOString();
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    for (const plannedAt of [soon, later]) {
      ok(
        await mutate('scheduleVisit', 'ScheduleVisitInput', {
          recipientId: served.id,
          staffMemberId,
          plannedAt,
        }),
      );
    }
    await t.tokenFor({ role: Role.PROVIDER_STAFF, providerId });
    const p = await newPage(`t-provider-staff-${providerId.slice(0, 8)}`, TEST_PASSWORD);
    const home = p.locator('[data-testid="provider-home"]');
    await home.getByText('Гусева Лидия Петровна').first().waitFor({ timeout: 20_000 });
    const tables = home.locator('table');
    const todayTable = home.getByRole('table', { name: 'Сегодня' });
    const weekTable = home.getByRole('table', { name: 'В ближайшие 7 дней' });
    expect(await tables.count()).toBe(2);
    // Near midnight "in 30 minutes" is tomorrow on the region's calendar: then both are this week's.
    const soonIsToday =
      day(0) === new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(soon));
    if (soonIsToday) expect(await todayTable.textContent()).toContain(served.lastName);
    expect(await weekTable.textContent()).toContain('Гусева Лидия Петровна');
    await expectAccessible(p, 'wq-11-provider-home');
    await p.context().close();
  });

  it('shows the coordinator the case’s timeline', async () => {
    const p = await newPage('coordinator');
    await p.goto(`${base}/#/recipients/${person}/show/timeline`);
    const tab = p.locator('[data-testid="timeline-tab"]');
    await tab.getByText('Подано заявление: Лично').waitFor({ timeout: 20_000 });
    const text = (await tab.textContent()) ?? '';
    expect(text).toContain('Направлен межведомственный запрос: Медицинское заключение');
    expect(text).toContain(interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').name);
    expect(text).toContain('Согласие: Дано');
    expect(text).toContain('На передачу сведений ведомству: Здравоохранение');
    expect(text).toContain('Получен ответ на запрос');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // never an id
    await expectAccessible(p, 'wq-12-timeline');
    await p.context().close();
  });
});
