import { interagencyAgencyOf, ManualClock, Role, snilsFromBody } from '@sl/core';
import { answersFor } from '../support/questionnaire.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23: the steps of a case cross-checked against each other and against seeds 001 (Kaluga)
// and 002 (Murmansk). Each test tries the wrong case first and asserts the code and the field the
// dashboard shows it on, then the right one.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const DOCS = `mutation($input: RecordApplicationDocumentsInput!) { recordApplicationDocuments(input: $input) {
  id assessmentRefusedOn otherFormChosenOn otherFormChosen } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) {
  id status decision refusalGround refusalMissingDocuments decidedDaysLate contraindicationOverride needUntil } }`;
const CONSENT = `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`;
const SEND = `mutation($input: SendInteragencyRequestInput!) { sendInteragencyRequest(input: $input) { id } }`;
const PAPER = `mutation($input: RecordInteragencyAnswerInput!) { recordInteragencyAnswer(input: $input) {
  id answerSource contraindicationsPresent } }`;
const HEALTH_ANSWER = `mutation($input: AnswerInteragencyRequestInput!) { answerInteragencyRequest(input: $input) {
  conclusion { id } } }`;
const MARK = `mutation($input: MarkInteragencyAnsweredInput!) { markInteragencyAnswered(input: $input) {
  id answerSource contraindicationsPresent } }`;
const TERMINATE = `mutation($input: TerminateParticipationInput!) { terminateParticipation(input: $input) {
  id reason effectiveOn } }`;
const UNIT = `mutation($input: CreateHousingUnitInput!) { createHousingUnit(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignHousingInput!) { assignHousing(input: $input) { id fromDate } }`;
const VACATE = `mutation($input: VacateHousingInput!) { vacateHousing(input: $input) { id toDate } }`;
const START = `mutation($input: StartStageInput!) { startStage(input: $input) { id kind } }`;
const REVIEW = `mutation($input: RecordReadinessReviewInput!) { recordReadinessReview(input: $input) { id ordinal } }`;
const PLAN = `mutation($input: CreateServicePlanInput!) { createServicePlan(input: $input) { id hoursPerWeek hoursOverrideReason } }`;
const STAFF = `mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`;
const TEAM = `mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const DEADLINES = `query($f: DeadlineFilter) { deadlines(filter: $f, first: 200) {
  edges { node { kind itemId recipientId dueOn daysLate } } } }`;
const CASE = `query($id: ID!) { recipient(id: $id) {
  applications { id status decision decidedDaysLate refusalMissingDocuments }
  activeContraindication { id }
  interagencyRequests { id answerSource answer contraindicationsPresent
    answers { source document answeredOn contraindicationsPresent inForce } }
  housing { current { id } }
  stages { kind readinessReviewsExhausted }
} }`;

interface Deadline {
  kind: string;
  itemId: string;
  recipientId: string;
  dueOn: string;
  daysLate: number;
}
interface Case {
  applications: {
    id: string;
    status: string;
    decision: string | null;
    decidedDaysLate: number | null;
    refusalMissingDocuments: string[];
  }[];
  activeContraindication: { id: string } | null;
  interagencyRequests: {
    id: string;
    answerSource: string | null;
    answer: string | null;
    contraindicationsPresent: boolean | null;
    answers: {
      source: string;
      document: string | null;
      answeredOn: string;
      contraindicationsPresent: boolean | null;
      inForce: boolean;
    }[];
  }[];
  housing: { current: { id: string } | null };
  stages: { kind: string; readinessReviewsExhausted: boolean }[];
}

const person = {
  lastName: 'Соколова',
  patronymic: 'Петровна',
  birthDate: '1990-04-12',
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
const COMPLETE = [
  { kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' },
  { kind: 'IPPSU', receivedOn: '2026-03-02' },
];

describe('case rules cross-checked (kaluga: seed 001; murmansk grounds and checklist: rule-set specs)', () => {
  // 2026-03-02 is a Monday.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  const setToday = (day: string) => clock.set(`${day}T09:00:00Z`);
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
  /** The error's code and field, and that nothing came back. */
  const refused = (res: GraphQLResponse<unknown>, code: string, field?: string) => {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(res.errors?.[0]?.message).toMatch(/[а-яё]/i);
  };
  const newPerson = async (firstName: string) => {
    serial += 1;
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: { ...person, firstName, snils: snilsFromBody(231_000_000 + serial) },
    });
    return ok(res).createRecipient.id;
  };
  const apply = async (recipientId: string, extra: Record<string, unknown> = {}) =>
    ok(
      await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
        input: {
          recipientId,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: COMPLETE,
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
          ...extra,
        },
      }),
    ).submitApplication.id;
  const assess = (recipientId: string, assessedOn = '2026-03-04', score = 150) =>
    t.gql(ASSESS, {
      input: { recipientId, assessedOn, assessor: 'Петрова А. В., специалист', answers: answersFor(score) },
    });
  const decide = (applicationId: string, input: Record<string, unknown>) =>
    t.gql<{ decideApplication: Record<string, unknown> }>(DECIDE, {
      input: { applicationId, decidedOn: '2026-03-10', ...input },
    });
  /** A person granted on 2026-03-10 on an assessment of 150 points (degree III, type 3). */
  const granted = async (firstName: string, decision: Record<string, unknown> = {}, application = {}) => {
    const id = await newPerson(firstName);
    const applicationId = await apply(id, application);
    ok(await assess(id));
    ok(await decide(applicationId, { decision: 'GRANTED', ...decision }));
    return { id, applicationId };
  };
  const readCase = async (id: string) => ok(await t.gql<{ recipient: Case }>(CASE, { id })).recipient;
  const deadlinesOf = async (recipientId: string, kinds: string[]) =>
    ok(await t.gql<{ deadlines: { edges: { node: Deadline }[] } }>(DEADLINES, { f: { kinds } }))
      .deadlines.edges.map((e) => e.node)
      .filter((d) => d.recipientId === recipientId);

  // seed 001 §16 а, б: a refusal's ground must be borne out by the record
  it('refuses "no degree" and "documents missing" that the record contradicts, and keeps the missing ones named', async () => {
    setToday('2026-03-10');
    const complete = await newPerson('Анна');
    const applicationId = await apply(complete);
    ok(await assess(complete));
    refused(
      await decide(applicationId, { decision: 'REFUSED', refusalGround: 'NO_DEGREE' }),
      'REFUSAL_GROUND_CONTRADICTED',
      'refusalGround',
    );
    refused(
      await decide(applicationId, { decision: 'REFUSED', refusalGround: 'DOCUMENTS_NOT_SUBMITTED' }),
      'REFUSAL_GROUND_CONTRADICTED',
      'refusalGround',
    );
    expect((await readCase(complete)).applications[0]).toMatchObject({ status: 'SUBMITTED', decision: null });

    const lacking = await newPerson('Бэлла');
    const lackingApp = await apply(lacking, {
      documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
    });
    const res = ok(
      await decide(lackingApp, { decision: 'REFUSED', refusalGround: 'DOCUMENTS_NOT_SUBMITTED' }),
    );
    expect(res.decideApplication).toMatchObject({
      decision: 'REFUSED',
      refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
      refusalMissingDocuments: ['IPPSU'],
      decidedDaysLate: null,
    });
  });

  // seed 001 §16 в, г: a written refusal of the assessment, a written choice of another form
  it('refuses "assessment refused" and "other form chosen" until the person’s written statement is recorded', async () => {
    setToday('2026-03-10');
    const id = await newPerson('Вера');
    const applicationId = await apply(id);
    refused(
      await decide(applicationId, { decision: 'REFUSED', refusalGround: 'ASSESSMENT_REFUSED' }),
      'ASSESSMENT_REFUSAL_NOT_RECORDED',
      'assessmentRefusedOn',
    );
    refused(
      await decide(applicationId, { decision: 'REFUSED', refusalGround: 'OTHER_FORM_CHOSEN' }),
      'OTHER_FORM_CHOICE_NOT_RECORDED',
      'otherFormChosenOn',
    );
    refused(
      await t.gql(DOCS, { input: { applicationId, otherFormChosenOn: '2026-03-05' } }),
      'OTHER_FORM_REQUIRED',
      'otherFormChosen',
    );
    refused(
      await t.gql(DOCS, { input: { applicationId, assessmentRefusedOn: '2026-03-01' } }),
      'STATEMENT_BEFORE_APPLICATION',
      'assessmentRefusedOn',
    );
    ok(await t.gql(DOCS, { input: { applicationId, assessmentRefusedOn: '2026-03-05' } }));
    const res = ok(await decide(applicationId, { decision: 'REFUSED', refusalGround: 'ASSESSMENT_REFUSED' }));
    expect(res.decideApplication).toMatchObject({ decision: 'REFUSED', refusalGround: 'ASSESSMENT_REFUSED' });

    const other = await newPerson('Галина');
    const otherApp = await apply(other);
    ok(
      await t.gql(DOCS, {
        input: {
          applicationId: otherApp,
          otherFormChosenOn: '2026-03-06',
          otherFormChosen: 'социальное обслуживание на дому',
        },
      }),
    );
    ok(await decide(otherApp, { decision: 'REFUSED', refusalGround: 'OTHER_FORM_CHOSEN' }));
  });

  // seed 001 §14: the decision is due in 10 calendar days; a later one stands, marked late
  it('accepts a decision after day 10 and marks it late by the days over', async () => {
    setToday('2026-03-15');
    const id = await newPerson('Дарья');
    const applicationId = await apply(id);
    const res = ok(await decide(applicationId, { decision: 'OTHER_FORM', decidedOn: '2026-03-15' }));
    expect(res.decideApplication).toMatchObject({ status: 'DECIDED', decidedDaysLate: 3 });
    expect((await readCase(id)).applications[0]!.decidedDaysLate).toBe(3);
  });

  // seed 002 appendix: the application form carries the consent to the questionnaire
  it('records no assessment without the consent to it, nor after it was withdrawn', async () => {
    setToday('2026-03-10');
    const id = await newPerson('Евгения');
    refused(await assess(id), 'ASSESSMENT_CONSENT_MISSING', 'assessedOn');
    const applicationId = await apply(id, { consentToAssessmentOn: null });
    refused(await assess(id), 'ASSESSMENT_CONSENT_MISSING', 'assessedOn');
    ok(await t.gql(DOCS, { input: { applicationId, consentToAssessmentOn: '2026-03-03' } }));
    ok(await assess(id));

    const withdrawn = await newPerson('Жанна');
    await apply(withdrawn);
    ok(
      await t.gql(CONSENT, { input: { recipientId: withdrawn, kind: 'ASSESSMENT', givenOn: '2026-03-02' } }),
    );
    ok(
      await t.gql(WITHDRAW, {
        input: { recipientId: withdrawn, kind: 'ASSESSMENT', withdrawnOn: '2026-03-03' },
      }),
    );
    refused(await assess(withdrawn), 'ASSESSMENT_CONSENT_WITHDRAWN', 'assessedOn');
  });

  // seed 001 §3 д, §4, order 202н: health answers its request; its later answer wins over a paper
  // one, the case shows both, and a contraindication stops a grant unless a reason is recorded
  it('lets health answer its request over a paper answer, shows both, and stops the grant on a contraindication', async () => {
    setToday('2026-03-06');
    const id = await newPerson('Зоя');
    const applicationId = await apply(id);
    ok(await assess(id));
    for (const input of [
      { kind: 'PERSONAL_DATA', givenOn: '2026-03-02' },
      { kind: 'SHARING', sharedWith: 'HEALTH', givenOn: '2026-03-02' },
    ]) {
      ok(await t.gql(CONSENT, { input: { recipientId: id, ...input } }));
    }
    const requestId = ok(
      await t.gql<{ sendInteragencyRequest: { id: string } }>(SEND, {
        input: {
          recipientId: id,
          applicationId,
          agencyId: interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id,
          subject: 'MEDICAL_CONCLUSION',
          sentOn: '2026-03-03',
        },
      }),
    ).sendInteragencyRequest.id;
    const paper = { requestId, answeredOn: '2026-03-05', answer: 'Противопоказаний не выявлено' };
    // The coordinator never answers for health: only a paper answer, named by its document.
    refused(await t.gql(PAPER, { input: paper }), 'ANSWER_DOCUMENT_REQUIRED', 'document');
    refused(
      await t.gql(PAPER, { input: { ...paper, document: 'письмо ГБУЗ № 77 от 05.03.2026' } }),
      'CONTRAINDICATIONS_REQUIRED',
      'contraindicationsPresent',
    );
    const marked = ok(
      await t.gql<{ recordInteragencyAnswer: Record<string, unknown> }>(PAPER, {
        input: { ...paper, document: 'письмо ГБУЗ № 77 от 05.03.2026', contraindicationsPresent: false },
      }),
    );
    expect(marked.recordInteragencyAnswer).toMatchObject({
      answerSource: 'PAPER',
      contraindicationsPresent: false,
    });
    expect((await readCase(id)).activeContraindication).toBeNull();
    refused(
      await t.gql(MARK, {
        input: { requestId, recipientId: id, answerRecordId: requestId, contraindicationsPresent: true },
      }),
      'FORBIDDEN',
    );

    setToday('2026-03-09');
    const health = { as: Role.HEALTH_OFFICER };
    const conclusion = ok(
      await t.gql<{ answerInteragencyRequest: { conclusion: { id: string } } }>(
        HEALTH_ANSWER,
        {
          input: {
            requestId,
            recipientId: id,
            conclusion: {
              issuedOn: '2026-03-09',
              contraindicationsPresent: true,
              conditions: ['F20.0'],
              organisation: 'ГБУЗ КО «Калужская областная клиническая больница»',
              validUntil: '2027-03-08',
            },
          },
        },
        health,
      ),
    ).answerInteragencyRequest.conclusion.id;
    const owner = { requestId, recipientId: id, answerRecordId: conclusion, contraindicationsPresent: true };
    const answered = ok(
      await t.gql<{ markInteragencyAnswered: Record<string, unknown> }>(MARK, { input: owner }, health),
    );
    expect(answered.markInteragencyAnswered).toMatchObject({
      answerSource: 'AGENCY',
      contraindicationsPresent: true,
    });
    refused(await t.gql(MARK, { input: owner }, health), 'REQUEST_ALREADY_ANSWERED', 'requestId');
    refused(
      await t.gql(PAPER, {
        input: { ...paper, document: 'письмо ГБУЗ № 78', contraindicationsPresent: false },
      }),
      'REQUEST_ALREADY_ANSWERED',
      'requestId',
    );

    const onCase = await readCase(id);
    expect(onCase.activeContraindication?.id).toBe(requestId);
    expect(onCase.interagencyRequests[0]).toMatchObject({
      answerSource: 'AGENCY',
      contraindicationsPresent: true,
    });
    expect(onCase.interagencyRequests[0]!.answers).toEqual([
      {
        source: 'PAPER',
        document: 'письмо ГБУЗ № 77 от 05.03.2026',
        answeredOn: '2026-03-05',
        contraindicationsPresent: false,
        inForce: false,
      },
      {
        source: 'AGENCY',
        document: null,
        answeredOn: '2026-03-09',
        contraindicationsPresent: true,
        inForce: true,
      },
    ]);
    expect(await deadlinesOf(id, ['CONTRAINDICATION'])).toEqual([
      { kind: 'CONTRAINDICATION', itemId: requestId, recipientId: id, dueOn: '2026-03-09', daysLate: 0 },
    ]);

    setToday('2026-03-10');
    refused(
      await decide(applicationId, { decision: 'GRANTED' }),
      'MEDICAL_CONTRAINDICATION',
      'contraindicationOverrideReason',
    );
    expect((await readCase(id)).applications[0]!.decision).toBeNull();
    const grant = ok(
      await decide(applicationId, {
        decision: 'GRANTED',
        contraindicationOverrideReason:
          'Врачебная комиссия: сопровождаемое проживание возможно при наблюдении психиатра',
      }),
    );
    expect(grant.decideApplication).toMatchObject({
      decision: 'GRANTED',
      contraindicationOverride: expect.stringMatching(/Врачебная комиссия/),
    });
    // still shown to the coordinator while it is in force
    expect(await deadlinesOf(id, ['CONTRAINDICATION'])).toHaveLength(1);
  });

  // 152-ФЗ art. 9, 10: a ministry sees a person's data only under their sharing consent — one
  // person without it is left out of the ministry's queue and counted, not a failed queue for all
  it('leaves a person without consent out of the health queue, counted, while the queue still answers', async () => {
    setToday('2026-03-10');
    const QUEUE = `{ interagencyQueue(subject: MEDICAL_CONCLUSION, first: 200) {
      withheldPeople totalCount edges { node { id recipientId status } } } }`;
    type Queue = {
      interagencyQueue: {
        withheldPeople: number;
        totalCount: number;
        edges: { node: { recipientId: string } }[];
      };
    };
    const health = { as: Role.HEALTH_OFFICER };
    const before = ok(await t.gql<Queue>(QUEUE, {}, health)).interagencyQueue.withheldPeople;
    const withConsent = await newPerson('Алла');
    const withoutConsent = await newPerson('Борислава');
    for (const id of [withConsent, withoutConsent]) {
      ok(
        await t.gql(SEND, {
          input: {
            recipientId: id,
            agencyId: interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id,
            subject: 'MEDICAL_CONCLUSION',
            sentOn: '2026-03-10',
          },
        }),
      );
    }
    for (const input of [
      { kind: 'PERSONAL_DATA', givenOn: '2026-03-02' },
      { kind: 'SHARING', sharedWith: 'HEALTH', givenOn: '2026-03-02' },
    ]) {
      ok(await t.gql(CONSENT, { input: { recipientId: withConsent, ...input } }));
    }
    // sharing with another ministry does not let health in
    ok(
      await t.gql(CONSENT, {
        input: { recipientId: withoutConsent, kind: 'PERSONAL_DATA', givenOn: '2026-03-02' },
      }),
    );
    ok(
      await t.gql(CONSENT, {
        input: {
          recipientId: withoutConsent,
          kind: 'SHARING',
          sharedWith: 'EMPLOYMENT',
          givenOn: '2026-03-02',
        },
      }),
    );
    const queue = ok(await t.gql<Queue>(QUEUE, {}, health)).interagencyQueue;
    const people = queue.edges.map((e) => e.node.recipientId);
    expect(people).toContain(withConsent);
    expect(people).not.toContain(withoutConsent);
    expect(queue.withheldPeople).toBe(before + 1);
    expect(queue.totalCount).toBe(queue.edges.length);
    // the coordinator, the data's own controller, sees both
    const all = ok(await t.gql<Queue>(QUEUE)).interagencyQueue;
    expect(all.edges.map((e) => e.node.recipientId)).toEqual(
      expect.arrayContaining([withConsent, withoutConsent]),
    );
    expect(all.withheldPeople).toBe(0);
  });

  // seed 004 item 2.2.2: a new ИПРА that forbids the job the person holds is an alert for the
  // coordinator, read through the graph from employment, which owns both
  it('flags a job in force once a later ИПРА forbids its kind of work', async () => {
    setToday('2026-03-10');
    const employment = { as: Role.EMPLOYMENT_OFFICER };
    const id = await newPerson('Светлана');
    for (const input of [
      { kind: 'PERSONAL_DATA', givenOn: '2026-03-01' },
      { kind: 'SHARING', sharedWith: 'EMPLOYMENT', givenOn: '2026-03-01' },
    ]) {
      ok(await t.gql(CONSENT, { input: { recipientId: id, ...input } }));
    }
    const IPRA = `mutation($input: RecordIpraWorkKindsInput!) { recordIpraWorkKinds(input: $input) { id } }`;
    const PLACE = `mutation($input: PlaceRecipientInput!) { placeRecipient(input: $input) { id } }`;
    const ALERTS = `{ placements(filter: { current: true, forbiddenByIpra: true }, first: 200) {
      edges { node { id recipientId forbiddenByIpra } } } }`;
    type Alerts = { placements: { edges: { node: { id: string; forbiddenByIpra: boolean } }[] } };
    ok(
      await t.gql(
        IPRA,
        {
          input: {
            recipientId: id,
            ipraNumber: '101.5.40/2026',
            ipraIssuedOn: '2026-03-01',
            recommended: ['PACKING'],
            forbidden: [],
          },
        },
        employment,
      ),
    );
    const employerId = ok(
      await t.gql<{ employers: { edges: { node: { id: string } }[] } }>(
        '{ employers(first: 1) { edges { node { id } } } }',
      ),
    ).employers.edges[0]!.node.id;
    const placementId = ok(
      await t.gql<{ placeRecipient: { id: string } }>(
        PLACE,
        {
          input: {
            recipientId: id,
            employerId,
            position: 'Упаковщик',
            workKind: 'PACKING',
            startDate: '2026-03-05',
          },
        },
        employment,
      ),
    ).placeRecipient.id;
    const before = ok(await t.gql<Alerts>(ALERTS)).placements.edges.map((e) => e.node.id);
    expect(before).not.toContain(placementId);
    // The new ИПРА is recorded — it is employment's fact — and the job it now forbids is flagged.
    ok(
      await t.gql(
        IPRA,
        {
          input: {
            recipientId: id,
            ipraNumber: '101.5.77/2026',
            ipraIssuedOn: '2026-03-09',
            recommended: [],
            forbidden: ['PACKING'],
          },
        },
        employment,
      ),
    );
    const after = ok(await t.gql<Alerts>(ALERTS)).placements.edges.map((e) => e.node);
    expect(after).toContainEqual(expect.objectContaining({ id: placementId, forbiddenByIpra: true }));
    refused(
      await t.gql(
        PLACE,
        {
          input: {
            recipientId: id,
            employerId,
            position: 'Фасовщик',
            workKind: 'PACKING',
            startDate: '2026-03-10',
          },
        },
        employment,
      ),
      'WORK_KIND_FORBIDDEN',
    );
  });

  // seed 001 §17: a granted person who has no stage yet can be terminated; after death nobody applies
  it('terminates a granted person without a stage, then refuses an application for the deceased', async () => {
    setToday('2026-03-12');
    const { id } = await granted('Ирина');
    const done = ok(
      await t.gql<{ terminateParticipation: Record<string, unknown> }>(TERMINATE, {
        input: { recipientId: id, reason: 'DEATH', groundOn: '2026-03-11' },
      }),
    );
    expect(done.terminateParticipation).toMatchObject({ reason: 'DEATH', effectiveOn: '2026-03-11' });
    refused(
      await t.gql(TERMINATE, { input: { recipientId: id, reason: 'DEATH', groundOn: '2026-03-11' } }),
      'NO_CURRENT_STAGE',
      'recipientId',
    );
    refused(
      await t.gql(SUBMIT, { input: { recipientId: id, submittedOn: '2026-03-12', appliedBy: 'PERSON' } }),
      'RECIPIENT_DECEASED',
      'recipientId',
    );
  });

  // seed 001 §9.2, §13 е, §17: housing only under a grant, a place free on every day, freed on termination
  it('places only granted people, keeps capacity on every day of a back-dated placement, frees the place on termination', async () => {
    setToday('2026-03-20');
    const first = await granted('Кира');
    const second = await granted('Лидия');
    const notGranted = await newPerson('Мария');
    await apply(notGranted);
    const unitId = ok(
      await t.gql<{ createHousingUnit: { id: string } }>(UNIT, {
        input: {
          kind: 'RENTED_FLAT',
          address: 'г. Калуга, ул. Ленина, д. 5, кв. 1',
          municipality: 'г. Калуга',
          places: 1,
        },
      }),
    ).createHousingUnit.id;
    refused(
      await t.gql(ASSIGN, { input: { recipientId: notGranted, unitId } }),
      'DECISION_NOT_GRANTED',
      'recipientId',
    );
    refused(
      await t.gql(ASSIGN, { input: { recipientId: first.id, unitId, fromDate: '2026-03-09' } }),
      'HOUSING_BEFORE_GRANT',
      'fromDate',
    );
    ok(await t.gql(ASSIGN, { input: { recipientId: first.id, unitId, fromDate: '2026-03-12' } }));
    ok(await t.gql(VACATE, { input: { recipientId: first.id, date: '2026-03-18' } }));
    // The place is free today, but not on 12–17 March, which a placement from the 11th covers.
    const backDated = await t.gql(ASSIGN, {
      input: { recipientId: second.id, unitId, fromDate: '2026-03-11' },
    });
    refused(backDated, 'CAPACITY_EXCEEDED', 'unitId');
    expect(backDated.errors?.[0]?.extensions).toMatchObject({ day: '2026-03-12', occupied: 1 });
    ok(await t.gql(ASSIGN, { input: { recipientId: second.id, unitId, fromDate: '2026-03-18' } }));
    refused(
      await t.gql(ASSIGN, { input: { recipientId: first.id, unitId, fromDate: '2026-03-19' } }),
      'CAPACITY_EXCEEDED',
      'unitId',
    );
    ok(
      await t.gql(TERMINATE, {
        input: {
          recipientId: second.id,
          reason: 'PERSONAL_INITIATIVE',
          groundOn: '2026-03-19',
          requestedOn: '2026-03-20',
        },
      }),
    );
    expect((await readCase(second.id)).housing.current).toBeNull();
    ok(await t.gql(ASSIGN, { input: { recipientId: first.id, unitId, fromDate: '2026-03-20' } }));
  });

  // seed 001 §9.1: type 3 is 4–8 hours a day (28–56 a week); delivered hours below plan are an alert
  it('keeps the plan within the assessed type’s hours unless a reason is recorded, and flags a week delivered short', async () => {
    setToday('2026-03-16');
    const { id } = await granted('Нина');
    refused(
      await t.gql(PLAN, { input: { recipientId: id, providerId, hoursPerWeek: 20, fromDate: '2026-03-16' } }),
      'PLAN_HOURS_OUT_OF_ASSESSED_RANGE',
      'hoursPerWeek',
    );
    const plan = ok(
      await t.gql<{ createServicePlan: { id: string; hoursOverrideReason: string } }>(PLAN, {
        input: {
          recipientId: id,
          providerId,
          hoursPerWeek: 20,
          fromDate: '2026-03-16',
          hoursOverrideReason: 'Часть помощи оказывают родственники по договорённости',
        },
      }),
    ).createServicePlan;
    expect(plan.hoursOverrideReason).toMatch(/родственники/);
    const staffMemberId = ok(
      await t.gql<{ createStaffMember: { id: string } }>(STAFF, {
        input: { providerId, role: 'SOCIAL_WORKER', fullName: 'Орлова Анна Викторовна' },
      }),
    ).createStaffMember.id;
    ok(await t.gql(TEAM, { input: { recipientId: id, staffMemberId } }));
    const visitId = ok(
      await t.gql<{ scheduleVisit: { id: string } }>(SCHEDULE, {
        input: { recipientId: id, staffMemberId, plannedAt: '2026-03-17T10:00:00+03:00' },
      }),
    ).scheduleVisit.id;
    setToday('2026-03-18');
    ok(await t.gql(RECORD_VISIT, { input: { visitId, delivered: true, hoursDelivered: 6 } }));
    // during the week itself nothing is late yet
    expect(await deadlinesOf(id, ['SERVICE_HOURS'])).toEqual([]);
    setToday('2026-03-25');
    expect(await deadlinesOf(id, ['SERVICE_HOURS'])).toEqual([
      { kind: 'SERVICE_HOURS', itemId: plan.id, recipientId: id, dueOn: '2026-03-22', daysLate: 3 },
    ]);
  });

  // seed 001 §10, §17: the term of need and the ИППСУ's term each raise a deadline as they end
  it('raises deadlines as the term of need and the ИППСУ’s term come to an end', async () => {
    setToday('2026-03-10');
    const id = await newPerson('Ольга');
    const applicationId = await apply(id, {
      documents: [
        { kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' },
        { kind: 'IPPSU', receivedOn: '2026-03-02', validUntil: '2026-04-20' },
      ],
    });
    ok(await assess(id));
    refused(
      await decide(applicationId, { decision: 'GRANTED', needUntil: '2026-03-10' }),
      'NEED_TERM_INVALID',
      'needUntil',
    );
    refused(
      await decide(applicationId, { decision: 'OTHER_FORM', needUntil: '2026-05-01' }),
      'GRANT_ONLY_FIELD',
      'needUntil',
    );
    ok(await decide(applicationId, { decision: 'GRANTED', needUntil: '2026-05-01' }));
    expect(await deadlinesOf(id, ['NEED_TERM', 'IPPSU_TERM'])).toEqual([]);
    setToday('2026-04-01');
    expect(await deadlinesOf(id, ['NEED_TERM', 'IPPSU_TERM'])).toEqual([
      { kind: 'IPPSU_TERM', itemId: expect.any(String), recipientId: id, dueOn: '2026-04-20', daysLate: -19 },
      { kind: 'NEED_TERM', itemId: applicationId, recipientId: id, dueOn: '2026-05-01', daysLate: -30 },
    ]);
  });

  // seed 001 §13 е: stages only after the grant; 002 §15.2: after the 4th "not ready" a decision is due
  it('starts no stage before the grant, and shows the reviews exhausted until the coordinator decides', async () => {
    setToday('2026-03-12');
    const refusedPerson = await newPerson('Полина');
    await apply(refusedPerson);
    refused(
      await t.gql(START, { input: { recipientId: refusedPerson, kind: 'PREPARATORY' } }),
      'DECISION_NOT_GRANTED',
      'kind',
    );
    const { id } = await granted('Раиса');
    refused(
      await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', startedOn: '2026-03-09' } }),
      'STAGE_BEFORE_GRANT',
      'startedOn',
    );
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY', startedOn: '2026-03-11' } }));
    ok(
      await t.gql(START, {
        input: { recipientId: id, kind: 'TRAINING', startedOn: '2026-03-12', providerId },
      }),
    );
    for (const day of ['2026-09-14', '2027-03-15', '2027-09-13', '2028-03-13']) {
      setToday(day);
      ok(await t.gql(REVIEW, { input: { recipientId: id, outcome: 'NOT_READY' } }));
    }
    const training = (await readCase(id)).stages.find((s) => s.kind === 'TRAINING')!;
    expect(training.readinessReviewsExhausted).toBe(true);
    setToday('2028-03-20');
    refused(
      await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } }),
      'READINESS_REVIEWS_EXHAUSTED',
    );
    expect(await deadlinesOf(id, ['READINESS_EXHAUSTED'])).toEqual([
      {
        kind: 'READINESS_EXHAUSTED',
        itemId: expect.any(String),
        recipientId: id,
        dueOn: '2028-03-13',
        daysLate: 7,
      },
    ]);
    // The coordinator re-assesses the need: the decision is made, the alert goes.
    ok(await assess(id, '2028-03-20', 120));
    expect(await deadlinesOf(id, ['READINESS_EXHAUSTED'])).toEqual([]);
  });
});

describe('case rules of Murmansk from its rule set (seed 002)', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { REGION: 'murmansk' } });
  });
  afterAll(() => t.stop());

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const applyAndAssess = async (firstName: string, body: number) => {
    const id = ok(
      await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: { ...person, firstName, municipality: 'г. Мурманск', snils: snilsFromBody(body) },
      }),
    ).createRecipient.id;
    const applicationId = ok(
      await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
        input: {
          recipientId: id,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
        },
      }),
    ).submitApplication.id;
    ok(
      await t.gql(ASSESS, {
        input: {
          recipientId: id,
          assessedOn: '2026-03-04',
          assessor: 'Иванова О. П.',
          answers: answersFor(150),
        },
      }),
    );
    return { id, applicationId };
  };

  // seed 002 §9: identity document (and a representative's authority) — the ИППСУ is not listed
  it('grants on the documents of 002 §9 without an ИППСУ, and refuses "documents missing" then', async () => {
    const { applicationId } = await applyAndAssess('Ульяна', 232_000_001);
    const missing = await t.gql(DECIDE, {
      input: {
        applicationId,
        decision: 'REFUSED',
        refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
        decidedOn: '2026-03-10',
      },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'REFUSAL_GROUND_CONTRADICTED',
      field: 'refusalGround',
    });
    const granted = ok(
      await t.gql<{ decideApplication: { decision: string } }>(DECIDE, {
        input: { applicationId, decision: 'GRANTED', decidedOn: '2026-03-10' },
      }),
    );
    expect(granted.decideApplication.decision).toBe('GRANTED');
  });

  // seed 002 §15.3: Murmansk's modes — 100 points is degree II, periodic support of 4–12 hours a week
  it('keeps a Murmansk plan within the periodic mode’s 4–12 hours a week unless a reason is recorded', async () => {
    const { id, applicationId } = await applyAndAssess('Евгения', 232_000_003);
    ok(
      await t.gql(ASSESS, {
        input: {
          recipientId: id,
          assessedOn: '2026-03-05',
          assessor: 'Иванова О. П.',
          answers: answersFor(100),
        },
      }),
    );
    ok(await t.gql(DECIDE, { input: { applicationId, decision: 'GRANTED', decidedOn: '2026-03-10' } }));
    const providerId = ok(
      await t.gql<{ createProvider: { id: string } }>(
        `mutation($input: CreateProviderInput!) { createProvider(input: $input) { id } }`,
        {
          input: {
            name: 'Государственное областное автономное учреждение социального обслуживания «КЦСОН г. Мурманска»',
            shortName: 'ГОАУСОН «КЦСОН г. Мурманска»',
            postalAddress: 'г. Мурманск, ул. Ленина, д. 1',
            municipality: 'г. Мурманск',
            forms: ['HOME_BASED'],
          },
        },
      ),
    ).createProvider.id;
    const plan = (hoursPerWeek: number) =>
      t.gql(PLAN, { input: { recipientId: id, providerId, hoursPerWeek, fromDate: '2026-03-10' } });
    expect((await plan(20)).errors?.[0]?.extensions).toMatchObject({
      code: 'PLAN_HOURS_OUT_OF_ASSESSED_RANGE',
      field: 'hoursPerWeek',
    });
    ok(await plan(10));
  });

  // seed 002 §8: Murmansk's act has no "written refusal of the assessment" ground (001 §16 в is Kaluga's)
  it('refuses a ground the Murmansk act does not list', async () => {
    const { applicationId } = await applyAndAssess('Фаина', 232_000_002);
    ok(await t.gql(DOCS, { input: { applicationId, assessmentRefusedOn: '2026-03-05' } }));
    const res = await t.gql(DECIDE, {
      input: {
        applicationId,
        decision: 'REFUSED',
        refusalGround: 'ASSESSMENT_REFUSED',
        decidedOn: '2026-03-10',
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'REFUSAL_GROUND_NOT_IN_REGION',
      field: 'refusalGround',
    });
  });
});
