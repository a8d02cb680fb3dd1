import { interagencyAgencyOf, ManualClock, snilsFromBody } from '@sl/core';
import { answersFor } from '../support/questionnaire.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

// The region's Social Fund office in the agency directory (seed 001 §4: the ИПРА via ЕЦП).
const SFR = interagencyAgencyOf('kaluga', 'IPRA');

type Errors =
  | { extensions?: { code?: string; field?: string; [k: string]: unknown }; message: string }[]
  | undefined;
const code = (res: { errors?: Errors }) => res.errors?.[0]?.extensions?.code;

const CASE = /* GraphQL */ `
  query Case($id: ID!) {
    recipient(id: $id) {
      id autonomyDegree
      applications {
        id status submittedOn decisionDueOn decision refusalGround decidedOn assessmentId
        consentToAssessmentOn consentToDataProcessingOn missingDocuments
        documents { kind receivedOn }
        eligibilityProblems { code message }
      }
      assessments { id score degree reassessmentDueOn recommendedService { code name hours { min max per } } }
      interagencyRequests { id agency subject sentOn dueOn answeredOn answer overdue }
    }
  }
`;
interface CaseData {
  recipient: {
    id: string;
    autonomyDegree: string | null;
    applications: {
      id: string;
      status: string;
      decisionDueOn: string;
      decision: string | null;
      assessmentId: string | null;
      missingDocuments: string[];
      documents: { kind: string; receivedOn: string }[];
      eligibilityProblems: { code: string }[];
    }[];
    assessments: {
      score: number;
      degree: string;
      reassessmentDueOn: string;
      recommendedService: { code: string; name: string; hours: { min: number; max: number; per: string } };
    }[];
    interagencyRequests: {
      id: string;
      subject: string;
      dueOn: string;
      answeredOn: string | null;
      overdue: boolean;
    }[];
  };
}

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id status decisionDueOn } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status decision assessmentId } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) {
  recordAssessment(input: $input) { id degree reassessmentDueOn recommendedService { code name hours { min max per } } }
}`;
const SEND = `mutation($input: SendInteragencyRequestInput!) { sendInteragencyRequest(input: $input) { id dueOn overdue } }`;
const ANSWER = `mutation($input: RecordInteragencyAnswerInput!) { recordInteragencyAnswer(input: $input) { id answeredOn overdue } }`;

const person = {
  lastName: 'Кузнецов',
  firstName: 'Илья',
  patronymic: 'Андреевич',
  birthDate: '1994-06-15',
  sex: 'MALE',
  municipality: 'г. Калуга',
  legalCapacity: 'FULL',
  limitations: {
    selfCare: 2,
    movement: 1,
    orientation: 1,
    communication: 2,
    learning: 1,
    behaviourControl: 0,
  },
};

describe('one person through the case: application, requests, assessment, decision (kaluga rules)', () => {
  // 2026-03-02 is a Monday.
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let t: TestSystem;
  let id: string;
  let applicationId: string;
  const readCase = async () => {
    const res = await t.gql<CaseData>(CASE, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.recipient;
  };

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { REGION: 'kaluga' } });
  });
  afterAll(() => t.stop());

  it('registers the person: a wrong СНИЛС check number first, then the right one', async () => {
    const snils = snilsFromBody(150_150_150);
    const wrong = `${snils.slice(0, 9)}${snils.slice(9) === '00' ? '01' : '00'}`;
    const refused = await t.gql(CREATE, { input: { ...person, snils: wrong } });
    expect(code(refused)).toBe('SNILS_INVALID');
    const created = await t.gql<{ createRecipient: { id: string } }>(CREATE, { input: { ...person, snils } });
    expect(created.errors).toBeUndefined();
    id = created.data!.createRecipient.id;
  });

  // seed 002 §1–2: participants are adults (18+)
  it('refuses an application of a minor with NOT_ADULT and writes nothing', async () => {
    // A minor is not registered at all (seed 001 §2); one who turned 18 yesterday is, but an
    // application dated before that birthday is still a minor's.
    const minor = await t.gql(CREATE, {
      input: { ...person, firstName: 'Олег', birthDate: '2008-03-03', snils: snilsFromBody(150_150_151) },
    });
    expect(minor.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ADULT', field: 'birthDate' });
    const adult = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: { ...person, firstName: 'Олег', birthDate: '2008-03-01', snils: snilsFromBody(150_150_151) },
    });
    const minorId = adult.data!.createRecipient.id;
    const res = await t.gql(SUBMIT, {
      input: { recipientId: minorId, submittedOn: '2026-02-27', appliedBy: 'PERSON' },
    });
    expect(code(res)).toBe('NOT_ADULT');
    expect(res.errors?.[0]?.message).toMatch(/18 лет/);
    const after = await t.gql<CaseData>(CASE, { id: minorId });
    expect(after.data!.recipient.applications).toEqual([]);
  });

  // seed 001 §14: decision within 10 calendar days of the application
  it('registers the application with the decision due in 10 calendar days', async () => {
    const res = await t.gql<{ submitApplication: { id: string; status: string; decisionDueOn: string } }>(
      SUBMIT,
      {
        input: {
          recipientId: id,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
          consentToAssessmentOn: '2026-03-02',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitApplication).toMatchObject({ status: 'SUBMITTED', decisionDueOn: '2026-03-12' });
    applicationId = res.data!.submitApplication.id;
    const again = await t.gql(SUBMIT, {
      input: { recipientId: id, submittedOn: '2026-03-02', appliedBy: 'PERSON' },
    });
    expect(code(again)).toBe('APPLICATION_ALREADY_OPEN');
    const byRepresentative = await t.gql(SUBMIT, {
      input: { recipientId: id, submittedOn: '2026-03-02', appliedBy: 'REPRESENTATIVE' },
    });
    expect(code(byRepresentative)).toBe('REPRESENTATIVE_MISSING');
  });

  // seed 001 §4: residence registration, disability fact and ИПРА are requested from other agencies
  it('sends interagency requests, records an answer, and marks an unanswered one overdue after its due date', async () => {
    const residence = await t.gql<{
      sendInteragencyRequest: { id: string; dueOn: string; overdue: boolean };
    }>(SEND, {
      input: {
        recipientId: id,
        applicationId,
        agencyId: interagencyAgencyOf('kaluga', 'RESIDENCE_REGISTRATION').id,
        subject: 'RESIDENCE_REGISTRATION',
        sentOn: '2026-03-02',
      },
    });
    expect(residence.errors).toBeUndefined();
    // 5 working days from Monday 2 March: Monday 9 March
    expect(residence.data!.sendInteragencyRequest).toMatchObject({ dueOn: '2026-03-09', overdue: false });
    const ipra = await t.gql<{ sendInteragencyRequest: { id: string } }>(SEND, {
      input: { recipientId: id, applicationId, agencyId: SFR.id, subject: 'IPRA', sentOn: '2026-03-02' },
    });
    expect(ipra.errors).toBeUndefined();
    const badSubject = await t.gql(SEND, {
      input: { recipientId: id, agencyId: SFR.id, subject: 'PASSPORT', sentOn: '2026-03-02' },
    });
    expect(code(badSubject)).toBe('BAD_USER_INPUT');
    // Issue 23: the agency is one of the region's directory, by id — never free text, never an
    // unknown id, never another region's agency; nothing is written.
    const send = (agencyId: string) =>
      t.gql(SEND, { input: { recipientId: id, agencyId, subject: 'IPRA', sentOn: '2026-03-02' } });
    const freeText = await send('СФР (ЕЦП)');
    expect(freeText.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'agencyId' });
    expect(JSON.stringify(freeText.errors)).toContain('Выберите ведомство из справочника');
    for (const agencyId of [
      '6b0d3c1e-2f4a-5b6c-8d7e-9f0a1b2c3d4e',
      interagencyAgencyOf('murmansk', 'IPRA').id,
    ]) {
      const unknown = await send(agencyId);
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'AGENCY_UNKNOWN', field: 'agencyId' });
      expect(unknown.errors?.[0]?.message).toBe('Ведомство не найдено в справочнике ведомств региона');
    }
    const answered = await t.gql<{ recordInteragencyAnswer: { answeredOn: string } }>(ANSWER, {
      input: {
        requestId: residence.data!.sendInteragencyRequest.id,
        answeredOn: '2026-03-02',
        answer: 'Зарегистрирован по месту жительства',
        document: 'письмо УВМ № 12/3456 от 02.03.2026',
      },
    });
    expect(answered.errors).toBeUndefined();
    const twice = await t.gql(ANSWER, {
      input: {
        requestId: residence.data!.sendInteragencyRequest.id,
        answeredOn: '2026-03-02',
        answer: 'ещё раз',
        document: 'письмо УВМ № 12/3457 от 02.03.2026',
      },
    });
    expect(code(twice)).toBe('REQUEST_ALREADY_ANSWERED');
    clock.set('2026-03-10T08:00:00Z');
    const requests = (await readCase()).interagencyRequests;
    expect(requests).toHaveLength(2);
    expect(requests.find((r) => r.subject === 'IPRA')!.overdue).toBe(true);
    expect(requests.find((r) => r.subject === 'RESIDENCE_REGISTRATION')!.overdue).toBe(false);
  });

  // seed 001 §9: 137–204 points — degree III; §9.1: type 3, regular, 4–8 hours a day; §15: re-assessment in 3 years
  it('assesses 150 points as degree III, service type 3 with 4–8 hours a day, re-assessment in 3 years', async () => {
    const res = await t.gql<{ recordAssessment: Record<string, unknown> }>(ASSESS, {
      input: {
        recipientId: id,
        assessedOn: '2026-03-04',
        assessor: 'Петрова А. В., специалист',
        answers: answersFor(150),
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAssessment).toMatchObject({
      degree: 'III',
      reassessmentDueOn: '2029-03-04',
      recommendedService: { code: 'TYPE_3', name: 'регулярное', hours: { min: 4, max: 8, per: 'DAY' } },
    });
    expect((await readCase()).autonomyDegree).toBe('III');
    const found = await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
      'query($f: RecipientFilter) { recipients(filter: $f) { edges { node { id } } } }',
      { f: { degree: 'III' } },
    );
    expect(found.data!.recipients.edges.map((e) => e.node.id)).toContain(id);
  });

  // seed 001 §3, §16 б: no grant without the documents; the consents are on the application form (002 appendix)
  it('refuses to grant while documents or consents are missing, naming them, and changes nothing', async () => {
    const review = await t.gql(
      `mutation($id: ID!) { startApplicationReview(applicationId: $id) { status } }`,
      { id: applicationId },
    );
    expect(review.errors).toBeUndefined();
    const res = await t.gql(DECIDE, {
      input: { applicationId, decision: 'GRANTED', decidedOn: '2026-03-10' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'DOCUMENTS_MISSING',
      missing: ['IPPSU', 'CONSENT_TO_DATA_PROCESSING'],
    });
    expect(res.errors?.[0]?.message).toMatch(/ИППСУ/);
    const unknown = await t.gql(DECIDE, {
      input: { applicationId, decision: 'MAYBE', decidedOn: '2026-03-10' },
    });
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    const noGround = await t.gql(DECIDE, {
      input: { applicationId, decision: 'REFUSED', decidedOn: '2026-03-10' },
    });
    expect(code(noGround)).toBe('REFUSAL_GROUND_REQUIRED');
    const [application] = (await readCase()).applications;
    expect(application).toMatchObject({
      status: 'UNDER_REVIEW',
      decision: null,
      missingDocuments: ['IPPSU', 'CONSENT_TO_DATA_PROCESSING'],
    });
  });

  it('grants once the documents and consents are in, resting on the assessment', async () => {
    const docs = await t.gql(
      `mutation($input: RecordApplicationDocumentsInput!) { recordApplicationDocuments(input: $input) { id missingDocuments } }`,
      {
        input: {
          applicationId,
          documents: [{ kind: 'IPPSU', receivedOn: '2026-03-05' }],
          consentToDataProcessingOn: '2026-03-05',
        },
      },
    );
    expect(docs.errors).toBeUndefined();
    const res = await t.gql<{
      decideApplication: { status: string; decision: string; assessmentId: string };
    }>(DECIDE, {
      input: { applicationId, decision: 'GRANTED', decidedOn: '2026-03-10' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideApplication).toMatchObject({ status: 'DECIDED', decision: 'GRANTED' });
    const c = await readCase();
    expect(c.applications[0]!.assessmentId).toBe(res.data!.decideApplication.assessmentId);
    expect(c.applications[0]!.documents.map((d) => d.kind)).toEqual(['IDENTITY_DOCUMENT', 'IPPSU']);
    const again = await t.gql(DECIDE, {
      input: { applicationId, decision: 'REFUSED', refusalGround: 'NO_DEGREE', decidedOn: '2026-03-10' },
    });
    expect(code(again)).toBe('APPLICATION_ALREADY_DECIDED');
  });

  // seed 002 §2: a degree 2–3 limitation in at least one basic life category
  it('refuses a grant to a person without a degree 2–3 limitation, even with an assessment', async () => {
    const other = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: {
        ...person,
        firstName: 'Роман',
        snils: snilsFromBody(150_150_152),
        limitations: { selfCare: 1, movement: 1 },
      },
    });
    const otherId = other.data!.createRecipient.id;
    const app = await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
      input: { recipientId: otherId, submittedOn: '2026-03-10', appliedBy: 'PERSON' },
    });
    await t.gql(ASSESS, {
      input: {
        recipientId: otherId,
        assessedOn: '2026-03-10',
        assessor: 'Петрова А. В.',
        answers: answersFor(60),
      },
    });
    const res = await t.gql(DECIDE, {
      input: { applicationId: app.data!.submitApplication.id, decision: 'GRANTED', decidedOn: '2026-03-10' },
    });
    expect(code(res)).toBe('NO_QUALIFYING_LIMITATION');
    const refused = await t.gql<{ decideApplication: { decision: string } }>(DECIDE, {
      input: {
        applicationId: app.data!.submitApplication.id,
        decision: 'OTHER_FORM',
        decidedOn: '2026-03-10',
      },
    });
    expect(refused.data!.decideApplication.decision).toBe('OTHER_FORM');
  });

  // seed 001 §14: undecided after 10 days; §15: re-assessment due within 30 days; §4: answers overdue
  it('lists the deadlines as of the clock: a late decision, a late answer, then the re-assessment', async () => {
    const DEADLINES = `query($f: DeadlineFilter) { deadlines(filter: $f, first: 50) { edges { node { kind itemId recipientId dueOn daysLate agency } } } }`;
    type Page = {
      deadlines: {
        edges: {
          node: { kind: string; recipientId: string; dueOn: string; daysLate: number; agency: string | null };
        }[];
      };
    };
    const late = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: { ...person, firstName: 'Степан', snils: snilsFromBody(150_150_153) },
    });
    const lateId = late.data!.createRecipient.id;
    await t.gql(SUBMIT, { input: { recipientId: lateId, submittedOn: '2026-02-25', appliedBy: 'PERSON' } });
    const now = await t.gql<Page>(DEADLINES); // today is 2026-03-10
    const mine = now
      .data!.deadlines.edges.map((e) => e.node)
      .filter((n) => [id, lateId].includes(n.recipientId));
    expect(mine).toEqual([
      {
        kind: 'DECISION',
        itemId: expect.any(String),
        recipientId: lateId,
        dueOn: '2026-03-07',
        daysLate: 3,
        agency: null,
      },
      {
        kind: 'INTERAGENCY_REQUEST',
        itemId: expect.any(String),
        recipientId: id,
        dueOn: '2026-03-09',
        daysLate: 1,
        agency: SFR.name,
      },
    ]);
    clock.set('2029-02-10T08:00:00Z');
    const later = await t.gql<Page>(DEADLINES, { f: { kinds: ['REASSESSMENT'] } });
    expect(later.data!.deadlines.edges.map((e) => e.node)).toEqual([
      {
        kind: 'REASSESSMENT',
        itemId: expect.any(String),
        recipientId: id,
        dueOn: '2029-03-04',
        daysLate: -22,
        agency: null,
      },
    ]);
  });
});
