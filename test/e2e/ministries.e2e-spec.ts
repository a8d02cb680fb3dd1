import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { shareWith } from '../support/consent.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// The health, education and employment records of a person, written by each ministry's officer
// through the gateway: the happy path, each refusal with its stable code (and nothing written),
// and who may write.

const TODAY = '2026-11-20';
const HEALTH = { as: Role.HEALTH_OFFICER };
const EDUCATION = { as: Role.EDUCATION_OFFICER };
const EMPLOYMENT = { as: Role.EMPLOYMENT_OFFICER };

const CARD = `query($id: ID!) { recipient(id: $id) {
  rehabilitationEpisodes { id setting condition startDate endDate }
  mobileTeamVisits { id visitedOn team }
  pmpkRecommendations { id issuedOn programme conditions }
  guidanceSessions { id heldOn suggestedProfessions }
  enrolments { id status endDate }
  placements { id endDate quota vacancy { id } }
  employed registeredUnemployed
  employmentSupports { kind startDate endDate } } }`;
interface Card {
  rehabilitationEpisodes: { id: string; condition: string | null }[];
  mobileTeamVisits: unknown[];
  pmpkRecommendations: unknown[];
  guidanceSessions: { suggestedProfessions: string[] }[];
  enrolments: { id: string; status: string; endDate: string | null }[];
  placements: { id: string; endDate: string | null; quota: boolean; vacancy: { id: string } | null }[];
  employed: boolean;
  registeredUnemployed: boolean;
  employmentSupports: { kind: string }[];
}

const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

describe('ministries’ records of a person, written through the gateway', () => {
  let t: TestSystem;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestSystem({ clock: new ManualClock(new Date(`${TODAY}T09:00:00Z`)) });
  });
  afterAll(() => t.stop());

  /** A new person of the authorised body: every ministry's record hangs on the same id. */
  async function newPerson(): Promise<string> {
    seq += 1;
    const res = await t.gql<{ createRecipient: { id: string } }>(
      'mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }',
      {
        input: {
          snils: snilsFromBody(200_000_000 + seq * 1013),
          lastName: `Ведомственный-${'абвгдежзиклмнопрстуфхцчшщ'[seq]}`,
          firstName: 'Пётр',
          birthDate: '1995-03-04',
          sex: 'MALE',
          municipality: 'г. Калуга',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    // The ministries write about a person only under their consent to share with them (issue 23).
    await shareWith(t, res.data!.createRecipient.id, ['HEALTH', 'EDUCATION', 'EMPLOYMENT']);
    return res.data!.createRecipient.id;
  }
  async function card(id: string): Promise<Card> {
    const res = await t.gql<{ recipient: Card }>(CARD, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.recipient;
  }

  describe('health', () => {
    const EPISODE = `mutation($input: RecordRehabilitationEpisodeInput!) { recordRehabilitationEpisode(input: $input) {
      id setting organisation condition startDate endDate } }`;
    const VISIT = `mutation($input: RecordMobileTeamVisitInput!) { recordMobileTeamVisit(input: $input) {
      id visitedOn team help } }`;

    it('records a medical-rehabilitation episode; refuses bad dates and codes, writing nothing', async () => {
      const id = await newPerson();
      const input = {
        recipientId: id,
        setting: 'DAY_HOSPITAL',
        organisation: 'ГБУЗ «Областной реабилитационный центр»',
        condition: 'f70.0',
        startDate: '2026-10-01',
        endDate: '2026-10-28',
      };
      const refusals: [Record<string, unknown>, string][] = [
        [{ startDate: '2026-11-21', endDate: null }, 'DATE_IN_FUTURE'],
        [{ endDate: '2026-09-30' }, 'DATES_ORDER_INVALID'],
        [{ condition: 'психоз' }, 'VALIDATION_FAILED'],
        [{ organisation: 'Я' }, 'VALIDATION_FAILED'],
        [{ recipientId: 'not-a-uuid' }, 'VALIDATION_FAILED'],
        [{ setting: 'AT_HOME' }, 'BAD_USER_INPUT'],
      ];
      for (const [change, code] of refusals) {
        expect(codeOf(await t.gql(EPISODE, { input: { ...input, ...change } }, HEALTH))).toBe(code);
      }
      // health details are written by the ministry of health only
      expect(codeOf(await t.gql(EPISODE, { input }, EDUCATION))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(EPISODE, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(EPISODE, { input }, { as: 'anonymous' }))).toBe('UNAUTHENTICATED');
      expect((await card(id)).rehabilitationEpisodes).toEqual([]);

      const ok = await t.gql<{ recordRehabilitationEpisode: Record<string, unknown> }>(
        EPISODE,
        { input },
        HEALTH,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.recordRehabilitationEpisode).toMatchObject({
        setting: 'DAY_HOSPITAL',
        condition: 'F70.0',
        startDate: '2026-10-01',
        endDate: '2026-10-28',
      });
      expect((await card(id)).rehabilitationEpisodes).toHaveLength(1);
    });

    it('records a mobile medical team visit (seed 003 item 1.9); refuses a future date and empty help', async () => {
      const id = await newPerson();
      const input = {
        recipientId: id,
        visitedOn: '2026-11-19',
        team: 'Выездная психиатрическая бригада ЦРБ',
        help: 'Осмотр на дому, коррекция терапии',
      };
      expect(codeOf(await t.gql(VISIT, { input: { ...input, visitedOn: '2026-11-21' } }, HEALTH))).toBe(
        'DATE_IN_FUTURE',
      );
      expect(codeOf(await t.gql(VISIT, { input: { ...input, help: '' } }, HEALTH))).toBe('VALIDATION_FAILED');
      expect(codeOf(await t.gql(VISIT, { input: { ...input, team: 'x' } }, HEALTH))).toBe(
        'VALIDATION_FAILED',
      );
      expect(codeOf(await t.gql(VISIT, { input }, EMPLOYMENT))).toBe('FORBIDDEN');
      expect((await card(id)).mobileTeamVisits).toEqual([]);
      const ok = await t.gql<{ recordMobileTeamVisit: { visitedOn: string } }>(VISIT, { input }, HEALTH);
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.recordMobileTeamVisit.visitedOn).toBe('2026-11-19');
      expect((await card(id)).mobileTeamVisits).toHaveLength(1);
    });
  });

  describe('education', () => {
    const PMPK = `mutation($input: RecordPmpkRecommendationInput!) { recordPmpkRecommendation(input: $input) {
      id issuedOn commission programme conditions } }`;
    const GUIDANCE = `mutation($input: RecordGuidanceSessionInput!) { recordGuidanceSession(input: $input) {
      id heldOn suggestedProfessions } }`;
    const ENROL = `mutation($input: EnrolRecipientInput!) { enrolRecipient(input: $input) { id status startDate } }`;
    const FINISH = `mutation($input: FinishEnrolmentInput!) { finishEnrolment(input: $input) { id status endDate } }`;

    it('records a ПМПК recommendation (seed 003 item 2.14); refuses a future date and a blank commission', async () => {
      const id = await newPerson();
      const input = {
        recipientId: id,
        issuedOn: '2026-06-14',
        commission: 'Центральная ПМПК',
        programme: 'АООП, вариант 2',
        conditions: 'Тьютор, малая группа',
      };
      expect(codeOf(await t.gql(PMPK, { input: { ...input, issuedOn: '2026-12-01' } }, EDUCATION))).toBe(
        'DATE_IN_FUTURE',
      );
      expect(codeOf(await t.gql(PMPK, { input: { ...input, commission: '' } }, EDUCATION))).toBe(
        'VALIDATION_FAILED',
      );
      // an education officer does not write health data, nor a health officer education data
      expect(codeOf(await t.gql(PMPK, { input }, HEALTH))).toBe('FORBIDDEN');
      expect((await card(id)).pmpkRecommendations).toEqual([]);
      const ok = await t.gql<{ recordPmpkRecommendation: Record<string, unknown> }>(
        PMPK,
        { input },
        EDUCATION,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.recordPmpkRecommendation).toMatchObject({ programme: 'АООП, вариант 2' });
      expect((await card(id)).pmpkRecommendations).toHaveLength(1);
    });

    it('records a vocational guidance session (seed 003 item 2.16); refuses too many or blank professions', async () => {
      const id = await newPerson();
      const input = {
        recipientId: id,
        heldOn: '2026-11-10',
        organisation: 'Профессионально-педагогический колледж',
        suggestedProfessions: [' Садовник ', 'Укладчик-упаковщик'],
      };
      const eleven = Array.from({ length: 11 }, (_, i) => `Профессия ${i}`);
      expect(
        codeOf(await t.gql(GUIDANCE, { input: { ...input, suggestedProfessions: eleven } }, EDUCATION)),
      ).toBe('VALIDATION_FAILED');
      expect(
        codeOf(await t.gql(GUIDANCE, { input: { ...input, suggestedProfessions: [''] } }, EDUCATION)),
      ).toBe('VALIDATION_FAILED');
      expect(codeOf(await t.gql(GUIDANCE, { input: { ...input, heldOn: '2026-11-21' } }, EDUCATION))).toBe(
        'DATE_IN_FUTURE',
      );
      expect(codeOf(await t.gql(GUIDANCE, { input }, EMPLOYMENT))).toBe('FORBIDDEN');
      expect((await card(id)).guidanceSessions).toEqual([]);
      const ok = await t.gql(GUIDANCE, { input }, EDUCATION);
      expect(ok.errors).toBeUndefined();
      expect((await card(id)).guidanceSessions).toEqual([
        expect.objectContaining({
          suggestedProfessions: ['Садовник', 'Укладчик-упаковщик'],
          heldOn: '2026-11-10',
        }),
      ]);
    });

    it('completes or interrupts an enrolment (seed 000 item 9), once, within its dates', async () => {
      const id = await newPerson();
      const enrol = (programme: string) =>
        t.gql<{ enrolRecipient: { id: string; status: string } }>(
          ENROL,
          {
            input: {
              recipientId: id,
              level: 'VOCATIONAL',
              organisation: 'ГБПОУ «Техникум сервиса»',
              programme,
              form: 'PART_TIME',
              startDate: '2025-09-01',
            },
          },
          EDUCATION,
        );
      const cook = await enrol('Повар');
      expect(cook.data!.enrolRecipient.status).toBe('ACTIVE');
      expect(codeOf(await enrol('Повар'))).toBe('ALREADY_ENROLLED');
      const baker = await enrol('Пекарь');
      const cookId = cook.data!.enrolRecipient.id;

      const finish = (enrolmentId: string, endDate: string, completed: boolean, as = EDUCATION) =>
        t.gql<{ finishEnrolment: { status: string; endDate: string } }>(
          FINISH,
          { input: { enrolmentId, endDate, completed } },
          as,
        );
      expect(codeOf(await finish(cookId, '2025-08-31', true))).toBe('END_DATE_INVALID');
      expect(codeOf(await finish(cookId, '2026-11-21', true))).toBe('END_DATE_INVALID');
      expect(codeOf(await finish('00000000-0000-4000-8000-000000000e01', '2026-06-30', true))).toBe(
        'NOT_FOUND',
      );
      expect(codeOf(await finish(cookId, '2026-06-30', true, HEALTH))).toBe('FORBIDDEN');
      expect((await card(id)).enrolments.every((e) => e.status === 'ACTIVE' && e.endDate === null)).toBe(
        true,
      );

      const completed = await finish(cookId, '2026-06-30', true);
      expect(completed.data!.finishEnrolment).toMatchObject({ status: 'COMPLETED', endDate: '2026-06-30' });
      expect(codeOf(await finish(cookId, '2026-07-01', false))).toBe('ENROLMENT_NOT_ACTIVE');
      const interrupted = await finish(baker.data!.enrolRecipient.id, TODAY, false);
      expect(interrupted.data!.finishEnrolment.status).toBe('INTERRUPTED');
      // once the first is completed, the same programme can be taken again
      expect((await enrol('Повар')).errors).toBeUndefined();
    });
  });

  describe('employment', () => {
    const EMPLOYER = `mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { id } }`;
    const VACANCY = `mutation($input: CreateVacancyInput!) { createVacancy(input: $input) {
      id position quota origin openedOn closedOn employer { id } } }`;
    const PLACE = `mutation($input: PlaceRecipientInput!) { placeRecipient(input: $input) { id quota vacancy { id } } }`;
    const END = `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id endDate } }`;
    const SUPPORT = `mutation($input: RecordEmploymentSupportInput!) { recordEmploymentSupport(input: $input) {
      kind startDate } }`;
    const FIGURES = `{ indicators(asOf: "${TODAY}") {
      vacanciesOpen quotaVacanciesOpen workplacesCreated workplacesEquipped workplacesAboveQuota } }`;
    type Figures = Record<
      | 'vacanciesOpen'
      | 'quotaVacanciesOpen'
      | 'workplacesCreated'
      | 'workplacesEquipped'
      | 'workplacesAboveQuota',
      number
    >;

    let employerId: string;
    let otherEmployerId: string;
    const inns = ['7707083893', '7736050003', '7702070139', '7704217370'];

    beforeAll(async () => {
      const ids: string[] = [];
      for (const [i, inn] of inns.entries()) {
        const res = await t.gql<{ createEmployer: { id: string } }>(
          EMPLOYER,
          { input: { name: `Работодатель ${i + 1}`, inn } },
          EMPLOYMENT,
        );
        expect(res.errors).toBeUndefined();
        ids.push(res.data!.createEmployer.id);
      }
      [employerId, otherEmployerId] = ids as [string, string];
    });

    const vacancy = (change: Record<string, unknown> = {}, as = EMPLOYMENT) =>
      t.gql<{ createVacancy: { id: string; quota: boolean; origin: string; closedOn: string | null } }>(
        VACANCY,
        {
          input: {
            employerId,
            position: 'Укладчик-упаковщик',
            workKind: 'PACKING',
            quota: true,
            origin: 'REGULAR',
            openedOn: '2026-11-01',
            ...change,
          },
        },
        as,
      );
    const figures = async () =>
      (await t.gql<{ indicators: Figures }>(FIGURES, {}, EMPLOYMENT)).data!.indicators;

    it('records quota jobs and created, equipped and above-quota workplaces (seed 004 items 2.2.1, 2.2.3–2.2.4)', async () => {
      const before = await figures();
      const quota = await vacancy();
      expect(quota.data!.createVacancy).toMatchObject({ quota: true, origin: 'REGULAR', closedOn: null });
      expect((await vacancy({ origin: 'CREATED', quota: false })).errors).toBeUndefined();
      expect((await vacancy({ origin: 'EQUIPPED' })).errors).toBeUndefined();
      expect((await vacancy({ origin: 'ABOVE_QUOTA', quota: false })).errors).toBeUndefined();
      // 004 item 2.2.4: a workplace above the quota is not a quota job
      expect(codeOf(await vacancy({ origin: 'ABOVE_QUOTA', quota: true }))).toBe('QUOTA_CONFLICT');
      expect(codeOf(await vacancy({ openedOn: '2026-11-21' }))).toBe('DATE_IN_FUTURE');
      expect(codeOf(await vacancy({ employerId: '00000000-0000-4000-8000-00000000e404' }))).toBe('NOT_FOUND');
      expect(codeOf(await vacancy({ position: '' }))).toBe('VALIDATION_FAILED');
      expect(codeOf(await vacancy({ workKind: 'ASTRONAUT' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await vacancy({}, HEALTH))).toBe('FORBIDDEN');
      expect(codeOf(await vacancy({}, { as: Role.COORDINATOR }))).toBe('FORBIDDEN');

      const after = await figures();
      // the refusals wrote nothing: exactly the four accepted vacancies count
      expect(after.vacanciesOpen - before.vacanciesOpen).toBe(4);
      expect(after.quotaVacanciesOpen - before.quotaVacanciesOpen).toBe(2);
      expect(after.workplacesCreated - before.workplacesCreated).toBe(1);
      expect(after.workplacesEquipped - before.workplacesEquipped).toBe(1);
      expect(after.workplacesAboveQuota - before.workplacesAboveQuota).toBe(1);

      const quotaJobs = await t.gql<{ vacancies: { edges: { node: { quota: boolean } }[] } }>(
        'query($id: ID) { vacancies(filter: { employerId: $id, quota: true, open: true }) { edges { node { quota } } } }',
        { id: employerId },
        { as: Role.COUNCIL_MEMBER },
      );
      expect(quotaJobs.errors).toBeUndefined();
      expect(quotaJobs.data!.vacancies.edges.map((e) => e.node.quota)).toEqual([true, true]);
      const badFilter = await t.gql('{ vacancies(filter: { employerId: "x" }) { edges { node { id } } } }');
      expect(codeOf(badFilter)).toBe('VALIDATION_FAILED');
    });

    it('places a person on a quota vacancy and closes it; ends the placement once, within its dates', async () => {
      const id = await newPerson();
      const quotaJob = (await vacancy({ position: 'Фасовщик' })).data!.createVacancy.id;
      const place = (change: Record<string, unknown> = {}) =>
        t.gql<{ placeRecipient: { id: string; quota: boolean; vacancy: { id: string } | null } }>(
          PLACE,
          {
            input: {
              recipientId: id,
              employerId,
              vacancyId: quotaJob,
              position: 'Фасовщик',
              startDate: '2026-11-05',
              ...change,
            },
          },
          EMPLOYMENT,
        );
      expect(codeOf(await place({ employerId: otherEmployerId }))).toBe('VACANCY_OF_ANOTHER_EMPLOYER');
      expect(codeOf(await place({ startDate: '2026-10-30' }))).toBe('VACANCY_CLOSED');
      expect((await card(id)).placements).toEqual([]);
      const placed = await place();
      expect(placed.errors).toBeUndefined();
      // 004 item 2.2.1: the placement is on a quota job, and the vacancy is filled
      expect(placed.data!.placeRecipient).toMatchObject({ quota: true, vacancy: { id: quotaJob } });
      expect(codeOf(await place())).toBe('VACANCY_CLOSED');
      const placementId = placed.data!.placeRecipient.id;

      const end = (endDate: string, as = EMPLOYMENT, placement = placementId) =>
        t.gql<{ endPlacement: { endDate: string } }>(END, { input: { placementId: placement, endDate } }, as);
      expect(codeOf(await end('2026-11-04'))).toBe('END_DATE_INVALID');
      expect(codeOf(await end('2026-11-21'))).toBe('END_DATE_INVALID');
      expect(codeOf(await end('2026-11-10', EDUCATION))).toBe('FORBIDDEN');
      expect(codeOf(await end('2026-11-10', EMPLOYMENT, '00000000-0000-4000-8000-00000000e405'))).toBe(
        'NOT_FOUND',
      );
      expect((await card(id)).employed).toBe(true);
      const ended = await end('2026-11-10');
      expect(ended.data!.endPlacement.endDate).toBe('2026-11-10');
      expect(codeOf(await end('2026-11-12'))).toBe('PLACEMENT_ALREADY_ENDED');
      const after = await card(id);
      expect(after.employed).toBe(false);
      expect(after.placements).toEqual([
        expect.objectContaining({ endDate: '2026-11-10', quota: true, vacancy: { id: quotaJob } }),
      ]);
    });

    it('gives training and own-business support only to the registered unemployed (seed 004 items 2.1.1–2.1.3)', async () => {
      const id = await newPerson();
      const support = (kind: string, startDate: string, programme: string | null = null) =>
        t.gql(SUPPORT, { input: { recipientId: id, kind, startDate, programme } }, EMPLOYMENT);
      // 004 item 2.1.1: vocational training for the unemployed; 2.1.3: own business for those with the status
      expect(codeOf(await support('VOCATIONAL_TRAINING', '2026-11-01', 'Оператор котельной'))).toBe(
        'UNEMPLOYED_STATUS_REQUIRED',
      );
      expect(codeOf(await support('SELF_EMPLOYMENT_SUPPORT', '2026-11-01', 'Бизнес-план'))).toBe(
        'UNEMPLOYED_STATUS_REQUIRED',
      );
      expect((await card(id)).employmentSupports).toEqual([]);
      // 004 item 2.1.2: vocational guidance for anyone who comes to the agency
      expect((await support('VOCATIONAL_GUIDANCE', '2026-10-15')).errors).toBeUndefined();

      // a person at work is not unemployed
      const placed = await t.gql<{ placeRecipient: { id: string } }>(
        PLACE,
        {
          input: {
            recipientId: id,
            employerId,
            position: 'Уборщик',
            workKind: 'CLEANING',
            startDate: '2026-10-01',
          },
        },
        EMPLOYMENT,
      );
      expect(placed.errors).toBeUndefined();
      expect(codeOf(await support('UNEMPLOYMENT_REGISTRATION', '2026-10-20'))).toBe('EMPLOYED_ON_DATE');
      await t.gql(
        END,
        { input: { placementId: placed.data!.placeRecipient.id, endDate: '2026-10-31' } },
        EMPLOYMENT,
      );
      expect((await support('UNEMPLOYMENT_REGISTRATION', '2026-11-02')).errors).toBeUndefined();
      expect(codeOf(await support('UNEMPLOYMENT_REGISTRATION', '2026-11-03'))).toBe('ALREADY_REGISTERED');
      // the status counts from its own date: training begun before it is still refused
      expect(codeOf(await support('VOCATIONAL_TRAINING', '2026-11-01', 'Оператор котельной'))).toBe(
        'UNEMPLOYED_STATUS_REQUIRED',
      );
      expect(
        (await support('VOCATIONAL_TRAINING', '2026-11-09', 'Оператор котельной')).errors,
      ).toBeUndefined();
      expect((await support('SELF_EMPLOYMENT_SUPPORT', '2026-11-10', 'Бизнес-план')).errors).toBeUndefined();
      expect(codeOf(await support('VOCATIONAL_TRAINING', '2026-11-21'))).toBe('DATE_IN_FUTURE');
      expect(
        codeOf(
          await t.gql(
            SUPPORT,
            { input: { recipientId: id, kind: 'VOCATIONAL_GUIDANCE', startDate: '2026-11-01' } },
            HEALTH,
          ),
        ),
      ).toBe('FORBIDDEN');

      const after = await card(id);
      expect(after.registeredUnemployed).toBe(true);
      expect(after.employmentSupports.map((s) => s.kind).sort()).toEqual([
        'SELF_EMPLOYMENT_SUPPORT',
        'UNEMPLOYMENT_REGISTRATION',
        'VOCATIONAL_GUIDANCE',
        'VOCATIONAL_TRAINING',
      ]);
    });

    it('pages employers and vacancies for a fixed number of statements, whatever the page size', async () => {
      const cost = async (query: string, first: number) => {
        t.resetQueries();
        const res = await t.gql<Record<string, { edges: unknown[] }>>(query, { first }, EMPLOYMENT);
        expect(res.errors).toBeUndefined();
        const [list] = Object.values(res.data!);
        return { size: list!.edges.length, statements: t.queries.get('employment')?.length ?? 0 };
      };
      const EMPLOYERS = 'query($first: Int) { employers(first: $first) { edges { node { id name inn } } } }';
      const VACANCIES = `query($first: Int) { vacancies(first: $first) {
        edges { node { id position quota origin employer { id name inn } } } } }`;
      for (const query of [EMPLOYERS, VACANCIES]) {
        const one = await cost(query, 1);
        const many = await cost(query, 50);
        expect(one.size).toBe(1);
        expect(many.size).toBeGreaterThanOrEqual(4);
        // the page, and for vacancies one batched load of their employers: no audit, no personal data
        expect(many.statements).toBe(one.statements);
        expect(many.statements).toBeLessThanOrEqual(2);
      }
    });
  });
});
