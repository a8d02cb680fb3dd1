import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  screenshot,
  signIn,
  until,
} from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19 in a real browser: the Council's secretariat records a meeting and its decisions, the
 * meeting mode on a projector, the administrator's accounts and API clients, the auditor's log,
 * and the shared export.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let t: TestSystem;
let browser: Browser;
let base: string;

/** A fresh browser context signed in as `login`: each user their own session. */
async function session(
  login: string,
  password = DEMO_PASSWORD,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser (${login}): ${e.message}`));
  await signIn(page, base, login, password);
  return { context, page };
}

async function listReady(p: Page): Promise<void> {
  await p
    .locator('table tbody tr')
    .or(p.getByText(/Результатов не найдено|Пока нет|результаты не найдены/))
    .first()
    .waitFor({ timeout: 15_000 });
}

/** Picks an option of an autocomplete by typing part of its name. */
async function pick(p: Page, label: RegExp, typed: string, option?: RegExp): Promise<void> {
  const box = p.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  await p
    .getByRole('option', { name: option ?? new RegExp(typed, 'i') })
    .first()
    .click()
    .catch(async (error) => {
      await screenshot(p, `failed-pick-${typed}`);
      throw error;
    });
}

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('the Council secretariat', () => {
  it('records a meeting with two decisions from the dashboard and closes one', async () => {
    const { context, page } = await session('coordinator');
    await page.goto(`${base}/#/councilMeetings/create`);
    await page.locator('input[name="heldOn"]').waitFor();
    await page.fill('input[name="heldOn"]', '2026-12-01');
    await page.fill('textarea[name="agenda"]', 'О ходе исполнения дорожной карты\nО тренировочных квартирах');
    await page.fill('textarea[name="attendees"]', 'Иванов И. И.\nПетрова А. С.');
    await page.fill('input[name="protocolNumber"]', '12-С');
    await page.fill('textarea[name="protocol"]', 'Заслушали министра. Решили: принять к сведению.');
    await expectAccessible(page, 'c01-meeting-create');
    await page.click('button[type="submit"]');
    await page
      .getByRole('heading', { level: 1, name: /Заседание Совета 01\.12\.2026/ })
      .waitFor({ timeout: 15_000 });

    for (const [text, due] of [
      ['Открыть две тренировочные квартиры в Калуге', '2027-03-01'],
      ['Представить отчёт о трудоустройстве', '2027-02-01'],
    ] as const) {
      await page.getByRole('link', { name: 'Добавить поручение' }).click();
      await page.locator('textarea[name="text"]').waitFor();
      await page.fill('textarea[name="text"]', text);
      await pick(page, /Исполнитель/, 'образован');
      await page.fill('input[name="dueDate"]', due);
      await pick(page, /Мероприятия дорожной карты/, '2');
      if (due === '2027-03-01') await expectAccessible(page, 'c02-decision-create');
      await page.click('button[type="submit"]');
      await page.getByRole('heading', { level: 3, name: text }).waitFor({ timeout: 15_000 });
    }
    await expectAccessible(page, 'c03-meeting-show');

    const first = page.locator('[data-testid="decision"]', { hasText: 'Открыть две тренировочные' });
    await first.getByRole('button', { name: 'Исполнено' }).click();
    await page.getByRole('dialog').waitFor();
    await page.fill('textarea[name="note"]', 'Квартиры открыты');
    await screenshot(page, 'c04-decision-close');
    await page.getByRole('dialog').getByRole('button', { name: 'Исполнено' }).click();
    await first
      .locator('[data-testid="decision-status"]')
      .getByText(/Исполнено.*Квартиры открыты/)
      .waitFor();

    const meetings = await t.gql<{
      councilMeetings: {
        edges: {
          node: {
            protocolNumber: string;
            attendees: string[];
            decisions: { text: string; status: string; items: unknown[]; assignee: { name: string } }[];
          };
        }[];
      };
    }>(
      '{ councilMeetings(first: 50) { edges { node { protocolNumber attendees decisions { text status items { id } assignee { name } } } } } }',
    );
    const meeting = meetings.data!.councilMeetings.edges.find((e) => e.node.protocolNumber === '12-С')!.node;
    expect(meeting.attendees).toEqual(['Иванов И. И.', 'Петрова А. С.']);
    expect(meeting.decisions.map((d) => [d.text, d.status]).sort()).toEqual([
      ['Открыть две тренировочные квартиры в Калуге', 'DONE'],
      ['Представить отчёт о трудоустройстве', 'OPEN'],
    ]);
    for (const d of meeting.decisions) {
      expect(d.items).toHaveLength(1);
      expect(d.assignee.name).toMatch(/образован/i);
    }

    await page.goto(`${base}/#/councilDecisions`);
    await listReady(page);
    await expectAccessible(page, 'c05-decisions');
    await page.goto(`${base}/#/councilMeetings`);
    await listReady(page);
    await expectAccessible(page, 'c06-meetings');
    await context.close();
  });

  it('opens an obligation from its list on the first try, and sets its status with the date', async () => {
    const { context, page } = await session('coordinator');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/#/obligations`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 15_000 });
    await page.locator('table tbody tr').first().click();
    await page.getByRole('heading', { name: 'Отчёты о выполнении' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('Что-то пошло не так').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.getByRole('button', { name: 'Выполнено' }).click();
    await page.fill('input[name="completedOn"]', '2026-01-15');
    await screenshot(page, 'c07-obligation-status');
    await page.getByRole('dialog').getByRole('button', { name: 'Выполнено' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await until(async () => (await page.getByText('Выполнено').count()) > 1);
    await expectAccessible(page, 'c08-obligation');
    await context.close();
  });

  it('lets a Council member read roadmaps, obligations and decisions', async () => {
    const { context, page } = await session('council');
    for (const [path, name] of [
      ['roadmaps', 'c09-council-roadmaps'],
      ['obligations', 'c10-council-obligations'],
      ['councilDecisions', 'c11-council-decisions'],
    ] as const) {
      await page.goto(`${base}/#/${path}`);
      await listReady(page);
      expect(await page.getByText('Не найдено').count()).toBe(0);
      await expectAccessible(page, name);
    }
    await page.locator('table tbody tr').first().click();
    await page.getByRole('heading', { level: 1, name: /Заседание Совета/ }).waitFor({ timeout: 15_000 });
    await page.goto(`${base}/#/obligations`);
    await page.locator('table tbody tr').first().click();
    await page.getByRole('heading', { name: 'Отчёты о выполнении' }).waitFor({ timeout: 15_000 });
    // A member reads; reporting and setting statuses are the ministries' and the secretariat's.
    expect(await page.getByRole('link', { name: 'Отчитаться о выполнении' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Выполнено' }).count()).toBe(0);
    await context.close();
  });
});

describe('the Council page for one municipality or a past day', () => {
  it('shows the figures of the chosen municipality, as the indicators query gives them', async () => {
    const { context, page } = await session('council');
    await page.locator('[data-testid="tile-trainingFlatPlaces"]').waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: 'Территория' }).click();
    const option = page.getByRole('option').nth(1);
    const municipality = ((await option.textContent()) ?? '').trim();
    await option.click();
    const answer = await t.gql<{
      indicators: { trainingFlatPlaces: number; peopleIdentified: number | null };
    }>('query ($m: String) { indicators(municipality: $m) { trainingFlatPlaces peopleIdentified } }', {
      m: municipality,
    });
    const expected = answer.data!.indicators;
    expect(expected.peopleIdentified).toBeNull();
    // The register is regional: for a municipality the tile says so with a dash.
    await until(
      async () =>
        (await page.locator('[data-testid="tile-peopleIdentified"]').getAttribute('data-value')) === '' &&
        (await page.locator('[data-testid="tile-trainingFlatPlaces"]').getAttribute('data-value')) ===
          String(expected.trainingFlatPlaces),
    );
    await page.fill('input[name="asOf"]', '2026-01-31');
    await page
      .getByText(/на 31\.01\.2026/)
      .first()
      .waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'c12-council-municipality');
    await context.close();
  });
});

describe('the meeting mode on a projector', () => {
  it('shows every slide at 1920×1080 without scrolling, moved by the arrows, left with Esc', async () => {
    const { context, page } = await session('council', DEMO_PASSWORD, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Режим заседания' }).click();
    const mode = page.locator('[data-testid="meeting-mode"]');
    await mode.locator('[data-testid="slide"]').waitFor({ timeout: 20_000 });
    const titles: string[] = [];
    for (let n = 1; n <= 4; n += 1) {
      await page.locator(`[data-testid="meeting-mode"][data-slide="${n}"]`).waitFor();
      // Charts draw after their container is measured.
      if (n === 3) await page.locator('[data-testid="late-chart"] svg').first().waitFor();
      titles.push((await page.locator('h1').textContent()) ?? '');
      await expectAccessible(page, `m0${n}-slide`);
      // Nothing on the slide scrolls or is cut off: the page, the slide and every box in it. Only a
      // line-clamped text may end early, and it says so with its ellipsis.
      const overflow = (await page.evaluate(`(() => {
        const all = [document.documentElement, ...document.querySelectorAll('[data-testid="meeting-mode"], [data-testid="meeting-mode"] *')];
        return all
          .filter((el) => {
            const s = getComputedStyle(el);
            const clamped = s.webkitLineClamp && s.webkitLineClamp !== 'none';
            return el === document.documentElement || (s.overflowY !== 'visible' && !clamped);
          })
          .filter((el) => el.scrollHeight > el.clientHeight + 1)
          .map((el) => (el.getAttribute('data-testid') || el.tagName) + ':' + el.scrollHeight + '>' + el.clientHeight);
      })()`)) as string[];
      expect({ slide: n, overflow }).toEqual({ slide: n, overflow: [] });
      await page.keyboard.press('ArrowRight');
    }
    expect(titles).toEqual([
      expect.stringMatching(/^Повестка заседания/),
      'Ключевые показатели и цели',
      'Просроченные мероприятия дорожной карты по ведомствам',
      'Поручения Совета: сроки',
    ]);
    await page.keyboard.press('ArrowLeft');
    await page.locator('[data-testid="meeting-mode"][data-slide="3"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="council-home"]').waitFor({ timeout: 15_000 });
    await context.close();
  });
});

describe('the administrator', () => {
  it('creates an account with its role and agency; that account signs in to only its role’s menu', async () => {
    const { context, page } = await session('admin');
    await page.goto(`${base}/#/accounts`);
    await listReady(page);
    await expectAccessible(page, 'a01-accounts');
    await page.getByRole('link', { name: 'Создать' }).click();
    await page.locator('input[name="login"]').waitFor();
    await page.fill('input[name="login"]', 'new-auditor');
    await page.fill('input[name="displayName"]', 'Новикова Ольга, аудитор');
    await page.fill('input[name="password"]', 'short');
    await page.getByRole('checkbox', { name: 'Аудитор' }).check();
    await pick(page, /Ведомство/, 'социальн');
    await expectAccessible(page, 'a02-account-create');
    await page.click('button[type="submit"]');
    // The server's rule, on its field.
    const password = page.locator('input[name="password"]');
    await until(async () => (await password.getAttribute('aria-invalid')) === 'true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(', '),
      )
      .getByText('Пароль должен быть не короче 12 символов')
      .waitFor();
    await screenshot(page, 'a03-account-create-error');
    await page.fill('input[name="password"]', 'auditor-password-2026');
    await page.click('button[type="submit"]');
    await page.getByText('new-auditor').waitFor({ timeout: 15_000 });
    const row = page.locator('tr', { hasText: 'new-auditor' });
    expect(await row.textContent()).not.toMatch(UUID);

    const other = await session('new-auditor', 'auditor-password-2026');
    const menu = await other.page
      .locator('a.RaMenuItemLink-root')
      .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').replace(/^#\//, '')));
    expect(menu.sort()).toEqual(['', 'agencies', 'auditEvents', 'housingUnits', 'providers'].sort());
    await other.context.close();

    // Roles changed from the list's row; the account reads them at its next request.
    await row.click();
    await page.getByRole('checkbox', { name: 'Член Совета' }).waitFor();
    await expectAccessible(page, 'a04-account-edit');
    await page.getByRole('checkbox', { name: 'Член Совета' }).check();
    await page.click('button[type="submit"]');
    // An auditor's role does not combine with another (docs/access.md): the server says so on the field.
    await page
      .getByText('Роли администратора, аудитора и сотрудника поставщика не совмещаются с другими ролями')
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByRole('checkbox', { name: 'Аудитор' }).uncheck();
    await page.click('button[type="submit"]');
    await page
      .locator('tr', { hasText: 'new-auditor' })
      .getByText(/Член Совета/)
      .waitFor({ timeout: 15_000 });
    // Deactivation, confirmed in a dialog.
    await page.locator('tr', { hasText: 'new-auditor' }).getByRole('button', { name: 'Отключить' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отключить' }).click();
    await page.locator('tr', { hasText: 'new-auditor' }).getByRole('button', { name: 'Включить' }).waitFor();
    await context.close();
  });

  it('issues an API client whose secret works once shown, and is never shown again', async () => {
    const { context, page } = await session('admin');
    await page.goto(`${base}/#/apiClients/create`);
    await page.locator('input[name="name"]').waitFor();
    await page.fill('input[name="name"]', 'ГИС Минобразования');
    await pick(page, /Ведомство/, 'образован');
    await page.getByRole('checkbox', { name: 'Образование' }).check();
    const allowed = '{ me { name roles } }';
    await page.fill('textarea[name="operations"]', allowed);
    await expectAccessible(page, 'a05-api-client-create');
    await page.getByRole('button', { name: 'Выдать ключ' }).click();
    const secretBox = page.getByTestId('issued-secret');
    await secretBox.waitFor({ timeout: 15_000 });
    const secret = await secretBox.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, 'a06-api-client-secret');

    const call = (query: string) =>
      t.gql<{ me: { name: string; roles: string[] } }>(query, {}, { authorization: `Bearer ${secret}` });
    const ok = await call(allowed);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.me).toEqual({ name: 'ГИС Минобразования', roles: ['EDUCATION_OFFICER'] });
    const other = await call('{ me { name } }');
    expect(other.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');

    await page.getByRole('button', { name: 'Я сохранил ключ' }).click();
    await page.locator('tr', { hasText: 'ГИС Минобразования' }).waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.locator('tr', { hasText: 'ГИС Минобразования' }).waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain(secret);
    expect(await page.locator('tr', { hasText: 'ГИС Минобразования' }).textContent()).not.toMatch(UUID);
    await expectAccessible(page, 'a07-api-clients');

    // Revoked from its row: the secret stops working at once.
    await page
      .locator('tr', { hasText: 'ГИС Минобразования' })
      .getByRole('button', { name: 'Отозвать' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await until(async () => (await call(allowed)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
    await context.close();
  });

  it('reads the agency directory, providers and housing; the coordinator registers housing and staff', async () => {
    const admin = await session('admin');
    for (const [path, name] of [
      ['agencies', 'a08-agencies'],
      ['providers', 'a09-providers'],
      ['housingUnits', 'a10-housing'],
    ] as const) {
      await admin.page.goto(`${base}/#/${path}`);
      await listReady(admin.page);
      await expectAccessible(admin.page, name);
    }
    await admin.context.close();

    const { context, page } = await session('coordinator');
    await page.goto(`${base}/#/housingUnits/create`);
    await page.locator('input[name="address"]').waitFor();
    await page.getByRole('combobox', { name: /Вид/ }).click();
    await page.getByRole('option', { name: 'Тренировочная квартира' }).click();
    await page.fill('input[name="address"]', 'г. Калуга, ул. Ленина, д. 1, кв. 5');
    await page.fill('input[name="municipality"]', 'Калуга');
    await page.fill('input[name="places"]', '3');
    // A training flat belongs to a provider: the server's rule, shown on the field, until one is picked.
    await page.click('button[type="submit"]');
    await page
      .locator('.MuiFormHelperText-root.Mui-error')
      .getByText('укажите поставщика, в структуре которого оно находится')
      .waitFor({ timeout: 15_000 });
    await page.getByRole('combobox', { name: 'Оператор' }).click();
    await page.getByRole('option').first().click();
    await expectAccessible(page, 'a11-housing-create');
    await page.click('button[type="submit"]');
    await page
      .getByText('ул. Ленина, д. 1, кв. 5')
      .waitFor({ timeout: 15_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-a11-housing-create');
        throw error;
      });

    await page.goto(`${base}/#/staffMembers/create`);
    await page.locator('input[name="fullName"]').waitFor();
    await page.fill('input[name="fullName"]', 'Смирнова Анна Петровна');
    await page.getByRole('combobox', { name: /Должность/ }).click();
    await page.getByRole('option', { name: 'Психолог' }).click();
    await page.getByRole('combobox', { name: /Поставщик/ }).click();
    await page.getByRole('option').first().click();
    await expectAccessible(page, 'a12-staff-create');
    await page.click('button[type="submit"]');
    // Back on the list (its first page may hold others): the graph has the new member.
    await page.waitForURL(/#\/staffMembers$/, { timeout: 15_000 });
    const staff = await t.gql<{ staffMembers: { edges: { node: { fullName: string; role: string } }[] } }>(
      '{ staffMembers(first: 200) { edges { node { fullName role } } } }',
    );
    expect(staff.data!.staffMembers.edges.map((e) => e.node)).toContainEqual({
      fullName: 'Смирнова Анна Петровна',
      role: 'PSYCHOLOGIST',
    });
    await context.close();
  });
});

describe('the auditor', () => {
  it('filters the log by a person typed by name, and reads names and Russian field labels, not ids', async () => {
    const people = await t.gql<{
      recipients: { edges: { node: { id: string; lastName: string; firstName: string } }[] };
    }>('{ recipients(first: 1) { edges { node { id lastName firstName } } } }');
    const person = people.data!.recipients.edges[0]!.node;
    // A coordinator opens the card: the read the auditor will find.
    await t.gql('query OpenCard($id: ID!) { recipient(id: $id) { lastName snils birthDate } }', {
      id: person.id,
    });

    const { context, page } = await session('auditor');
    await page.goto(`${base}/#/auditEvents`);
    await listReady(page);
    const personBox = page.getByRole('combobox', { name: 'Человек' });
    await personBox.click();
    await personBox.fill(person.lastName);
    await page
      .getByRole('option', { name: new RegExp(`${person.lastName} ${person.firstName}`) })
      .first()
      .click();
    await until(async () => page.url().includes(person.id));
    // The filtered page replaces the unfiltered one once its answer arrives: wait for that answer.
    const ofPerson = new RegExp(`^${person.lastName} ${person.firstName}`);
    const shown = page.locator('[data-testid="audit-person"]');
    await until(async () => {
      const now = await shown.allTextContents();
      return now.length > 0 && now.every((name) => ofPerson.test(name));
    });
    const names = await shown.allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(ofPerson);
    const table = (await page.locator('table').textContent()) ?? '';
    expect(table).not.toMatch(UUID);
    expect(table).not.toMatch(/Recipient\.[a-z]/);
    expect(table).toMatch(/Фамилия/);
    expect(table).toMatch(/СНИЛС/);
    // Readable at 1280 px without scrolling sideways.
    const wide = (await page.evaluate(
      '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
    )) as [number, number];
    expect(wide[0]).toBeLessThanOrEqual(wide[1]);
    await expectAccessible(page, 'u01-audit-log');

    // The export of what the list shows: UTF-8 with a BOM, Russian headers, no ids or type names.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать CSV' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('Когда;Кто;Ведомство;Действие;Операция;Человек;Что;Экстренный доступ');
    // The export reads the log as it is now: the auditor's own reads of the name are in it too.
    expect(rows.length).toBeGreaterThanOrEqual(names.length);
    for (const row of rows) expect(row).toContain(`${person.lastName} ${person.firstName}`);
    expect(csv).not.toMatch(UUID);
    expect(csv).not.toMatch(/__typename|Recipient\.|\bREAD\b/);
    expect(rows[0]).toContain(`${person.lastName} ${person.firstName}`);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX is a ZIP: it starts with "PK".
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await context.close();
  });

  it('exports any list the same way: the decisions of the Council with names and words', async () => {
    const { context, page } = await session('coordinator');
    await page.goto(`${base}/#/councilDecisions`);
    await listReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const header = csv.slice(1).split('\r\n')[0]!;
    expect(header.split(';')).toEqual(
      expect.arrayContaining(['№', 'Текст', 'Срок', 'Статус', 'Исполнитель']),
    );
    expect(csv).not.toMatch(UUID);
    expect(csv).not.toMatch(/__typename|\bOPEN\b|\bDONE\b|;true;|;false;/);
    await context.close();
  });
});
