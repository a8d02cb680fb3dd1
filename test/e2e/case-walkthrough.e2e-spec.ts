import { interagencyAgencyOf, ManualClock, snilsFromBody } from '@sl/core';
import { answersFor } from '../support/questionnaire.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * One person through the whole case, through the gateway, under the `kaluga` rules (seed 001) with
 * the stages of seed 002 §15: registration, application, interagency requests, assessment,
 * decision, stages, readiness reviews, main stage, housing, services, re-assessment, termination.
 * The tests run in order and share the person; the clock moves forward only.
 */
const CASE = /* GraphQL */ `
  query Case($id: ID!) {
    recipient(id: $id) {
      id autonomyDegree
      applications { id status decision decidedOn }
      assessments { id assessedOn score degree reassessmentDueOn }
      currentStage { id kind }
      stages {
        id kind startedOn endedOn endReason terminationReason providerId serviceType plannedHours plannedHoursPer
        readinessReviews { ordinal period reviewedOn outcome }
      }
      housing { current { fromDate unit { id } } history { fromDate toDate unit { id } } }
      servicePlans { hoursPerWeek fromDate toDate provider { id } }
      team { fromDate toDate }
    }
  }
`;
interface Stage {
  id: string;
  kind: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  terminationReason: string | null;
  providerId: string | null;
  serviceType: string | null;
  plannedHours: number | null;
  plannedHoursPer: string | null;
  readinessReviews: { ordinal: number; period: number; reviewedOn: string; outcome: string }[];
}
interface Case {
  recipient: {
    id: string;
    autonomyDegree: string | null;
    applications: { id: string; status: string; decision: string | null; decidedOn: string | null }[];
    assessments: {
      id: string;
      assessedOn: string;
      score: number;
      degree: string;
      reassessmentDueOn: string;
    }[];
    currentStage: { id: string; kind: string } | null;
    stages: Stage[];
    housing: {
      current: { fromDate: string; unit: { id: string } } | null;
      history: { fromDate: string; toDate: string | null; unit: { id: string } }[];
    };
    servicePlans: {
      hoursPerWeek: number;
      fromDate: string;
      toDate: string | null;
      provider: { id: string };
    }[];
    team: { fromDate: string; toDate: string | null }[];
  };
}
interface DeadlineNode {
  kind: string;
  itemId: string;
  recipientId: string;
  dueOn: string;
  daysLate: number;
  providerId: string | null;
}

const DEADLINES = /* GraphQL */ `
  query($filter: DeadlineFilter) {
    deadlines(filter: $filter, first: 200) {
      edges { node { kind itemId recipientId dueOn daysLate providerId } }
    }
  }
`;
const START = `mutation($input: StartStageInput!) { startStage(input: $input) { id kind startedOn providerId serviceType plannedHours plannedHoursPer } }`;
const REVIEW = `mutation($input: RecordReadinessReviewInput!) { recordReadinessReview(input: $input) { ordinal period reviewedOn outcome } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id degree reassessmentDueOn recommendedService { code name hours { min max per } } } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status decision } }`;
const SEND = `mutation($input: SendInteragencyRequestInput!) { sendInteragencyRequest(input: $input) { id dueOn overdue } }`;
const ANSWER = `mutation($input: RecordInteragencyAnswerInput!) { recordInteragencyAnswer(input: $input) { id answeredOn overdue } }`;

const person = {
  lastName: 'Соловьёва',
  firstName: 'Мария',
  patronymic: 'Игоревна',
  birthDate: '1996-09-21',
  sex: 'FEMALE',
  municipality: 'г. Калуга',
  legalCapacity: 'FULL',
  limitations: {
    selfCare: 2,
    movement: 1,
    orientation: 2,
    communication: 1,
    learning: 2,
    behaviourControl: 1,
  },
};

describe('the whole case of one person through the gateway (kaluga rules, seeds 001 and 002)', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  /** Moves "today" (Moscow) to a calendar date. */
  const setToday = (date: string) => clock.set(`${date}T09:00:00Z`);
  let t: TestSystem;
  let id: string;
  let applicationId: string;
  let providerId: string;
  let otherProviderId: string;
  let firstAssessmentId: string;
  let trainingStageId: string;
  let unitId: string;

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const refused = (res: GraphQLResponse, code: string) => {
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(/[а-яё]/i);
  };
  const readCase = async () => ok(await t.gql<Case>(CASE, { id })).recipient;
  const deadlinesOf = async (filter: Record<string, unknown> = {}) =>
    ok(await t.gql<{ deadlines: { edges: { node: DeadlineNode }[] } }>(DEADLINES, { filter }))
      .deadlines.edges.map((e) => e.node)
      .filter((n) => n.recipientId === id);
  const idsOf = async (filter: Record<string, unknown>) =>
    ok(
      await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
        'query($f: RecipientFilter) { recipients(filter: $f, first: 200) { edges { node { id } } } }',
        { f: filter },
      ),
    ).recipients.edges.map((e) => e.node.id);
  const mutate = <T = Record<string, unknown>>(name: string, type: string, input: unknown, select = 'id') =>
    t.gql<T>(`mutation($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input });

  beforeAll(async () => {
    // A few demo people give the registry of providers (seed 002 appendix 2) and other cases around ours.
    t = await startTestSystem({ clock, env: { REGION: 'kaluga', DEMO_DATA: 'true', DEMO_PEOPLE: '10' } });
    const providers = ok(
      await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
        '{ providers(first: 2) { edges { node { id } } } }',
      ),
    ).providers.edges.map((e) => e.node.id);
    [providerId, otherProviderId] = providers as [string, string];
  });
  afterAll(() => t.stop());

  it('registers the person: a wrong СНИЛС check number refused and nothing written, then the right one', async () => {
    const snils = snilsFromBody(271_828_182);
    const wrong = `${snils.slice(0, 9)}${snils.slice(9) === '00' ? '01' : '00'}`;
    refused(
      await mutate('createRecipient', 'CreateRecipientInput', { ...person, snils: wrong }),
      'SNILS_INVALID',
    );
    expect(await idsOf({ snils: wrong })).toEqual([]);
    id = ok(
      await mutate<{ createRecipient: { id: string } }>('createRecipient', 'CreateRecipientInput', {
        ...person,
        snils,
      }),
    ).createRecipient.id;
  });

  // seed 001 §3, §14: the application with its documents; the decision is due in 10 calendar days
  it('takes the application with the decision due in 10 calendar days', async () => {
    const res = ok(
      await mutate<{ submitApplication: { id: string; status: string; decisionDueOn: string } }>(
        'submitApplication',
        'SubmitApplicationInput',
        {
          recipientId: id,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
          consentToAssessmentOn: '2026-03-02',
        },
        'id status decisionDueOn',
      ),
    ).submitApplication;
    expect(res).toMatchObject({ status: 'SUBMITTED', decisionDueOn: '2026-03-12' });
    applicationId = res.id;
  });

  // seed 001 §4: residence registration, disability fact and ИПРА requested; answers within 5 working days
  it('sends the interagency requests, and an answered one is never overdue', async () => {
    const sent: Record<string, { id: string; dueOn: string }> = {};
    for (const subject of ['RESIDENCE_REGISTRATION', 'DISABILITY_FACT', 'IPRA'] as const) {
      const agencyId = interagencyAgencyOf('kaluga', subject).id;
      const res = ok(
        await t.gql<{ sendInteragencyRequest: { id: string; dueOn: string; overdue: boolean } }>(SEND, {
          input: { recipientId: id, applicationId, agencyId, subject, sentOn: '2026-03-02' },
        }),
      ).sendInteragencyRequest;
      // Monday 2 March + 5 working days = Monday 9 March
      expect(res).toMatchObject({ dueOn: '2026-03-09', overdue: false });
      sent[subject] = res;
    }
    setToday('2026-03-10');
    // Unanswered after the due date: listed as late by the agency it waits for.
    const late = await deadlinesOf({
      kinds: ['INTERAGENCY_REQUEST'],
      agency: interagencyAgencyOf('kaluga', 'IPRA').name,
    });
    expect(late.map((d) => [d.itemId, d.dueOn, d.daysLate]).sort()).toEqual(
      [
        [sent.DISABILITY_FACT!.id, '2026-03-09', 1],
        [sent.IPRA!.id, '2026-03-09', 1],
      ].sort(),
    );
    for (const subject of ['RESIDENCE_REGISTRATION', 'DISABILITY_FACT', 'IPRA']) {
      const answered = ok(
        await t.gql<{ recordInteragencyAnswer: { overdue: boolean } }>(ANSWER, {
          input: {
            requestId: sent[subject]!.id,
            answeredOn: '2026-03-06',
            answer: 'Сведения подтверждены',
            document: `исх. № ${subject} от 06.03.2026`,
          },
        }),
      );
      expect(answered.recordInteragencyAnswer.overdue).toBe(false);
    }
    expect(await deadlinesOf({ kinds: ['INTERAGENCY_REQUEST'] })).toEqual([]);
  });

  // seed 001 §9: 137–204 points = degree III; §9.1: type 3, regular, 4–8 hours a day; §15: every 3 years
  it('assesses 150 points as degree III with service type 3 of 4–8 hours a day', async () => {
    const res = ok(
      await t.gql<{ recordAssessment: { id: string } & Record<string, unknown> }>(ASSESS, {
        input: {
          recipientId: id,
          assessedOn: '2026-03-04',
          assessor: 'Петрова А. В., специалист',
          answers: answersFor(150),
        },
      }),
    ).recordAssessment;
    expect(res).toMatchObject({
      degree: 'III',
      reassessmentDueOn: '2029-03-04',
      recommendedService: { code: 'TYPE_3', name: 'регулярное', hours: { min: 4, max: 8, per: 'DAY' } },
    });
    firstAssessmentId = res.id;
  });

  // seed 001 §13 е, §14: supported living (its first stage) only after a decision to grant it
  it('refuses the preparatory stage before a grant with DECISION_NOT_GRANTED, writing nothing', async () => {
    refused(
      await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', providerId } }),
      'DECISION_NOT_GRANTED',
    );
    expect((await readCase()).stages).toEqual([]);
  });

  // seed 001 §3, §16 б: no grant without the documents; then granted within the 10 days (§14)
  it('refuses the grant without the documents, then grants once they are in', async () => {
    const refusal = await t.gql(DECIDE, {
      input: { applicationId, decision: 'GRANTED', decidedOn: '2026-03-10' },
    });
    refused(refusal, 'DOCUMENTS_MISSING');
    expect(refusal.errors?.[0]?.extensions?.missing).toEqual(['IPPSU', 'CONSENT_TO_DATA_PROCESSING']);
    expect((await readCase()).applications[0]).toMatchObject({ decision: null, decidedOn: null });
    ok(
      await mutate('recordApplicationDocuments', 'RecordApplicationDocumentsInput', {
        applicationId,
        documents: [{ kind: 'IPPSU', receivedOn: '2026-03-05' }],
        consentToDataProcessingOn: '2026-03-05',
      }),
    );
    const granted = ok(
      await t.gql<{ decideApplication: { status: string; decision: string } }>(DECIDE, {
        input: { applicationId, decision: 'GRANTED', decidedOn: '2026-03-10' },
      }),
    );
    expect(granted.decideApplication).toMatchObject({ status: 'DECIDED', decision: 'GRANTED' });
    // decided on day 8 of 10: no late decision listed
    expect(await deadlinesOf({ kinds: ['DECISION'] })).toEqual([]);
  });

  // seed 002 §15: preparatory → training; the provider must be one of the registry
  it('starts the preparatory and the training stage with a provider of the registry', async () => {
    setToday('2026-03-11');
    refused(
      await t.gql(START, {
        input: { recipientId: id, kind: 'PREPARATORY', providerId: '00000000-0000-4000-8000-000000000000' },
      }),
      'NOT_FOUND',
    );
    expect((await readCase()).stages).toEqual([]);
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', providerId } }));
    setToday('2026-04-01');
    trainingStageId = ok(
      await t.gql<{ startStage: { id: string } }>(START, { input: { recipientId: id, kind: 'TRAINING' } }),
    ).startStage.id;
    const c = await readCase();
    expect(c.stages.map((s) => [s.kind, s.startedOn, s.endedOn, s.providerId])).toEqual([
      ['PREPARATORY', '2026-03-11', '2026-04-01', providerId],
      ['TRAINING', '2026-04-01', null, providerId],
    ]);
    expect(await idsOf({ stage: 'TRAINING', providerId })).toContain(id);
    expect(await idsOf({ stage: 'PREPARATORY' })).not.toContain(id);
  });

  // seed 002 §15.2: readiness review no earlier than 6 months after training began; listed as due
  it('refuses a readiness review before 6 months, lists it as due, then records READY after 6 months', async () => {
    setToday('2026-09-30');
    const early = await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } });
    refused(early, 'READINESS_REVIEW_TOO_EARLY');
    expect(early.errors?.[0]?.extensions?.earliest).toBe('2026-10-01');
    expect((await readCase()).stages[1]!.readinessReviews).toEqual([]);
    // The first half-year window, 1 October – 31 March, opens tomorrow: due by its last day.
    const due = await deadlinesOf({ kinds: ['READINESS_REVIEW'], providerId });
    expect(due).toEqual([
      {
        kind: 'READINESS_REVIEW',
        itemId: trainingStageId,
        recipientId: id,
        dueOn: '2027-03-31',
        daysLate: -182,
        providerId,
      },
    ]);
    expect(await deadlinesOf({ kinds: ['READINESS_REVIEW'], providerId: otherProviderId })).toEqual([]);

    setToday('2026-10-01');
    const review = ok(
      await t.gql<{ recordReadinessReview: unknown }>(REVIEW, {
        input: { recipientId: id, outcome: 'READY' },
      }),
    );
    expect(review.recordReadinessReview).toEqual({
      ordinal: 1,
      period: 1,
      reviewedOn: '2026-10-01',
      outcome: 'READY',
    });
    expect(await deadlinesOf({ kinds: ['READINESS_REVIEW'] })).toEqual([]);
  });

  // seed 001 §9.1: the degree determines the type and its hours; 002 §15.3: the main stage
  it('starts the main stage only with the service type the assessment gave and hours in its range', async () => {
    setToday('2026-10-05');
    const main = (serviceType: string, plannedHours: number) =>
      t.gql<{ startStage: Stage }>(START, {
        input: { recipientId: id, kind: 'MAIN', serviceType, plannedHours },
      });
    const other = await main('TYPE_2', 20);
    refused(other, 'SERVICE_TYPE_NOT_RECOMMENDED');
    expect(other.errors?.[0]?.extensions?.recommended).toBe('TYPE_3');
    refused(await main('TYPE_3', 9), 'PLANNED_HOURS_OUT_OF_RANGE');
    refused(await main('TYPE_3', 3), 'PLANNED_HOURS_OUT_OF_RANGE');
    expect((await readCase()).currentStage?.kind).toBe('TRAINING');
    expect(ok(await main('TYPE_3', 6)).startStage).toMatchObject({
      kind: 'MAIN',
      startedOn: '2026-10-05',
      serviceType: 'TYPE_3',
      plannedHours: 6,
      plannedHoursPer: 'DAY',
      providerId,
    });
    expect(await idsOf({ stage: 'MAIN', providerId, degree: 'III' })).toContain(id);
    expect(await idsOf({ stage: 'TRAINING' })).not.toContain(id);
    expect(await idsOf({ providerId: otherProviderId })).not.toContain(id);
  });

  // seed 001 §9.2: a flat rented for the person; the unit holds no more than its places
  it('places the person in housing', async () => {
    unitId = ok(
      await mutate<{ createHousingUnit: { id: string } }>('createHousingUnit', 'CreateHousingUnitInput', {
        kind: 'RENTED_FLAT',
        address: 'г. Калуга, ул. Кирова, д. 7, кв. 12',
        municipality: 'г. Калуга',
        places: 1,
      }),
    ).createHousingUnit.id;
    ok(await mutate('assignHousing', 'AssignHousingInput', { recipientId: id, unitId }));
    expect((await readCase()).housing.current).toEqual({ fromDate: '2026-10-05', unit: { id: unitId } });
  });

  // seed 002 §10, §13, §14: the provider's team visits; planned vs delivered hours per week
  it('plans the services, visits and counts planned against delivered hours for the week', async () => {
    const staffId = ok(
      await mutate<{ createStaffMember: { id: string } }>('createStaffMember', 'CreateStaffMemberInput', {
        providerId,
        role: 'SOCIAL_WORKER',
        fullName: 'Лебедева Ольга Сергеевна',
      }),
    ).createStaffMember.id;
    // 6 hours a day of the main stage, seven days a week
    ok(
      await mutate('createServicePlan', 'CreateServicePlanInput', {
        recipientId: id,
        providerId,
        hoursPerWeek: 42,
      }),
    );
    ok(await mutate('addTeamMember', 'TeamMemberInput', { recipientId: id, staffMemberId: staffId }));
    const visits: string[] = [];
    for (const plannedAt of ['2026-10-06T10:00:00+03:00', '2026-10-08T10:00:00+03:00']) {
      visits.push(
        ok(
          await mutate<{ scheduleVisit: { id: string } }>('scheduleVisit', 'ScheduleVisitInput', {
            recipientId: id,
            staffMemberId: staffId,
            plannedAt,
          }),
        ).scheduleVisit.id,
      );
    }
    setToday('2026-10-12');
    ok(
      await mutate('recordVisit', 'RecordVisitInput', {
        visitId: visits[0],
        delivered: true,
        hoursDelivered: 6,
      }),
    );
    ok(
      await mutate('recordVisit', 'RecordVisitInput', {
        visitId: visits[1],
        delivered: true,
        hoursDelivered: 5.5,
      }),
    );
    const hours = ok(
      await t.gql<{ recipient: { weeklyServiceHours: unknown[] } }>(
        'query($id: ID!) { recipient(id: $id) { weeklyServiceHours(from: "2026-10-05", to: "2026-10-11") { weekStart planned delivered } } }',
        { id },
      ),
    );
    expect(hours.recipient.weeklyServiceHours).toEqual([
      { weekStart: '2026-10-05', planned: 42, delivered: 11.5 },
    ]);
  });

  // seed 001 §15: re-assessment at least once in 3 years; listed 30 days ahead, gone once done
  it('lists the re-assessment as due three years on, and drops it once a new assessment is recorded', async () => {
    setToday('2029-02-10');
    const due = await deadlinesOf({ kinds: ['REASSESSMENT'] });
    expect(due).toEqual([
      {
        kind: 'REASSESSMENT',
        itemId: firstAssessmentId,
        recipientId: id,
        dueOn: '2029-03-04',
        daysLate: -22,
        providerId,
      },
    ]);
    expect(await deadlinesOf({ kinds: ['REASSESSMENT'], providerId: otherProviderId })).toEqual([]);
    const again = ok(
      await t.gql<{ recordAssessment: { reassessmentDueOn: string } }>(ASSESS, {
        input: {
          recipientId: id,
          assessedOn: '2029-02-10',
          assessor: 'Петрова А. В., специалист',
          answers: answersFor(160),
        },
      }),
    );
    expect(again.recordAssessment.reassessmentDueOn).toBe('2032-02-10');
    expect(await deadlinesOf({ kinds: ['REASSESSMENT'] })).toEqual([]);
  });

  // seed 001 §11–12, §17: on the person's own application, from the date it names; closes everything
  it('terminates on the person’s own initiative, closing the stage, the place and the plan, keeping the history', async () => {
    setToday('2029-03-01');
    const res = ok(
      await mutate<{ terminateParticipation: Record<string, unknown> }>(
        'terminateParticipation',
        'TerminateParticipationInput',
        { recipientId: id, reason: 'PERSONAL_INITIATIVE', groundOn: '2029-03-01', requestedOn: '2029-03-15' },
        'reason groundOn requestedOn effectiveOn',
      ),
    );
    expect(res.terminateParticipation).toEqual({
      reason: 'PERSONAL_INITIATIVE',
      groundOn: '2029-03-01',
      requestedOn: '2029-03-15',
      effectiveOn: '2029-03-15',
    });
    const c = await readCase();
    expect(c.currentStage).toBeNull();
    expect(c.stages.map((s) => [s.kind, s.startedOn, s.endedOn, s.endReason, s.terminationReason])).toEqual([
      ['PREPARATORY', '2026-03-11', '2026-04-01', 'NEXT_STAGE', null],
      ['TRAINING', '2026-04-01', '2026-10-05', 'NEXT_STAGE', null],
      ['MAIN', '2026-10-05', '2029-03-15', 'TERMINATED', 'PERSONAL_INITIATIVE'],
    ]);
    expect(c.stages[1]!.readinessReviews).toHaveLength(1);
    expect(c.housing.history).toEqual([
      { fromDate: '2026-10-05', toDate: '2029-03-15', unit: { id: unitId } },
    ]);
    expect(c.servicePlans).toEqual([
      { hoursPerWeek: 42, fromDate: '2026-10-05', toDate: '2029-03-15', provider: { id: providerId } },
    ]);
    expect(c.team.every((m) => m.toDate === '2029-03-15')).toBe(true);
    expect(c.assessments.map((a) => a.score)).toEqual(expect.arrayContaining([150, 160]));
    expect(c.applications).toHaveLength(1);

    // After the end date the place is free, and no re-assessment is ever listed for the person.
    setToday('2029-03-16');
    expect((await readCase()).housing.current).toBeNull();
    setToday('2031-12-01');
    expect(await deadlinesOf({ kinds: ['REASSESSMENT'], horizonDays: 365 })).toEqual([]);
    // seed 001 §17: participation ended; a new stage needs a new grant
    refused(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }), 'DECISION_NOT_GRANTED');
    expect((await readCase()).stages).toHaveLength(3);
  });
});
