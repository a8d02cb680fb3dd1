import { ManualClock, Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

type Count = { key: string; label: string | null; people: number };
type Execution = {
  agencyId: string | null;
  agencyName: string | null;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  late: number;
};
interface Figures {
  scope: string;
  asOf: string;
  municipality: string | null;
  peopleIdentified: number | null;
  councilDecisionsOverdue: number | null;
  roadmapByAgency: Execution[] | null;
  roadmapTotals: Execution | null;
  targets: { indicator: string; value: number; itemNumber: string; comparator: string }[];
  applications: {
    submitted: number;
    decided: number;
    decidedOnTime: number;
    shareDecidedOnTime: number | null;
    pending: number;
    pendingOverdue: number;
  };
  peopleByStage: Count[];
  peopleByAutonomyDegree: Count[];
  peopleByServiceType: Count[];
  reassessmentsOverdue: number;
  housing: { kind: string; units: number; places: number; occupied: number }[];
  trainingFlatPlaces: number;
  trainingFlatOccupied: number;
  otherHousingPlaces: number;
  otherHousingOccupied: number;
}

/** The ministries' fields of `Indicators`: every one is checked against the tables below. */
const HEALTH = [
  'medicalConclusionsIssued',
  'medicalConclusionsWithContraindications',
  'medicalConclusionsValid',
  'interagencyRequestsAnsweredByHealth',
  'peopleInMedicalRehabilitation',
  'mobileTeamVisits',
] as const;
const EDUCATION = [
  'peopleInEducation',
  'peopleInGeneralEducation',
  'peopleInVocationalEducation',
  'peopleInFurtherProfessionalEducation',
  'educationProgrammesCompleted',
  'pmpkRecommendationsIssued',
  'vocationalGuidanceSessions',
] as const;
/** Employment figures told apart by the employer's municipality. */
const EMPLOYMENT_BY_EMPLOYER = [
  'peopleEmployed',
  'peopleInSupportedEmployment',
  'peopleOnQuotaJobs',
  'vacanciesOpen',
  'quotaVacanciesOpen',
  'workplacesCreated',
  'workplacesEquipped',
  'workplacesAboveQuota',
] as const;
const EMPLOYMENT_REGIONAL = [
  'registeredUnemployed',
  'peopleInVocationalTraining',
  'vocationalGuidanceGiven',
  'selfEmploymentSupported',
] as const;
const MINISTRY_FIELDS = [...HEALTH, ...EDUCATION, ...EMPLOYMENT_BY_EMPLOYER, ...EMPLOYMENT_REGIONAL];
type MinistryFigures = Record<(typeof MINISTRY_FIELDS)[number], number | null>;

const FIELDS = `scope asOf municipality peopleIdentified councilDecisionsOverdue
  roadmapByAgency { agencyId agencyName total done inProgress notStarted late }
  roadmapTotals { total done inProgress notStarted late }
  targets { indicator value itemNumber comparator }
  applications { submitted decided decidedOnTime shareDecidedOnTime pending pendingOverdue }
  peopleByStage { key label people } peopleByAutonomyDegree { key label people }
  peopleByServiceType { key label people } reassessmentsOverdue
  housing { kind units places occupied }
  trainingFlatPlaces trainingFlatOccupied otherHousingPlaces otherHousingOccupied
  ${MINISTRY_FIELDS.join(' ')}`;

const TODAY = '2026-01-15';
const clock = new ManualClock(new Date(`${TODAY}T09:00:00Z`));

// Rows straight from the tables; every expected figure below is counted from them in plain code.
type Raw = Record<string, unknown>;

describe('live indicators for the Council', () => {
  let t: TestSystem;
  const sql = async (
    subgraph: 'social' | 'coordination' | 'health' | 'education' | 'employment',
    query: string,
  ): Promise<Raw[]> =>
    (await t.system.runtimes.get(subgraph)!.orm.em.fork().getConnection().execute(query)) as Raw[];

  beforeAll(async () => {
    // Figures counted on every request: the statement counts below are those of a recount
    // (indicators-cache.e2e-spec shows what is kept between requests).
    t = await startTestSystem({
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60', INDICATORS_MAX_AGE_SECONDS: '0' },
      clock,
    });
  });
  afterAll(() => t.stop());

  async function expected(asOf: string, municipality: string | null) {
    const people = await sql('social', 'select id, municipality from social.recipient');
    const inScope = new Set(
      people.filter((p) => municipality === null || p.municipality === municipality).map((p) => p.id),
    );
    const apps = (
      await sql(
        'social',
        `select recipient_id, to_char(submitted_on,'YYYY-MM-DD') s, to_char(decided_on,'YYYY-MM-DD') d,
           to_char(decision_due_on,'YYYY-MM-DD') due from social.application`,
      )
    ).filter((a) => inScope.has(a.recipient_id) && String(a.s) <= asOf);
    const decidedBy = (a: Raw) => a.d !== null && String(a.d) <= asOf;
    const decided = apps.filter(decidedBy);
    // seed 001 §14: the decision within 10 calendar days of the application
    const onTime = decided.filter((a) => String(a.d) <= String(a.due));
    const stages = (
      await sql(
        'social',
        `select recipient_id, kind, to_char(started_on,'YYYY-MM-DD') s, to_char(ended_on,'YYYY-MM-DD') e,
           end_reason from social.stage`,
      )
    ).filter((s) => inScope.has(s.recipient_id));
    const active = stages.filter((s) => String(s.s) <= asOf && (s.e === null || String(s.e) > asOf));
    const byStage = new Map<string, Set<unknown>>();
    for (const s of active)
      byStage.set(String(s.kind), (byStage.get(String(s.kind)) ?? new Set()).add(s.recipient_id));
    const terminated = new Set(
      stages.filter((s) => s.end_reason === 'TERMINATED' && String(s.e) <= asOf).map((s) => s.recipient_id),
    );
    const assessments = (
      await sql(
        'social',
        `select recipient_id, degree, service_type_code, to_char(assessed_on,'YYYY-MM-DD') a,
           to_char(reassessment_due_on,'YYYY-MM-DD') r, created_at from social.assessment`,
      )
    ).filter((a) => inScope.has(a.recipient_id) && String(a.a) <= asOf && !terminated.has(a.recipient_id));
    const latest = new Map<unknown, Raw>();
    for (const a of assessments) {
      const prev = latest.get(a.recipient_id);
      if (
        !prev ||
        `${a.a}${(a.created_at as Date).toISOString()}` >
          `${prev.a}${(prev.created_at as Date).toISOString()}`
      )
        latest.set(a.recipient_id, a);
    }
    const tally = (values: unknown[]) => {
      const m = new Map<string, number>();
      for (const v of values) m.set(String(v), (m.get(String(v)) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    const units = (
      await sql('social', 'select id, kind, places, municipality from social.housing_unit')
    ).filter((u) => municipality === null || u.municipality === municipality);
    const occupancy = await sql(
      'social',
      `select unit_id, to_char(from_date,'YYYY-MM-DD') f, to_char(to_date,'YYYY-MM-DD') t from social.housing_occupancy`,
    );
    const occupiedIn = (unitIds: Set<unknown>) =>
      occupancy.filter(
        (o) => unitIds.has(o.unit_id) && String(o.f) <= asOf && (o.t === null || String(o.t) > asOf),
      ).length;
    const training = units.filter((u) => u.kind === 'TRAINING_FLAT');
    const other = units.filter((u) => u.kind !== 'TRAINING_FLAT');
    const places = (list: Raw[]) => list.reduce((s, u) => s + Number(u.places), 0);
    return {
      applications: {
        submitted: apps.length,
        decided: decided.length,
        decidedOnTime: onTime.length,
        pending: apps.length - decided.length,
        pendingOverdue: apps.filter((a) => !decidedBy(a) && String(a.due) < asOf).length,
      },
      byStage: Object.fromEntries([...byStage].map(([k, v]) => [k, v.size])),
      byDegree: tally([...latest.values()].map((a) => a.degree)),
      byServiceType: tally([...latest.values()].map((a) => a.service_type_code)),
      reassessmentsOverdue: [...latest.values()].filter((a) => String(a.r) < asOf).length,
      trainingFlatPlaces: places(training),
      trainingFlatOccupied: occupiedIn(new Set(training.map((u) => u.id))),
      otherHousingPlaces: places(other),
      otherHousingOccupied: occupiedIn(new Set(other.map((u) => u.id))),
    };
  }

  async function expectedCoordination(asOf: string) {
    const registry = await sql(
      'coordination',
      `select to_char(identified_on,'YYYY-MM-DD') d from coordination.need_registry_entry`,
    );
    const decisions = await sql(
      'coordination',
      `select to_char(d.due_date,'YYYY-MM-DD') due, d.status, to_char(d.done_on,'YYYY-MM-DD') done,
         to_char(m.held_on,'YYYY-MM-DD') held from coordination.council_decision d join coordination.council_meeting m on m.id = d.meeting_id`,
    );
    const obligations = await sql(
      'coordination',
      // One row per executing agency of the item, responsible or co-executing (none: one row, null).
      `select e.agency_id a, o.status, to_char(o.due_date,'YYYY-MM-DD') due,
         to_char(o.completed_on,'YYYY-MM-DD') done,
         (select to_char(min(reported_on),'YYYY-MM-DD') from coordination.progress_report p where p.obligation_id = o.id) reported
       from coordination.obligation o
       left join (select distinct item_id, agency_id from coordination.item_executor where agency_id is not null) e
         on e.item_id = o.item_id`,
    );
    const counts = new Map<string, { done: number; late: number; inProgress: number; total: number }>();
    for (const o of obligations.filter((x) => x.status !== 'CANCELLED')) {
      const c = counts.get(String(o.a)) ?? { done: 0, late: 0, inProgress: 0, total: 0 };
      c.total += 1;
      const done = o.status === 'DONE' && String(o.done) <= asOf;
      if (done) c.done += 1;
      else if (String(o.due) < asOf) c.late += 1;
      else if (asOf >= TODAY ? o.status === 'IN_PROGRESS' : o.reported !== null && String(o.reported) <= asOf)
        c.inProgress += 1;
      counts.set(String(o.a), c);
    }
    return {
      peopleIdentified: registry.filter((r) => String(r.d) <= asOf).length,
      councilDecisionsOverdue: decisions.filter(
        (d) =>
          String(d.held) <= asOf &&
          String(d.due) < asOf &&
          d.status !== 'CANCELLED' &&
          (d.done === null || String(d.done) > asOf),
      ).length,
      counts,
    };
  }

  /**
   * The ministries' figures counted in plain code from their rows. Health and education hold no
   * residence: null for a municipality. Employment places jobs and vacancies at the employer.
   */
  async function expectedMinistries(asOf: string, municipality: string | null): Promise<MinistryFigures> {
    const on = (from: unknown, to: unknown) => String(from) <= asOf && (to === null || String(to) >= asOf);
    const by = (d: unknown) => d !== null && String(d) <= asOf;
    const people = (rows: Raw[]) => new Set(rows.map((r) => r.recipient_id)).size;
    const conclusions = await sql(
      'health',
      `select to_char(issued_on,'YYYY-MM-DD') i, to_char(valid_until,'YYYY-MM-DD') v, contraindications_present c
       from health.medical_conclusion`,
    );
    const answers = await sql(
      'health',
      `select to_char(answered_on,'YYYY-MM-DD') a from health.request_answer`,
    );
    const episodes = await sql(
      'health',
      `select recipient_id, to_char(start_date,'YYYY-MM-DD') s, to_char(end_date,'YYYY-MM-DD') e
       from health.rehabilitation_episode`,
    );
    const visits = await sql(
      'health',
      `select to_char(visited_on,'YYYY-MM-DD') d from health.mobile_team_visit`,
    );
    const enrolments = await sql(
      'education',
      `select recipient_id, level, status, to_char(start_date,'YYYY-MM-DD') s, to_char(end_date,'YYYY-MM-DD') e
       from education.enrolment`,
    );
    const studying = enrolments.filter((e) => on(e.s, e.e));
    const pmpk = await sql(
      'education',
      `select to_char(issued_on,'YYYY-MM-DD') d from education.pmpk_recommendation`,
    );
    const guidance = await sql(
      'education',
      `select to_char(held_on,'YYYY-MM-DD') d from education.guidance_session`,
    );
    const placements = (
      await sql(
        'employment',
        `select p.recipient_id, p.supported, p.quota, w.municipality m,
           to_char(p.start_date,'YYYY-MM-DD') s, to_char(p.end_date,'YYYY-MM-DD') e
         from employment.placement p join employment.employer w on w.id = p.employer_id`,
      )
    ).filter((p) => (municipality === null || p.m === municipality) && on(p.s, p.e));
    const vacancies = (
      await sql(
        'employment',
        `select v.quota, v.origin, w.municipality m, to_char(v.opened_on,'YYYY-MM-DD') o,
           to_char(v.closed_on,'YYYY-MM-DD') c
         from employment.vacancy v join employment.employer w on w.id = v.employer_id`,
      )
    ).filter((v) => (municipality === null || v.m === municipality) && by(v.o));
    const open = vacancies.filter((v) => v.c === null || String(v.c) > asOf);
    const supports = await sql(
      'employment',
      `select recipient_id, kind, to_char(start_date,'YYYY-MM-DD') s, to_char(end_date,'YYYY-MM-DD') e
       from employment.employment_support`,
    );
    const supportOn = (kind: string) => supports.filter((x) => x.kind === kind && on(x.s, x.e));
    const supportBy = (kind: string) => supports.filter((x) => x.kind === kind && by(x.s)).length;
    const regional = municipality === null;
    const region = (n: number) => (regional ? n : null);
    return {
      medicalConclusionsIssued: region(conclusions.filter((c) => by(c.i)).length),
      medicalConclusionsWithContraindications: region(
        conclusions.filter((c) => by(c.i) && c.c === true).length,
      ),
      medicalConclusionsValid: region(
        conclusions.filter((c) => by(c.i) && (c.v === null || String(c.v) >= asOf)).length,
      ),
      interagencyRequestsAnsweredByHealth: region(answers.filter((a) => by(a.a)).length),
      peopleInMedicalRehabilitation: region(people(episodes.filter((e) => on(e.s, e.e)))),
      mobileTeamVisits: region(visits.filter((v) => by(v.d)).length),
      peopleInEducation: region(people(studying)),
      peopleInGeneralEducation: region(people(studying.filter((e) => e.level === 'GENERAL'))),
      peopleInVocationalEducation: region(people(studying.filter((e) => e.level === 'VOCATIONAL'))),
      peopleInFurtherProfessionalEducation: region(
        people(studying.filter((e) => e.level === 'FURTHER_PROFESSIONAL')),
      ),
      educationProgrammesCompleted: region(
        enrolments.filter((e) => e.status === 'COMPLETED' && by(e.e)).length,
      ),
      pmpkRecommendationsIssued: region(pmpk.filter((x) => by(x.d)).length),
      vocationalGuidanceSessions: region(guidance.filter((x) => by(x.d)).length),
      peopleEmployed: people(placements),
      peopleInSupportedEmployment: people(placements.filter((p) => p.supported === true)),
      peopleOnQuotaJobs: people(placements.filter((p) => p.quota === true)),
      vacanciesOpen: open.length,
      quotaVacanciesOpen: open.filter((v) => v.quota === true).length,
      workplacesCreated: vacancies.filter((v) => v.origin === 'CREATED').length,
      workplacesEquipped: vacancies.filter((v) => v.origin === 'EQUIPPED').length,
      workplacesAboveQuota: vacancies.filter((v) => v.origin === 'ABOVE_QUOTA').length,
      registeredUnemployed: region(people(supportOn('UNEMPLOYMENT_REGISTRATION'))),
      peopleInVocationalTraining: region(people(supportOn('VOCATIONAL_TRAINING'))),
      vocationalGuidanceGiven: region(supportBy('VOCATIONAL_GUIDANCE')),
      selfEmploymentSupported: region(supportBy('SELF_EMPLOYMENT_SUPPORT')),
    };
  }

  const ministriesOf = (actual: Figures & Partial<MinistryFigures>) =>
    Object.fromEntries(MINISTRY_FIELDS.map((f) => [f, actual[f]]));

  const asMap = (list: Count[]) => Object.fromEntries(list.map((c) => [c.key, c.people]));

  function check(actual: Figures, want: Awaited<ReturnType<typeof expected>>) {
    const { shareDecidedOnTime, ...apps } = actual.applications;
    expect(apps).toEqual(want.applications);
    expect(shareDecidedOnTime).toBe(
      want.applications.decided === 0 ? null : want.applications.decidedOnTime / want.applications.decided,
    );
    expect(asMap(actual.peopleByStage)).toEqual(want.byStage);
    expect(asMap(actual.peopleByAutonomyDegree)).toEqual(want.byDegree);
    expect(asMap(actual.peopleByServiceType)).toEqual(want.byServiceType);
    expect(actual.reassessmentsOverdue).toBe(want.reassessmentsOverdue);
    expect(actual.trainingFlatPlaces).toBe(want.trainingFlatPlaces);
    expect(actual.trainingFlatOccupied).toBe(want.trainingFlatOccupied);
    expect(actual.otherHousingPlaces).toBe(want.otherHousingPlaces);
    expect(actual.otherHousingOccupied).toBe(want.otherHousingOccupied);
  }

  function checkCoordination(actual: Figures, want: Awaited<ReturnType<typeof expectedCoordination>>) {
    expect(actual.peopleIdentified).toBe(want.peopleIdentified);
    expect(actual.councilDecisionsOverdue).toBe(want.councilDecisionsOverdue);
    const byAgency = Object.fromEntries(
      actual.roadmapByAgency!.map((a) => [
        String(a.agencyId),
        { done: a.done, late: a.late, inProgress: a.inProgress, total: a.total },
      ]),
    );
    expect(byAgency).toEqual(Object.fromEntries(want.counts));
    for (const a of actual.roadmapByAgency!)
      expect(a.done + a.late + a.inProgress + a.notStarted).toBe(a.total);
  }

  it('counts each indicator of the region today as the data does', async () => {
    const res = await t.gql<{ indicators: Figures }>(`{ indicators { ${FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    const actual = res.data!.indicators;
    expect(actual).toMatchObject({ scope: 'region', asOf: TODAY, municipality: null });
    const want = await expected(TODAY, null);
    // the demo must exercise every figure, or the comparison proves little
    expect(want.applications.decided).toBeGreaterThan(0);
    expect(Object.keys(want.byStage).length).toBeGreaterThan(1);
    expect(want.trainingFlatPlaces).toBeGreaterThan(0);
    expect(want.otherHousingOccupied + want.trainingFlatOccupied).toBeGreaterThan(0);
    check(actual, want);
    const coordination = await expectedCoordination(TODAY);
    expect(coordination.peopleIdentified).toBeGreaterThan(0);
    expect(coordination.councilDecisionsOverdue).toBe(1);
    checkCoordination(actual, coordination);
    const ministries = await expectedMinistries(TODAY, null);
    // the demo must give each ministry something to count
    for (const f of [
      'medicalConclusionsIssued',
      'peopleInEducation',
      'peopleEmployed',
      'peopleInSupportedEmployment',
    ] as const)
      expect(ministries[f]).toBeGreaterThan(0);
    expect(ministriesOf(actual)).toEqual(ministries);
    // today's totals agree with the obligation lists' filters
    const lists = await t.gql<{
      late: { totalCount: number };
      done: { totalCount: number };
      progress: { totalCount: number };
    }>(`{
      late: obligations(filter: { status: LATE }) { totalCount }
      done: obligations(filter: { status: DONE }) { totalCount }
      progress: obligations(filter: { status: IN_PROGRESS }) { totalCount } }`);
    expect(actual.roadmapTotals).toMatchObject({
      late: lists.data!.late.totalCount,
      done: lists.data!.done.totalCount,
      inProgress: lists.data!.progress.totalCount,
    });
  });

  it('counts a municipality from its own people and housing only', async () => {
    const [first] = await sql(
      'social',
      `select r.municipality from social.recipient r join social.stage s on s.recipient_id = r.id
       group by r.municipality order by count(*) desc, r.municipality limit 1`,
    );
    const municipality = String(first!.municipality);
    const res = await t.gql<{ indicators: Figures }>(
      `query ($m: String) { indicators(asOf: "2025-11-30", municipality: $m) { ${FIELDS} } }`,
      { m: municipality },
    );
    expect(res.errors).toBeUndefined();
    const actual = res.data!.indicators;
    expect(actual).toMatchObject({
      scope: municipality,
      municipality,
      peopleIdentified: null,
      roadmapTotals: null,
    });
    check(actual, await expected('2025-11-30', municipality));
    expect(ministriesOf(actual)).toEqual(await expectedMinistries('2025-11-30', municipality));
  });

  it('places jobs in the employer’s municipality and keeps the ministries’ other figures regional', async () => {
    const [first] = await sql(
      'employment',
      `select w.municipality from employment.placement p join employment.employer w on w.id = p.employer_id
       where w.municipality is not null group by w.municipality order by count(*) desc, w.municipality limit 1`,
    );
    const municipality = String(first!.municipality);
    for (const asOf of [TODAY, '2025-09-30']) {
      const res = await t.gql<{ indicators: Figures & MinistryFigures }>(
        `query ($m: String, $d: LocalDate) { indicators(asOf: $d, municipality: $m) { ${FIELDS} } }`,
        { m: municipality, d: asOf },
      );
      expect(res.errors).toBeUndefined();
      const want = await expectedMinistries(asOf, municipality);
      expect(want.peopleEmployed).toBeGreaterThan(0);
      expect(ministriesOf(res.data!.indicators)).toEqual(want);
      for (const f of [...HEALTH, ...EDUCATION, ...EMPLOYMENT_REGIONAL])
        expect(res.data!.indicators[f]).toBeNull();
      // fewer jobs in one municipality than in the region, unless every employer stands there
      const region = await expectedMinistries(asOf, null);
      expect(want.peopleEmployed).toBeLessThanOrEqual(region.peopleEmployed!);
    }
  });

  it('gives one Indicators per month end, each as of its own date, in a fixed number of statements', async () => {
    const series = async (from: string, to: string) => {
      t.resetQueries();
      const res = await t.gql<{ indicatorSeries: Figures[] }>(
        `query ($from: LocalDate!, $to: LocalDate!) { indicatorSeries(from: $from, to: $to) { ${FIELDS} } }`,
        { from, to },
      );
      expect(res.errors).toBeUndefined();
      return {
        list: res.data!.indicatorSeries,
        social: t.queries.get('social')?.length ?? 0,
        coordination: t.queries.get('coordination')?.length ?? 0,
        health: t.queries.get('health')?.length ?? 0,
        education: t.queries.get('education')?.length ?? 0,
        employment: t.queries.get('employment')?.length ?? 0,
      };
    };
    const year = await series('2025-01-10', '2025-12-31');
    expect(year.list.map((i) => i.asOf)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
    // applications, stages, assessments, housing: one statement each for the whole series
    expect(year.social).toBe(4);
    // obligations, register and decisions, targets
    expect(year.coordination).toBe(3);
    // each ministry: one aggregate statement for all twelve dates
    expect(year).toMatchObject({ health: 1, education: 1, employment: 1 });
    const month = await series('2025-06-01', '2025-06-30');
    expect(month.social).toBe(year.social);
    expect(month.coordination).toBe(year.coordination);
    expect(month).toMatchObject({ health: 1, education: 1, employment: 1 });
    // one date through `indicators`, region or municipality: the same statements
    for (const municipality of [null, 'г. Калуга']) {
      t.resetQueries();
      const one = await t.gql(
        `query ($m: String) { indicators(asOf: "2025-06-30", municipality: $m) { ${FIELDS} } }`,
        {
          m: municipality,
        },
      );
      expect(one.errors).toBeUndefined();
      for (const subgraph of ['health', 'education', 'employment'] as const)
        expect(t.queries.get(subgraph)?.length ?? 0).toBe(
          municipality === null || subgraph === 'employment' ? 1 : 0,
        );
    }
    const twoYears = await series('2024-01-01', '2025-12-31');
    expect(twoYears.list).toHaveLength(24);
    expect(twoYears).toMatchObject({
      social: year.social,
      coordination: year.coordination,
      health: 1,
      education: 1,
      employment: 1,
    });
    for (const asOf of ['2025-03-31', '2025-09-30']) {
      const actual = year.list.find((i) => i.asOf === asOf)!;
      check(actual, await expected(asOf, null));
      checkCoordination(actual, await expectedCoordination(asOf));
      expect(ministriesOf(actual)).toEqual(await expectedMinistries(asOf, null));
    }
    // the register grows month by month as people are identified
    const identified = year.list.map((i) => i.peopleIdentified!);
    expect(identified).toEqual([...identified].sort((a, b) => a - b));
  });

  it('puts the roadmap target beside the indicator it measures', async () => {
    const res = await t.gql<{ indicators: Figures }>(
      `{ indicators { trainingFlatPlaces targets { indicator value itemNumber comparator } } }`,
    );
    expect(res.errors).toBeUndefined();
    // seed 000 item 12: "Организация 12 мест для проведения учебно-тренировочных мероприятий"
    expect(res.data!.indicators.targets).toContainEqual({
      indicator: 'trainingFlatPlaces',
      value: 12,
      itemNumber: '12',
      comparator: expect.any(String),
    });
  });

  it('sees an obligation become late when the clock passes its deadline, and counts it', async () => {
    const before = await t.gql<{ indicators: Figures }>(
      `{ indicators { roadmapTotals { late } roadmapByAgency { agencyId late } } }`,
    );
    const [next] = await sql(
      'coordination',
      `select o.id, o.responsible_agency_id a, to_char(o.due_date,'YYYY-MM-DD') due from coordination.obligation o
       where o.status in ('NOT_STARTED','IN_PROGRESS') and o.due_date >= '${TODAY}' order by o.due_date, o.id limit 1`,
    );
    const due = String(next!.due);
    const sameDay = await sql(
      'coordination',
      `select count(*)::int n from coordination.obligation where status in ('NOT_STARTED','IN_PROGRESS') and due_date >= '${TODAY}' and due_date <= '${due}'`,
    );
    try {
      clock.set(`${due}T12:00:00Z`);
      clock.advanceDays(1);
      const obligation = await t.gql<{ obligation: { status: string } }>(
        'query ($id: ID!) { obligation(id: $id) { status } }',
        { id: next!.id },
      );
      expect(obligation.errors).toBeUndefined();
      expect(obligation.data!.obligation.status).toBe('LATE');
      const after = await t.gql<{ indicators: Figures }>(
        `{ indicators { asOf roadmapTotals { late } roadmapByAgency { agencyId late } } }`,
      );
      expect(after.data!.indicators.asOf > due).toBe(true);
      expect(after.data!.indicators.roadmapTotals!.late).toBe(
        before.data!.indicators.roadmapTotals!.late + Number(sameDay[0]!.n),
      );
      const lateOf = (f: Figures) => f.roadmapByAgency!.find((a) => a.agencyId === next!.a)!.late;
      expect(lateOf(after.data!.indicators)).toBeGreaterThan(lateOf(before.data!.indicators));
    } finally {
      clock.set(`${TODAY}T09:00:00Z`);
    }
  });

  it('is open to the Council and the agencies, never to the anonymous, and checks its arguments', async () => {
    const council = await t.gql<{ indicators: Figures }>(
      '{ indicators { trainingFlatPlaces roadmapTotals { done } } }',
      {},
      { as: Role.COUNCIL_MEMBER },
    );
    expect(council.errors).toBeUndefined();
    const health = await t.gql(
      '{ indicators { applications { submitted } } }',
      {},
      { as: Role.HEALTH_OFFICER },
    );
    expect(health.errors).toBeUndefined();
    const anonymous = await t.gql('{ indicators { trainingFlatPlaces } }', {}, { as: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const admin = await t.gql('{ indicators { trainingFlatPlaces } }', {}, { as: Role.ADMIN });
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const backwards = await t.gql('{ indicatorSeries(from: "2025-05-01", to: "2025-01-01") { asOf } }');
    expect(backwards.errors?.[0]?.extensions?.code).toBe('PERIOD_INVALID');
    const tooLong = await t.gql('{ indicatorSeries(from: "2015-01-01", to: "2025-01-01") { asOf } }');
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('PERIOD_TOO_LONG');
    const blank = await t.gql('{ indicators(municipality: "  ") { asOf } }');
    expect(blank.errors?.[0]?.extensions?.code).toBe('MUNICIPALITY_INVALID');
  });
});
