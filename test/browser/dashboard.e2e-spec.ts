import { agencyIdOf, interagencyAgencyOf, ManualClock, Role, snilsFromBody } from '@sl/core';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, signIn, until } from '../support/browser.js';
import { startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

// The region's health ministry in the agency directory (requests name agencies by id).
const HEALTH_AGENCY = interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id;

/** СНИЛС as the dashboard shows it: `XXX-XXX-XXX YY`. */
const formatSnils = (s: string) => `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}`;

let t: TestSystem;
let browser: Browser;
let page: Page;
let base: string;
// The system's "today": a test moves it to see a roadmap item go late.
const clock = new ManualClock(new Date());

beforeAll(async () => {
  // Demo accounts and a few synthetic people, exactly as `pnpm start` seeds them.
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' }, clock });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  page.on('console', (m) => {
    // The 401 of the expired-session test is expected; anything else is worth seeing.
    if (m.type() === 'error' && !m.text().includes('401')) console.error(`browser: ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`browser: ${e.message}`));
}, 120_000);

afterAll(async () => {
  page?.removeAllListeners();
  await browser?.close();
  await t?.stop();
});

describe('the dashboard in a browser', () => {
  it('is served by the gateway at / with a strict Content-Security-Policy, and /graphql stays the API', async () => {
    const res = await t.http().get('/').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(res.text)?.[1];
    const cached = await t.http().get(asset!);
    expect(cached.headers['cache-control']).toContain('immutable');
    const api = await t.gql('{ __typename }', {}, { as: 'anonymous' });
    expect(api.data).toEqual({ __typename: 'Query' });
  });

  it('signs a coordinator in, in Russian, with the Council page a link away from the work queue', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('input[name="username"]');
    await expectAccessible(page, '00-login');
    await signIn(page, base, 'coordinator');
    // The coordinator's home is their work queue (test/browser/work-queue.e2e-spec.ts).
    await page.locator('[data-testid="work-queue"]').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: 'Совет' }).click();
    await page.waitForSelector('[data-testid="council-home"] h2');
    await page.getByText('Исполнение дорожной карты по ведомствам').waitFor();
    await expectAccessible(page, '01-council-home');
  });

  it('finds a person by СНИЛС and opens the card with a tab per ministry', async () => {
    const found = await t.gql<{ recipients: { edges: { node: { snils: string; lastName: string } }[] } }>(
      '{ recipients(first: 1) { edges { node { snils lastName } } } }',
    );
    const person = found.data!.recipients.edges[0]!.node;
    await page.goto(`${base}/#/recipients`);
    await page.waitForSelector('input[name="snils"]');
    await expectAccessible(page, '02-recipients');
    await page.fill('input[name="snils"]', person.snils);
    // The page's CSP forbids string evaluation (as it should): poll through locators instead.
    await until(async () => (await page.locator('tbody tr').count()) === 1);
    await page.locator('tbody tr').getByText(person.lastName).waitFor();
    await page.click('tbody tr');
    for (const tab of ['Личные данные', 'Социальный случай', 'Здоровье', 'Образование', 'Занятость']) {
      await page.getByRole('tab', { name: tab }).waitFor();
    }
    await page.getByText(formatSnils(person.snils)).first().waitFor();
    await expectAccessible(page, '03-recipient-card');
    await page.getByRole('tab', { name: 'Социальный случай' }).click();
    await page.getByText('Заявления').first().waitFor();
    await expectAccessible(page, '04-recipient-social-case');
  });

  it('shows the server refusing a wrong СНИЛС on the field, then registers a valid person', async () => {
    await page.goto(`${base}/#/recipients/create`);
    await page.waitForSelector('input[name="snils"]');
    await page.fill('input[name="snils"]', '12345678900');
    await page.fill('input[name="lastName"]', 'Браузерова');
    await page.fill('input[name="firstName"]', 'Анна');
    await page.fill('input[name="birthDate"]', '1991-04-12');
    await page.fill('input[name="municipality"]', 'Калуга');
    await page.getByRole('combobox', { name: /^Пол/ }).click();
    await page.getByRole('option', { name: 'Женский' }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await expectAccessible(page, '05-recipient-create');
    await page.click('button[type="submit"]');
    // The message is the SNILS input's own description (aria-describedby), and the input is invalid.
    const snilsInput = page.locator('input[name="snils"]');
    await until(async () => (await snilsInput.getAttribute('aria-invalid')) === 'true').catch(
      async (error) => {
        await screenshot(page, 'failed-06-recipient-create-error');
        throw error;
      },
    );
    const describedBy = (await snilsInput.getAttribute('aria-describedby')) ?? '';
    const helper = page.locator(
      describedBy
        .split(' ')
        .map((id) => `[id="${id}"]`)
        .join(', '),
    );
    await helper
      .getByText('Контрольное число СНИЛС не совпадает')
      .waitFor({ timeout: 15_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-06-recipient-create-error');
        throw error;
      });
    await screenshot(page, '06-recipient-create-error');

    const valid = snilsFromBody(987_654_321);
    await page.fill('input[name="snils"]', valid);
    await page.click('button[type="submit"]');
    await page.getByRole('tab', { name: 'Личные данные' }).waitFor({ timeout: 15_000 });
    const stored = await t.gql<{ recipients: { totalCount: number } }>(
      'query ($s: String) { recipients(filter: { snils: $s }) { totalCount } }',
      { s: valid },
    );
    expect(stored.data!.recipients.totalCount).toBe(1);
  });

  it('lists deadlines, providers, housing with occupancy and the roadmap with late measures highlighted', async () => {
    for (const [path, name] of [
      ['deadlines', '07-deadlines'],
      ['providers', '08-providers'],
      ['housingUnits', '09-housing'],
      ['obligations', '10-obligations'],
      ['councilMeetings', '11-council-meetings'],
    ] as const) {
      await page.goto(`${base}/#/${path}`);
      await page
        .locator('table tbody tr')
        .or(page.getByText(/Результатов не найдено|Пока нет|результаты не найдены/))
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(async (error) => {
          await screenshot(page, `failed-${name}`);
          throw error;
        });
      await expectAccessible(page, name);
    }
    await page.goto(`${base}/#/obligations?filter=${encodeURIComponent('{"status":"LATE"}')}`);
    await page.getByText('Просрочено').first().waitFor();
  });

  it('shows the Council the same figures as the indicators query, in charts, downloads the brief, meets full screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const p = await context.newPage();
    await signIn(p, base, 'council');
    await p.locator('[data-testid="tile-peopleIdentified"]').waitFor({ timeout: 20_000 });
    const answer = await t.gql<{
      indicators: {
        asOf: string;
        peopleIdentified: number | null;
        councilDecisionsOverdue: number | null;
        reassessmentsOverdue: number;
        trainingFlatPlaces: number;
        trainingFlatOccupied: number;
        roadmapTotals: { done: number; late: number; total: number } | null;
        peopleEmployed: number;
        peopleInSupportedEmployment: number;
      };
    }>(
      `{ indicators { asOf peopleIdentified councilDecisionsOverdue reassessmentsOverdue trainingFlatPlaces
          trainingFlatOccupied roadmapTotals { done late total } peopleEmployed peopleInSupportedEmployment } }`,
      {},
      { as: Role.COUNCIL_MEMBER },
    );
    const ind = answer.data!.indicators;
    const expected: Record<string, number | null> = {
      peopleIdentified: ind.peopleIdentified,
      councilDecisionsOverdue: ind.councilDecisionsOverdue,
      reassessmentsOverdue: ind.reassessmentsOverdue,
      trainingFlatPlaces: ind.trainingFlatPlaces,
      trainingFlatOccupied: ind.trainingFlatOccupied,
      roadmapDone: ind.roadmapTotals?.done ?? null,
      roadmapLate: ind.roadmapTotals?.late ?? null,
    };
    const shown: Record<string, number | null> = {};
    for (const key of Object.keys(expected)) {
      const tile = p.locator(`[data-testid="tile-${key}"]`);
      const value = await tile.getAttribute('data-value');
      shown[key] = value === '' || value === null ? null : Number(value);
      // The number is on the screen as well, not only in an attribute.
      if (expected[key] !== null) expect(await tile.textContent()).toContain(String(expected[key]));
    }
    expect(shown).toEqual(expected);
    expect(Object.values(expected).some((v) => v !== null && v > 0)).toBe(true);
    expect(await p.locator('[data-testid="tile-roadmapDone"]').textContent()).toContain(
      String(ind.roadmapTotals!.total),
    );
    for (const chart of ['execution', 'stages', 'degrees', 'housing', 'employment']) {
      await p.locator(`[data-testid="chart-${chart}"] svg`).first().waitFor();
    }
    // The ministries' figures on the chart are the employment subgraph's, as the query gives them.
    const work = await p.locator('[data-testid="chart-employment"]').getAttribute('aria-label');
    expect(work).toContain(`Работают: ${ind.peopleEmployed}`);
    expect(work).toContain(`Сопровождаемая занятость (с наставником): ${ind.peopleInSupportedEmployment}`);
    await expectAccessible(p, '15-council-indicators');

    const [download] = await Promise.all([
      p.waitForEvent('download', { timeout: 30_000 }),
      p.getByRole('button', { name: 'Справка к заседанию (DOCX)', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('council-brief.docx');
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    // A DOCX is a ZIP: it starts with "PK".
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    // The meeting mode is its own screen of slides (test/browser/council-admin.e2e-spec.ts).
    await p.getByRole('button', { name: 'Режим заседания' }).click();
    await p.locator('[data-testid="meeting-mode"] [data-testid="slide"]').waitFor();
    await screenshot(p, '16-council-meeting-mode');
    await p.keyboard.press('Escape');
    await p.locator('[data-testid="council-home"]').waitFor();
    await context.close();
  });

  it('offers the new screens by role, each accessible and usable from the keyboard with a visible focus', async () => {
    await signIn(page, base, 'coordinator');
    for (const [path, name, ready] of [
      ['interagencyRequests', '17-interagency-queue', 'Медицинское заключение'],
      ['employers', '18-employers', null],
      ['vacancies', '19-vacancies', null],
      ['staffMembers', '20-staff', null],
      ['roadmaps', '21-roadmaps', null],
    ] as const) {
      await page.goto(`${base}/#/${path}`);
      await page
        .locator('table tbody tr')
        .or(page.getByText(/Результатов не найдено|Пока нет|результаты не найдены/))
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(async (error) => {
          await screenshot(page, `failed-${name}`);
          throw error;
        });
      if (ready) await page.getByText(ready).first().waitFor();
      await expectAccessible(page, name);
    }
    // Keyboard: the roadmap opens from its "show" link reached by Tab, and the focus is visible.
    await page.goto(`${base}/#/roadmaps`);
    await page.locator('table tbody tr').first().waitFor();
    const showLink = page.getByRole('link', { name: 'Просмотр' }).first();
    await showLink.focus();
    const outline = (await page.evaluate(
      '(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()',
    )) as [string, string];
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const afterTabs = (await page.evaluate(
      '(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()',
    )) as [string, string];
    expect(afterTabs[0]).not.toBe('none');
    expect(Number.parseFloat(afterTabs[1])).toBeGreaterThanOrEqual(2);
    expect(outline).toBeDefined();
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="roadmap-tree"] [data-testid="roadmap-item"]')
      .first()
      .waitFor({ timeout: 15_000 });
    await expectAccessible(page, '22-roadmap-tree');

    // An obligation with its progress reports, and the report form with evidence.
    await page.locator('[data-testid="roadmap-item"] a').first().click();
    await page.getByRole('heading', { name: 'Отчёты о выполнении' }).waitFor();
    await expectAccessible(page, '23-obligation');
    await page.getByRole('link', { name: 'Отчитаться о выполнении' }).click();
    await page.locator('textarea[name="text"]').waitFor();
    await page.fill('textarea[name="text"]', 'Проведено совещание с поставщиками, протокол прилагается');
    await page.setInputFiles('input[type="file"]', {
      name: 'protokol.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Протокол совещания'),
    });
    await expectAccessible(page, '24-progress-report');
    await page.click('button[type="submit"]');
    await page.getByText('Проведено совещание с поставщиками').waitFor({ timeout: 15_000 });
    await page.getByText(/protokol\.txt/).waitFor();

    // The import shows what it read before anything is written.
    // A full load: a hash-only change after the report's redirect leaves the router where it was.
    await page.goto(`${base}/?import#/roadmaps/create`);
    await page.locator('#roadmap-file').waitFor();
    await page
      .locator('#roadmap-file')
      .setInputFiles(
        new URL('../../packages/coordination/src/fixtures/seeds/kaliningrad-000.txt', import.meta.url)
          .pathname,
      );
    await page
      .getByRole('button', { name: 'Показать, что будет загружено' })
      .click({ timeout: 15_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-25-roadmap-import');
        throw error;
      });
    await page.locator('[data-testid="roadmap-preview"] tbody tr').first().waitFor({ timeout: 30_000 });
    const before = await t.gql<{ roadmaps: { totalCount: number; edges: { node: { version: number } }[] } }>(
      '{ roadmaps { totalCount edges { node { version } } } }',
    );
    expect(await page.locator('[data-testid="roadmap-preview"] tbody tr').count()).toBeGreaterThan(10);
    await expectAccessible(page, '25-roadmap-import-preview');
    await page.getByRole('button', { name: 'Загрузить дорожную карту' }).click();
    await page.locator('[data-testid="roadmap-tree"]').waitFor({ timeout: 30_000 });
    const after = await t.gql<{ roadmaps: { totalCount: number; edges: { node: { version: number } }[] } }>(
      '{ roadmaps { totalCount edges { node { version } } } }',
    );
    // The same document again changes nothing (the preview wrote nothing either).
    expect(after.data).toEqual(before.data);
  });

  it('gives ministries their own forms: a health officer records a conclusion, employment registers a vacancy', async () => {
    const person = (
      await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
        '{ recipients(first: 1) { edges { node { id } } } }',
      )
    ).data!.recipients.edges[0]!.node;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await signIn(p, base, 'health');
    await p.goto(`${base}/#/recipients/${person.id}/show/health`);
    await p.getByRole('link', { name: 'Записать медицинское заключение' }).click();
    await p.locator('input[name="organisation"]').waitFor();
    await p.fill('input[name="issuedOn"]', '2026-01-15');
    await p.fill('input[name="organisation"]', 'ГБУЗ «Городская поликлиника № 1»');
    await expectAccessible(p, '26-medical-conclusion-form');
    await p.click('button[type="submit"]');
    await p.getByRole('tab', { name: 'Здоровье' }).waitFor({ timeout: 15_000 });
    await p.getByText('ГБУЗ «Городская поликлиника № 1»').first().waitFor({ timeout: 15_000 });
    await context.close();

    const employment = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const q = await employment.newPage();
    await signIn(q, base, 'employment');
    await q.goto(`${base}/#/vacancies/create`);
    await q.locator('input[name="position"]').waitFor();
    await expectAccessible(q, '27-vacancy-form');
    await employment.close();
  });

  it('does not show a provider’s staff member the people of another provider', async () => {
    const all = await t.gql<{
      recipients: {
        edges: { node: { id: string; snils: string; lastName: string; stages: { providerId: string }[] } }[];
      };
    }>('{ recipients(first: 100) { edges { node { id snils lastName stages { providerId } } } } }');
    const byProvider = new Map<string, { id: string; snils: string; lastName: string }[]>();
    for (const { node } of all.data!.recipients.edges) {
      const providers = new Set(node.stages.map((s) => s.providerId));
      if (providers.size !== 1) continue;
      const [provider] = [...providers] as [string];
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), node]);
    }
    const [[mine, own], [, theirs]] = [...byProvider.entries()] as [
      [string, { id: string; snils: string; lastName: string }[]],
      [string, { id: string; snils: string; lastName: string }[]],
    ];
    expect(own.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    const staff = { role: Role.PROVIDER_STAFF, providerId: mine };
    await t.tokenFor(staff); // creates the account the browser signs in with
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await signIn(p, base, `t-provider-staff-${mine.slice(0, 8)}`, TEST_PASSWORD);
    await p.goto(`${base}/#/recipients`);
    await p.locator('tbody tr').getByText(own[0]!.lastName).first().waitFor({ timeout: 15_000 });
    const shown = await p.locator('tbody tr').allInnerTexts();
    for (const other of theirs) expect(shown.join('\n')).not.toContain(formatSnils(other.snils));
    await expectAccessible(p, '28-provider-staff-recipients');
    // Searching by another provider's person's СНИЛС finds nobody.
    await p.fill('input[name="snils"]', theirs[0]!.snils);
    await p
      .getByText(/Результатов не найдено|Пока нет|результаты не найдены/)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await p.locator('tbody tr').getByText(theirs[0]!.lastName).count()).toBe(0);
    // Nor does the card open by its address.
    await p.goto(`${base}/#/recipients/${theirs[0]!.id}/show`);
    // The refusal is awaited as such (an error notice, or the redirect back to the list), not a pause.
    await until(async () => !p.url().includes('/show') || (await p.locator('.MuiSnackbar-root').count()) > 0);
    expect(await p.getByText(theirs[0]!.snils).count()).toBe(0);
    await context.close();
  });

  it('gives a Council member the Council page only, an auditor the audit log, an administrator users', async () => {
    for (const [login, screen, expected, absent] of [
      ['council', '12-council-member', 'Исполнение дорожной карты по ведомствам', 'Получатели'],
      ['auditor', '13-audit-log', 'Журнал аудита', 'Получатели'],
      ['admin', '14-users', 'Пользователи', 'Получатели'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      await signIn(p, base, login);
      if (login === 'auditor') await p.goto(`${base}/#/auditEvents`);
      if (login === 'admin') await p.goto(`${base}/#/accounts`);
      await p.getByText(expected).first().waitFor({ timeout: 15_000 });
      expect(await p.getByRole('menuitem', { name: absent }).count()).toBe(0);
      await expectAccessible(p, screen);
      await context.close();
    }
  });

  it('sends a user whose session ended back to the sign-in page', async () => {
    await page.goto(`${base}/#/recipients`);
    await page.waitForSelector('input[name="snils"]');
    await page.evaluate(`(() => {
      const s = JSON.parse(sessionStorage.getItem('sl.session'));
      sessionStorage.setItem('sl.session', JSON.stringify({ ...s, token: 'forged' }));
    })()`);
    await page.reload();
    await page.waitForSelector('input[name="username"]', { timeout: 15_000 });
    expect(await page.evaluate('sessionStorage.getItem("sl.session")')).toBeNull();
  });

  it('lets health answer a request of its queue, which then leaves the queue', async () => {
    const person = (
      await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
        '{ recipients(first: 1) { edges { node { id } } } }',
      )
    ).data!.recipients.edges[0]!.node;
    const sent = await t.gql<{ sendInteragencyRequest: { id: string } }>(
      `mutation($id: ID!, $sentOn: LocalDate!) { sendInteragencyRequest(input: {
        recipientId: $id, agencyId: "${HEALTH_AGENCY}", subject: MEDICAL_CONCLUSION, sentOn: $sentOn }) { id } }`,
      { id: person.id, sentOn: new Date().toISOString().slice(0, 10) },
    );
    expect(sent.errors).toBeUndefined();
    const requestId = sent.data!.sendInteragencyRequest.id;
    const queue = async () =>
      (
        await t.gql<{ interagencyQueue: { edges: { node: { id: string } }[] } }>(
          '{ interagencyQueue(subject: MEDICAL_CONCLUSION, first: 200) { edges { node { id } } } }',
          {},
          { as: Role.HEALTH_OFFICER },
        )
      ).data!.interagencyQueue.edges.map((e) => e.node.id);
    expect(await queue()).toContain(requestId);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await signIn(p, base, 'health');
    await p.goto(
      `${base}/#/interagencyRequests?filter=${encodeURIComponent('{"subject":"MEDICAL_CONCLUSION"}')}&perPage=100`,
    );
    const answer = p.locator(`a[href*="${requestId}"]`);
    await answer.waitFor({ timeout: 15_000 }).catch(async (error) => {
      await screenshot(p, 'failed-30-interagency-queue');
      throw error;
    });
    expect(await answer.textContent()).toContain('Ответить заключением');
    await answer.click();
    await p.locator('input[name="conclusion.organisation"]').waitFor();
    await p.fill('input[name="conclusion.issuedOn"]', new Date().toISOString().slice(0, 10));
    await p.fill('input[name="conclusion.organisation"]', 'ГБУЗ «Областная больница»');
    await expectAccessible(p, '30-interagency-answer');
    await p.click('button[type="submit"]');
    await p.waitForURL(/#\/interagencyRequests/, { timeout: 15_000 });
    // The list refreshes after the redirect: the answered request is no longer among its rows.
    await until(async () => (await p.locator(`a[href*="${requestId}"]`).count()) === 0);
    expect(await queue()).not.toContain(requestId);
    // The conclusion given in answer heads the list of all conclusions (health officers only).
    await p.goto(`${base}/#/medicalConclusions`);
    await p
      .locator('table tbody tr')
      .first()
      .getByText('ГБУЗ «Областная больница»')
      .waitFor({ timeout: 15_000 });
    await expectAccessible(p, '37-medical-conclusions');
    await context.close();
  });

  it('records a visit’s outcome and a guidance session, showing the server’s refusals on the fields', async () => {
    const now = new Date();
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const people = await t.gql<{
      recipients: {
        edges: { node: { id: string; visits: { id: string; plannedAt: string; delivered: boolean }[] } }[];
      };
    }>(
      'query($from: LocalDate!, $to: LocalDate!) { recipients(first: 50) { edges { node { id visits(from: $from, to: $to) { id plannedAt delivered } } } } }',
      { from: day(-30), to: day(0) },
    );
    expect(people.errors).toBeUndefined();
    const [person, visit, plannedAt] = people
      .data!.recipients.edges.flatMap((e) =>
        e.node.visits
          .filter((v) => !v.delivered && new Date(v.plannedAt) < now)
          .map((v) => [e.node.id, v.id, v.plannedAt] as const),
      )
      .at(0)!;
    const visitTime = new Intl.DateTimeFormat('ru-RU', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Moscow',
    }).format(new Date(plannedAt));
    await signIn(page, base, 'coordinator');
    await page.goto(`${base}/#/recipients/${person}/show/social`);
    // The visit's row (by its time in the region) opens the outcome form.
    const row = page.getByRole('row').filter({ hasText: visitTime });
    await row.getByRole('button', { name: 'Отметить итог' }).click({ timeout: 15_000 });
    await page.locator('input[name="hoursDelivered"]').waitFor();
    await page.getByLabel('Посещение состоялось').check();
    await page.fill('input[name="hoursDelivered"]', '30');
    await page.click('button[type="submit"]');
    const hours = page.locator('input[name="hoursDelivered"]');
    await until(async () => (await hours.getAttribute('aria-invalid')) === 'true').catch(async (error) => {
      await screenshot(page, 'failed-31-visit-outcome');
      throw error;
    });
    await page.getByText('Не больше 24 часов в сутки').first().waitFor();
    await expectAccessible(page, '31-visit-outcome-error');
    await page.fill('input[name="hoursDelivered"]', '1.5');
    await page.click('button[type="submit"]');
    await page
      .getByRole('tab', { name: 'Социальный случай' })
      .waitFor({ timeout: 15_000 })
      .catch(async (error) => {
        await screenshot(page, 'failed-31-visit-outcome-saved');
        throw error;
      });
    const recorded = await t.gql<{
      recipient: { visits: { id: string; delivered: boolean; hoursDelivered: number }[] };
    }>(
      'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { recipient(id: $id) { visits(from: $from, to: $to) { id delivered hoursDelivered } } }',
      { id: person, from: day(-30), to: day(0) },
    );
    expect(recorded.data!.recipient.visits.find((v) => v.id === visit)).toMatchObject({
      delivered: true,
      hoursDelivered: 1.5,
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await signIn(p, base, 'education');
    await p.goto(`${base}/#/recipients/${person}/show/education`);
    await p.getByRole('link', { name: 'Записать профориентационную консультацию' }).click();
    await p.locator('input[name="organisation"]').waitFor();
    await p.fill('input[name="heldOn"]', day(30));
    await p.fill('input[name="organisation"]', 'Центр профориентации «Вектор»');
    await p.fill('textarea[name="professionsText"]', 'Садовник\nПовар');
    await p.click('button[type="submit"]');
    const heldOn = p.locator('input[name="heldOn"]');
    await until(async () => (await heldOn.getAttribute('aria-invalid')) === 'true').catch(async (error) => {
      await screenshot(p, 'failed-32-guidance-session');
      throw error;
    });
    await p.getByText('Дата консультации не может быть позже сегодняшней').first().waitFor();
    await expectAccessible(p, '32-guidance-session-error');
    await p.fill('input[name="heldOn"]', day(-1));
    await p.click('button[type="submit"]');
    await p.getByRole('tab', { name: 'Образование' }).waitFor({ timeout: 15_000 });
    await p.getByText('Центр профориентации «Вектор»').first().waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('titles an obligation by its measure and downloads a report’s evidence file', async () => {
    const first = await t.gql<{
      obligations: { edges: { node: { id: string; item: { key: string; measure: string } } }[] };
    }>('{ obligations(first: 1) { edges { node { id item { key measure } } } } }');
    const obligation = first.data!.obligations.edges[0]!.node;
    const content = 'Протокол рабочей группы № 7';
    const reported = await t.gql(
      `mutation($input: ProgressReportInput!) { reportProgress(input: $input) { id } }`,
      {
        input: {
          obligationId: obligation.id,
          text: 'Рабочая группа собрана',
          evidence: [
            {
              filename: 'протокол-7.txt',
              mediaType: 'text/plain',
              contentBase64: Buffer.from(content).toString('base64'),
            },
          ],
        },
      },
      // Reports come from an agency of the directory: here the demo region's coordination body.
      {
        as: {
          role: Role.COORDINATOR,
          agencyId: agencyIdOf('kaliningrad', 'Министерство социальной политики Калининградской области'),
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const p = await context.newPage();
    await signIn(p, base, 'coordinator');
    await p.goto(`${base}/#/obligations/${obligation.id}/show`);
    const title = p.locator('[data-testid="obligation-title"]').first();
    await title.waitFor({ timeout: 15_000 });
    const text = (await title.textContent()) ?? '';
    expect(text.startsWith(`${obligation.item.key} `)).toBe(true);
    expect(text).toContain(obligation.item.measure.slice(0, 40));
    expect(text).not.toContain(obligation.id);
    const link = p.getByRole('link', { name: /Скачать «протокол-7\.txt»/ });
    await link.waitFor();
    await expectAccessible(p, '33-obligation-evidence');
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), link.click()]);
    expect(download.suggestedFilename()).toBe('протокол-7.txt');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(await download.path()).toString()).toBe(content);
    await context.close();
  });

  it('lists all assessments, enrolments, placements and visits, filtered, each row leading to the person’s card', async () => {
    await signIn(page, base, 'coordinator');
    for (const [path, name, tab] of [
      ['assessments', '34-assessments', 'Социальный случай'],
      ['enrolments', '35-enrolments', 'Образование'],
      ['placements', '36-placements', 'Занятость'],
      ['visits', '38-visits', 'Социальный случай'],
    ] as const) {
      await page.goto(`${base}/#/${path}`);
      await page.locator('table tbody tr').first().waitFor({ timeout: 15_000 });
      await expectAccessible(page, name);
      const firstName = (await page.locator('table tbody tr td').first().textContent()) ?? '';
      expect(firstName.trim().length).toBeGreaterThan(3);
      await page.locator('table tbody tr').first().click();
      await page.getByRole('tab', { name: tab, selected: true }).waitFor({ timeout: 15_000 });
    }
    // A filter narrows the list on the server: the degree filter shows only that degree.
    const degree = (
      await t.gql<{ assessments: { edges: { node: { degree: string } }[] } }>(
        '{ assessments(first: 1) { edges { node { degree } } } }',
      )
    ).data!.assessments.edges[0]!.node.degree;
    const expected = (
      await t.gql<{ assessments: { totalCount: number } }>(
        'query($d: AutonomyDegree) { assessments(filter: { degree: $d }) { totalCount } }',
        { d: degree },
      )
    ).data!.assessments.totalCount;
    await page.goto(
      `${base}/#/assessments?filter=${encodeURIComponent(JSON.stringify({ degree }))}&perPage=100`,
    );
    await until(async () => (await page.locator('table tbody tr').count()) === expected);
  });

  it('does not offer an administrator the Council page the graph would refuse them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await signIn(p, base, 'admin');
    await p
      .getByRole('heading', { name: 'Сопровождаемое проживание', level: 1 })
      .waitFor({ timeout: 15_000 });
    expect(await p.locator('[data-testid="council-home"]').count()).toBe(0);
    expect(await p.getByRole('menuitem', { name: /Заседания|Дорожн|Мероприяти/ }).count()).toBe(0);
    await context.close();
  });

  it('shows a roadmap measure going late when its due date passes', async () => {
    const next = await t.gql<{
      obligations: {
        edges: {
          node: {
            id: string;
            dueDate: string;
            item: { measure: string; roadmapId: string };
            responsibleAgency: { id: string } | null;
          };
        }[];
      };
    }>(
      '{ obligations(first: 1, filter: { status: NOT_STARTED }) { edges { node { id dueDate item { measure roadmapId } responsibleAgency { id } } } } }',
    );
    const obligation = next.data!.obligations.edges[0]!.node;
    await signIn(page, base, 'coordinator');
    await page.goto(`${base}/#/obligations/${obligation.id}/show`);
    await page.getByText('Не начато').first().waitFor({ timeout: 15_000 });
    expect(await page.getByText(/Просрочено/).count()).toBe(0);

    // Three days after the due date (noon in Moscow), the same page says it is late and by how much.
    clock.set(new Date(`${obligation.dueDate}T09:00:00Z`));
    clock.advanceDays(3);
    // The session of the old "today" has ended on the server; the user signs in again.
    await signIn(page, base, 'coordinator');
    await page.goto(`${base}/#/obligations/${obligation.id}/show`);
    await page.getByText(/^Просрочено: [23] дн(я|ей) просрочки$/).waitFor({ timeout: 15_000 });
    await screenshot(page, '29-obligation-late');
    // Among the late measures of its roadmap and agency due by then (other measures may be late
    // too, so the list is narrowed to where this one must be, on one page).
    const filter = {
      status: 'LATE',
      roadmapId: obligation.item.roadmapId,
      dueBefore: obligation.dueDate,
      ...(obligation.responsibleAgency ? { agencyId: obligation.responsibleAgency.id } : {}),
    };
    await page.goto(`${base}/#/obligations?filter=${encodeURIComponent(JSON.stringify(filter))}&perPage=100`);
    await page
      .locator('tbody tr')
      .getByText(obligation.item.measure.slice(0, 40))
      .first()
      .waitFor({ timeout: 15_000 });
  });
});
