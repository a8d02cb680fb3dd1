import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { answersFor } from '../support/questionnaire.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23, corrections: a wrong decision or termination is annulled with a reason by the
// coordinator running the case, never edited in place; what depended on it is derived again (an
// annulled grant ends the stage, frees the housing place and ends the plan; an annulled termination
// puts the grant back in force and reopens the stage); the history shows the record and its
// annulment.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id decision } }`;
const START = `mutation($input: StartStageInput!) { startStage(input: $input) { id kind } }`;
const UNIT = `mutation($input: CreateHousingUnitInput!) { createHousingUnit(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignHousingInput!) { assignHousing(input: $input) { id } }`;
const PLAN = `mutation($input: CreateServicePlanInput!) { createServicePlan(input: $input) { id } }`;
const TERMINATE = `mutation($input: TerminateParticipationInput!) { terminateParticipation(input: $input) { id } }`;
const ANNUL_DECISION = `mutation($input: AnnulDecisionInput!) { annulDecision(input: $input) {
  id decision decidedOn decisionAnnulledAt decisionAnnulledBy decisionAnnulmentReason } }`;
const ANNUL_TERMINATION = `mutation($input: AnnulTerminationInput!) { annulTermination(input: $input) {
  id reason effectiveOn annulledAt annulledBy annulmentReason } }`;
const CASE = `query($id: ID!) { recipient(id: $id) {
  applications { id status decision decisionAnnulledAt decisionAnnulmentReason }
  terminations { id reason annulledAt annulmentReason }
  stages { kind current endedOn endReason terminationReason }
  housing { current { id } }
  servicePlans { id toDate }
  timeline { on kind code text by } } }`;

interface Case {
  applications: {
    id: string;
    status: string;
    decision: string | null;
    decisionAnnulledAt: string | null;
    decisionAnnulmentReason: string | null;
  }[];
  terminations: { id: string; reason: string; annulledAt: string | null; annulmentReason: string | null }[];
  stages: {
    kind: string;
    current: boolean;
    endedOn: string | null;
    endReason: string | null;
    terminationReason: string | null;
  }[];
  housing: { current: { id: string } | null };
  servicePlans: { id: string; toDate: string | null }[];
  timeline: { on: string; kind: string; code: string | null; text: string | null; by: string | null }[];
}

const person = {
  lastName: 'Карпова',
  patronymic: 'Ивановна',
  birthDate: '1991-05-14',
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
};

describe('annulling a wrong decision or termination (issue 23; seed 001 §13 е, §14, §16, §17)', () => {
  // 2026-03-02 is a Monday.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  const setToday = (day: string) => clock.set(`${day}T09:00:00Z`);
  const otherCoordinator = { as: { role: Role.COORDINATOR, agencyId: 'Отдел-2' } };
  let t: TestSystem;
  let providerId: string;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'true', DEMO_PEOPLE: '3', REGION: 'kaluga' } });
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 1) { edges { node { id } } } }',
    );
    providerId = providers.data!.providers.edges[0]!.node.id;
  });
  afterAll(() => t.stop());

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const refused = (res: GraphQLResponse<unknown>, code: string, field?: string) => {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(res.errors?.[0]?.message).toMatch(/[а-яё]/i);
  };
  const readCase = async (id: string) => ok(await t.gql<{ recipient: Case }>(CASE, { id })).recipient;
  const annulDecision = (applicationId: string, reason: string, as = {}) =>
    t.gql<{ annulDecision: Record<string, unknown> }>(
      ANNUL_DECISION,
      { input: { applicationId, reason } },
      as,
    );
  const annulTermination = (terminationId: string, reason: string, as = {}) =>
    t.gql<{ annulTermination: Record<string, unknown> }>(
      ANNUL_TERMINATION,
      { input: { terminationId, reason } },
      as,
    );
  const apply = async (recipientId: string, submittedOn = '2026-03-02') =>
    ok(
      await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
        input: {
          recipientId,
          submittedOn,
          appliedBy: 'PERSON',
          documents: [
            { kind: 'IDENTITY_DOCUMENT', receivedOn: submittedOn },
            { kind: 'IPPSU', receivedOn: submittedOn },
          ],
          consentToAssessmentOn: submittedOn,
          consentToDataProcessingOn: submittedOn,
        },
      }),
    ).submitApplication.id;
  /** A person granted on 2026-03-10 (seed 001 §14) on an assessment of 150 points (degree III). */
  const granted = async (firstName: string) => {
    serial += 1;
    const id = ok(
      await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: { ...person, firstName, snils: snilsFromBody(235_000_000 + serial) },
      }),
    ).createRecipient.id;
    const applicationId = await apply(id);
    ok(
      await t.gql(ASSESS, {
        input: {
          recipientId: id,
          assessedOn: '2026-03-04',
          assessor: 'Петрова А. В., специалист',
          answers: answersFor(150),
        },
      }),
    );
    ok(await t.gql(DECIDE, { input: { applicationId, decidedOn: '2026-03-10', decision: 'GRANTED' } }));
    return { id, applicationId };
  };

  // seed 001 §13 е, §14: the stage, the housing place and the plan exist only under a grant in
  // force; annulling the grant ends them, and the history keeps the grant and its annulment
  it('annuls a grant: only its coordinator, with a reason, once; the stage ends, the place is freed, the plan ends', async () => {
    setToday('2026-03-12');
    const { id, applicationId } = await granted('Алина');
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', startedOn: '2026-03-11' } }));
    const unitId = ok(
      await t.gql<{ createHousingUnit: { id: string } }>(UNIT, {
        input: {
          kind: 'RENTED_FLAT',
          address: 'г. Калуга, ул. Кирова, д. 3, кв. 7',
          municipality: 'г. Калуга',
          places: 1,
        },
      }),
    ).createHousingUnit.id;
    ok(await t.gql(ASSIGN, { input: { recipientId: id, unitId, fromDate: '2026-03-11' } }));
    ok(
      await t.gql(PLAN, { input: { recipientId: id, providerId, hoursPerWeek: 35, fromDate: '2026-03-11' } }),
    );

    // The wrong cases first: another coordinator, a ministry officer, an administrator, no reason.
    refused(
      await annulDecision(applicationId, 'Решение принято ошибочно', otherCoordinator),
      'NOT_CASE_COORDINATOR',
    );
    refused(
      await annulDecision(applicationId, 'Решение принято ошибочно', { as: Role.HEALTH_OFFICER }),
      'FORBIDDEN',
    );
    refused(await annulDecision(applicationId, 'Решение принято ошибочно', { as: Role.ADMIN }), 'FORBIDDEN');
    refused(await annulDecision(applicationId, '     '), 'VALIDATION_FAILED', 'reason');
    let c = await readCase(id);
    expect(c.applications[0]).toMatchObject({ decision: 'GRANTED', decisionAnnulledAt: null });
    expect(c.stages).toEqual([expect.objectContaining({ kind: 'PREPARATORY', current: true })]);
    expect(c.housing.current).not.toBeNull();

    // seed 001 §14: the Council's "decided" counts decisions in force; the annulled one drops out.
    const figures = async () =>
      ok(
        await t.gql<{ indicators: { applications: { submitted: number; decided: number } } }>(
          '{ indicators(asOf: "2026-03-12", municipality: "г. Калуга") { applications { submitted decided } } }',
          undefined,
          { as: Role.COUNCIL_MEMBER },
        ),
      ).indicators.applications;
    const before = await figures();
    const reason = 'ИППСУ представлена с истёкшим сроком: решение принято ошибочно';
    const annulled = ok(await annulDecision(applicationId, reason)).annulDecision;
    expect(annulled).toMatchObject({
      id: applicationId,
      decision: 'GRANTED',
      decidedOn: '2026-03-10',
      decisionAnnulledBy: expect.any(String),
      decisionAnnulmentReason: reason,
    });
    refused(await annulDecision(applicationId, 'Повторно аннулировать'), 'ALREADY_ANNULLED', 'applicationId');
    expect(await figures()).toEqual({ submitted: before.submitted, decided: before.decided - 1 });

    c = await readCase(id);
    // Never edited: the grant stays as it was, marked.
    expect(c.applications[0]).toMatchObject({
      status: 'DECIDED',
      decision: 'GRANTED',
      decisionAnnulmentReason: reason,
    });
    expect(c.stages).toEqual([
      expect.objectContaining({
        kind: 'PREPARATORY',
        current: false,
        endedOn: '2026-03-12',
        endReason: 'GRANT_ANNULLED',
      }),
    ]);
    expect(c.housing.current).toBeNull();
    expect(c.servicePlans.every((p) => p.toDate === '2026-03-12')).toBe(true);
    expect(c.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'APPLICATION_DECIDED', code: 'GRANTED', on: '2026-03-10' }),
        expect.objectContaining({
          kind: 'DECISION_ANNULLED',
          code: 'GRANTED',
          text: reason,
          on: '2026-03-12',
        }),
      ]),
    );
    // Nothing rests on the annulled grant any more: no stage, no placement.
    refused(
      await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', startedOn: '2026-03-12' } }),
      'DECISION_NOT_GRANTED',
    );
    refused(
      await t.gql(ASSIGN, { input: { recipientId: id, unitId, fromDate: '2026-03-12' } }),
      'DECISION_NOT_GRANTED',
    );
    // The place is free for another granted person at once.
    const other = await granted('Вера');
    ok(await t.gql(ASSIGN, { input: { recipientId: other.id, unitId, fromDate: '2026-03-12' } }));
    // The correct decision is taken on a new application (the annulled one no longer counts as open or in force).
    const again = await apply(id, '2026-03-12');
    ok(
      await t.gql(DECIDE, { input: { applicationId: again, decidedOn: '2026-03-12', decision: 'GRANTED' } }),
    );
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', startedOn: '2026-03-12' } }));
  });

  // seed 001 §16: a refusal annulled leaves nothing behind it; an undecided application has no decision to annul
  it('annuls a refusal without touching anything else, and refuses to annul an undecided application', async () => {
    setToday('2026-03-12');
    serial += 1;
    const id = ok(
      await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: { ...person, firstName: 'Галина', snils: snilsFromBody(235_000_000 + serial) },
      }),
    ).createRecipient.id;
    const applicationId = await apply(id);
    refused(
      await annulDecision(applicationId, 'Решения ещё нет'),
      'APPLICATION_NOT_DECIDED',
      'applicationId',
    );
    // 001 §16 а: no assessment gives a degree, so "no degree" is the true ground
    ok(
      await t.gql(DECIDE, {
        input: { applicationId, decidedOn: '2026-03-10', decision: 'REFUSED', refusalGround: 'NO_DEGREE' },
      }),
    );
    ok(await annulDecision(applicationId, 'Оценка проведена, но не была внесена до решения'));
    const c = await readCase(id);
    expect(c.applications[0]).toMatchObject({ decision: 'REFUSED', decisionAnnulledAt: expect.any(String) });
    expect(c.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['APPLICATION_DECIDED', 'DECISION_ANNULLED']),
    );
  });

  // seed 001 §17: an annulled termination restores the case — the grant in force, the stage current
  it('annuls a termination: only its coordinator, once; the stage is current again and the grant in force', async () => {
    setToday('2026-03-13');
    const { id } = await granted('Дарья');
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', startedOn: '2026-03-11' } }));
    const terminationId = ok(
      await t.gql<{ terminateParticipation: { id: string } }>(TERMINATE, {
        input: { recipientId: id, reason: 'DEATH', groundOn: '2026-03-12' },
      }),
    ).terminateParticipation.id;
    // 001 §17: after a death no application is taken in the person's name
    refused(
      await t.gql(SUBMIT, { input: { recipientId: id, submittedOn: '2026-03-13', appliedBy: 'PERSON' } }),
      'RECIPIENT_DECEASED',
    );

    refused(
      await annulTermination(terminationId, 'Сведения о смерти ошибочны', otherCoordinator),
      'NOT_CASE_COORDINATOR',
    );
    refused(
      await annulTermination(terminationId, 'Сведения о смерти ошибочны', { as: Role.PROVIDER_STAFF }),
      'FORBIDDEN',
    );
    refused(await annulTermination(terminationId, 'abc'), 'VALIDATION_FAILED');
    expect((await readCase(id)).terminations[0]!.annulledAt).toBeNull();

    const reason = 'Сведения о смерти ошибочны: перепутан однофамилец';
    const annulled = ok(await annulTermination(terminationId, reason)).annulTermination;
    expect(annulled).toMatchObject({
      id: terminationId,
      reason: 'DEATH',
      effectiveOn: '2026-03-12',
      annulmentReason: reason,
    });
    refused(
      await annulTermination(terminationId, 'Повторно аннулировать'),
      'ALREADY_ANNULLED',
      'terminationId',
    );

    const c = await readCase(id);
    expect(c.terminations).toEqual([
      expect.objectContaining({ id: terminationId, reason: 'DEATH', annulmentReason: reason }),
    ]);
    expect(c.stages).toEqual([
      expect.objectContaining({
        kind: 'PREPARATORY',
        current: true,
        endedOn: null,
        endReason: null,
        terminationReason: null,
      }),
    ]);
    expect(c.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'TERMINATION', code: 'DEATH' }),
        expect.objectContaining({
          kind: 'TERMINATION_ANNULLED',
          code: 'DEATH',
          text: reason,
          on: '2026-03-13',
        }),
      ]),
    );
    // The grant is in force again: the next stage may start.
    ok(
      await t.gql(START, {
        input: { recipientId: id, kind: 'TRAINING', startedOn: '2026-03-13', providerId },
      }),
    );
    // A termination the case went past (a new grant after it) is no longer the one to annul.
    const third = await granted('Ева');
    ok(
      await t.gql(START, { input: { recipientId: third.id, kind: 'PREPARATORY', startedOn: '2026-03-11' } }),
    );
    const ended = ok(
      await t.gql<{ terminateParticipation: { id: string } }>(TERMINATE, {
        input: { recipientId: third.id, reason: 'CONTRACT_VIOLATION', groundOn: '2026-03-12' },
      }),
    ).terminateParticipation.id;
    const anew = await apply(third.id, '2026-03-13');
    ok(await t.gql(DECIDE, { input: { applicationId: anew, decidedOn: '2026-03-13', decision: 'GRANTED' } }));
    refused(await annulTermination(ended, 'Прекращено ошибочно'), 'TERMINATION_SUPERSEDED', 'terminationId');
  });
});
