import { interagencyAgencyOf, ManualClock, Role } from '@sl/core';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

// The region's health ministry in the agency directory (requests name agencies by id).
const HEALTH_AGENCY = interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id;

// seed 001 §4: the authorised body requests a medical conclusion; the ministry of health answers it
// in the graph, and the case sees the answer without social reading health's schema.

const SEND = `mutation($id: ID!, $subject: InteragencySubject!, $sentOn: LocalDate!) {
  sendInteragencyRequest(input: { recipientId: $id, agencyId: "${HEALTH_AGENCY}", subject: $subject, sentOn: $sentOn }) {
    id status } }`;
const QUEUE = `{ interagencyQueue(subject: MEDICAL_CONCLUSION, first: 100) {
  edges { node { id recipientId status healthAnswer { answeredOn } } } } }`;
const ANSWER = `mutation($input: AnswerInteragencyRequestInput!) { answerInteragencyRequest(input: $input) {
  id answeredOn conclusion { id } } }`;
const MARK = `mutation($input: MarkInteragencyAnsweredInput!) { markInteragencyAnswered(input: $input) {
  id status answeredOn answer answerRecordId } }`;
const CASE = `query($id: ID!) { recipient(id: $id) { interagencyRequests {
  id subject status answeredOn answerRecordId healthAnswer { answeredOn conclusion { id conditions } } } } }`;

type Queue = { interagencyQueue: { edges: { node: { id: string; status: string } }[] } };
interface CaseRequest {
  id: string;
  status: string;
  answeredOn: string | null;
  answerRecordId: string | null;
  healthAnswer: { answeredOn: string; conclusion: { id: string; conditions: string[] } } | null;
}

describe('an interagency request answered by the owning ministry', () => {
  let t: TestSystem;
  let people: string[];
  const health = { as: Role.HEALTH_OFFICER };
  // The demo cases are the demo coordinator's: the one coordinator who reads health's answers on them.
  const caseCoordinator = { authorization: '' };

  beforeAll(async () => {
    t = await startTestSystem({
      clock: new ManualClock(new Date('2026-11-20T09:00:00Z')),
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '6' },
    });
    caseCoordinator.authorization = await demoAuthorization(`http://127.0.0.1:${t.system.server.port}`);
    const res = await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
      '{ recipients(first: 6) { edges { node { id } } } }',
    );
    people = res.data!.recipients.edges.map((e) => e.node.id);
  });
  afterAll(() => t.stop());

  const queueIds = async () => {
    const res = await t.gql<Queue>(QUEUE, {}, health);
    expect(res.errors).toBeUndefined();
    return res.data!.interagencyQueue.edges.map((e) => e.node.id);
  };
  const requestOnCase = async (recipientId: string, requestId: string) => {
    const res = await t.gql<{ recipient: { interagencyRequests: CaseRequest[] } }>(
      CASE,
      { id: recipientId },
      caseCoordinator,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.recipient.interagencyRequests.find((r) => r.id === requestId)!;
  };

  it('goes from the health queue, answered with a conclusion, to answered on the case and out of the queue', async () => {
    const person = people[0]!;
    const sent = await t.gql<{ sendInteragencyRequest: { id: string; status: string } }>(SEND, {
      id: person,
      subject: 'MEDICAL_CONCLUSION',
      sentOn: '2026-11-18',
    });
    expect(sent.errors).toBeUndefined();
    const requestId = sent.data!.sendInteragencyRequest.id;
    expect(sent.data!.sendInteragencyRequest.status).toBe('AWAITING');
    expect(await queueIds()).toContain(requestId);

    const answered = await t.gql<{ answerInteragencyRequest: { id: string; conclusion: { id: string } } }>(
      ANSWER,
      {
        input: {
          requestId,
          recipientId: person,
          conclusion: {
            issuedOn: '2026-11-19',
            contraindicationsPresent: false,
            conditions: [],
            organisation: 'ГБУЗ «Областная больница»',
            validUntil: '2027-11-18',
          },
        },
      },
      health,
    );
    expect(answered.errors).toBeUndefined();
    const conclusionId = answered.data!.answerInteragencyRequest.conclusion.id;

    const marked = await t.gql<{ markInteragencyAnswered: Record<string, unknown> }>(
      MARK,
      { input: { requestId, recipientId: person, answerRecordId: conclusionId } },
      health,
    );
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markInteragencyAnswered).toMatchObject({
      status: 'ANSWERED',
      answeredOn: '2026-11-20',
      answerRecordId: conclusionId,
      answer: expect.stringMatching(/здравоохранения/),
    });

    const onCase = await requestOnCase(person, requestId);
    expect(onCase).toMatchObject({
      status: 'ANSWERED',
      answeredOn: '2026-11-20',
      answerRecordId: conclusionId,
    });
    // the answer links the record health created
    expect(onCase.healthAnswer!.conclusion.id).toBe(conclusionId);
    // the queue and the status follow the same record: the request left the queue
    expect(await queueIds()).not.toContain(requestId);

    const again = await t.gql(
      MARK,
      { input: { requestId, recipientId: person, answerRecordId: conclusionId } },
      health,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('REQUEST_ALREADY_ANSWERED');
  });

  it('keeps a request answered in health but not yet marked in the queue, with the answer beside it', async () => {
    const person = people[1]!;
    const sent = await t.gql<{ sendInteragencyRequest: { id: string } }>(SEND, {
      id: person,
      subject: 'MEDICAL_CONCLUSION',
      sentOn: '2026-11-19',
    });
    const requestId = sent.data!.sendInteragencyRequest.id;
    const answered = await t.gql<{ answerInteragencyRequest: { conclusion: { id: string } } }>(
      ANSWER,
      {
        input: {
          requestId,
          recipientId: person,
          conclusion: {
            issuedOn: '2026-11-20',
            contraindicationsPresent: true,
            conditions: ['F20.0'],
            organisation: 'ГБУЗ «Психиатрическая больница»',
          },
        },
      },
      health,
    );
    expect(answered.errors).toBeUndefined();
    const queue = await t.gql<{
      interagencyQueue: { edges: { node: { id: string; status: string; healthAnswer: unknown } }[] };
    }>(QUEUE, {}, health);
    const item = queue.data!.interagencyQueue.edges.find((e) => e.node.id === requestId)!.node;
    expect(item.status).toBe('AWAITING');
    expect(item.healthAnswer).toEqual({ answeredOn: '2026-11-20' });
    // marking it (again, after a lost mark) closes it
    const marked = await t.gql(
      MARK,
      {
        input: {
          requestId,
          recipientId: person,
          answerRecordId: answered.data!.answerInteragencyRequest.conclusion.id,
        },
      },
      health,
    );
    expect(marked.errors).toBeUndefined();
    expect(await queueIds()).not.toContain(requestId);
  });

  it('lets only the answering ministry mark a request, for the right person, and writes nothing otherwise', async () => {
    const person = people[2]!;
    const medical = await t.gql<{ sendInteragencyRequest: { id: string } }>(SEND, {
      id: person,
      subject: 'MEDICAL_CONCLUSION',
      sentOn: '2026-11-20',
    });
    const ipra = await t.gql<{ sendInteragencyRequest: { id: string } }>(SEND, {
      id: person,
      subject: 'IPRA',
      sentOn: '2026-11-20',
    });
    const requestId = medical.data!.sendInteragencyRequest.id;
    const record = '00000000-0000-4000-8000-0000000000c1';
    const mark = (input: Record<string, unknown>, as: Role) => t.gql(MARK, { input }, { as });

    // an education officer cannot answer for health, a coordinator records answers another way
    const education = await mark(
      { requestId, recipientId: person, answerRecordId: record },
      Role.EDUCATION_OFFICER,
    );
    expect(education.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');
    const coordinator = await mark(
      { requestId, recipientId: person, answerRecordId: record },
      Role.COORDINATOR,
    );
    expect(coordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // health does not answer for the Social Fund (ИПРА comes from the ЕЦП)
    const notHealth = await mark(
      { requestId: ipra.data!.sendInteragencyRequest.id, recipientId: person, answerRecordId: record },
      Role.HEALTH_OFFICER,
    );
    expect(notHealth.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');
    const otherPerson = await mark(
      { requestId, recipientId: people[3], answerRecordId: record },
      Role.HEALTH_OFFICER,
    );
    expect(otherPerson.errors?.[0]?.extensions?.code).toBe('REQUEST_OF_ANOTHER_RECIPIENT');
    const unknown = await mark(
      { requestId: '00000000-0000-4000-8000-0000000000ff', recipientId: person, answerRecordId: record },
      Role.HEALTH_OFFICER,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badId = await mark(
      { requestId: 'x', recipientId: person, answerRecordId: record },
      Role.HEALTH_OFFICER,
    );
    expect(badId.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const onCase = await requestOnCase(person, requestId);
    expect(onCase).toMatchObject({ status: 'AWAITING', answeredOn: null, answerRecordId: null });
    expect(await queueIds()).toContain(requestId);
  });

  it('shows a request past its due date unanswered as overdue (210-ФЗ art. 7.2: 5 working days)', async () => {
    const person = people[4]!;
    const sent = await t.gql<{ sendInteragencyRequest: { id: string; status: string } }>(SEND, {
      id: person,
      subject: 'MEDICAL_CONCLUSION',
      sentOn: '2026-11-02',
    });
    expect(sent.data!.sendInteragencyRequest.status).toBe('OVERDUE');
  });

  it('counts a fixed number of statements for a page of the queue, whatever its size', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql<Queue>(
        `query($first: Int) { interagencyQueue(subject: MEDICAL_CONCLUSION, first: $first) {
          edges { node { id status healthAnswer { answeredOn conclusion { id } } } } } }`,
        { first },
        health,
      );
      expect(res.errors).toBeUndefined();
      return {
        size: res.data!.interagencyQueue.edges.length,
        social: t.queries.get('social')?.length ?? 0,
        health: t.queries.get('health')?.length ?? 0,
      };
    };
    const one = await cost(1);
    const all = await cost(100);
    expect(one.size).toBe(1);
    expect(all.size).toBeGreaterThan(1);
    // social: the queue's people, the officer's consents for them (one batch: people without
    // consent are left out), the page, their case coordinators for health's rule (one batch), one
    // audit insert; health: answers, conclusions, one audit insert
    expect(all.social).toBe(one.social);
    expect(all.social).toBeLessThanOrEqual(5);
    for (const page of [one, all]) expect(page.health).toBeLessThanOrEqual(3);
  });
});
