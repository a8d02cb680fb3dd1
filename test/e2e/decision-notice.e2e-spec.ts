import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23: the record of informing the person of the decision. Seed 001 §13 lists among the
// ministry's duties informing the person (а) and deciding on the application (д); the person can
// only be informed of a decision once it is made, and not on a day still to come. §13 sets no term
// for it (§14's ten days bind the decision), so it is a next step of the case, not a deadline.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id decidedOn } }`;
const NOTICE = `mutation($input: RecordDecisionNoticeInput!) { recordDecisionNotice(input: $input) {
  id applicationId informedOn method letterGenerated note recordedBy } }`;
const CASE = `query($id: ID!) { recipient(id: $id) {
  applications { id notices { informedOn method letterGenerated note } }
  timeline { on kind code text by } } }`;
const DEADLINES = `query { deadlines(first: 200) { edges { node { kind recipientId } } } }`;

interface Case {
  applications: {
    id: string;
    notices: { informedOn: string; method: string; letterGenerated: boolean; note: string | null }[];
  }[];
  timeline: { on: string; kind: string; code: string | null; text: string | null; by: string | null }[];
}

describe('informing the person of the decision (kaluga: seed 001 §13)', () => {
  const clock = new ManualClock(new Date('2026-03-12T09:00:00Z'));
  let t: TestSystem;
  let person: string;
  let application: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { REGION: 'kaluga' } });
    person = ok(
      await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: {
          lastName: 'Зайцев',
          firstName: 'Пётр',
          patronymic: 'Олегович',
          sex: 'MALE',
          birthDate: '1988-02-11',
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
          snils: snilsFromBody(252_000_001),
        },
      }),
    ).createRecipient.id;
    application = ok(
      await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
        input: {
          recipientId: person,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
        },
      }),
    ).submitApplication.id;
  });
  afterAll(() => t.stop());

  function ok<T>(res: GraphQLResponse<T>): T {
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const notice = (input: Record<string, unknown>, as: Role = Role.COORDINATOR) =>
    t.gql<{ recordDecisionNotice: Record<string, unknown> }>(
      NOTICE,
      { input: { applicationId: application, ...input } },
      { as },
    );
  const refusal = (res: GraphQLResponse) => ({
    code: res.errors?.[0]?.extensions?.code,
    field: res.errors?.[0]?.extensions?.field,
  });
  const theCase = async () => ok(await t.gql<{ recipient: Case }>(CASE, { id: person })).recipient;

  it('seed 001 §13 д: refuses informing of a decision not yet made', async () => {
    expect(refusal(await notice({ informedOn: '2026-03-10', method: 'HANDED' }))).toEqual({
      code: 'DECISION_NOT_MADE',
      field: 'applicationId',
    });
    // seed 001 §16 б: refused, the ИППСУ missing; decided on the 10th.
    ok(
      await t.gql(DECIDE, {
        input: {
          applicationId: application,
          decidedOn: '2026-03-10',
          decision: 'REFUSED',
          refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
        },
      }),
    );
  });

  it('seed 001 §13: refuses a day before the decision or after today, and changes nothing', async () => {
    const before = await notice({ informedOn: '2026-03-09', method: 'POST' });
    expect(refusal(before)).toEqual({ code: 'NOTICE_BEFORE_DECISION', field: 'informedOn' });
    expect(before.errors![0]!.message).toContain('раньше, чем оно принято');
    expect(refusal(await notice({ informedOn: '2026-03-13', method: 'POST' }))).toEqual({
      code: 'DATE_IN_FUTURE',
      field: 'informedOn',
    });
    expect((await theCase()).applications[0]!.notices).toEqual([]);
  });

  it('seed 001 §13 а: records the letter posted on the day after the decision, in the case and its timeline', async () => {
    const stored = ok(
      await notice({
        informedOn: '2026-03-11',
        method: 'POST',
        letterGenerated: true,
        note: 'РПО 24800012345678',
      }),
    ).recordDecisionNotice;
    expect(stored).toMatchObject({
      informedOn: '2026-03-11',
      method: 'POST',
      letterGenerated: true,
      recordedBy: 't-coordinator',
    });
    const record = await theCase();
    expect(record.applications[0]!.notices).toEqual([
      { informedOn: '2026-03-11', method: 'POST', letterGenerated: true, note: 'РПО 24800012345678' },
    ]);
    expect(record.timeline).toContainEqual({
      on: '2026-03-11',
      kind: 'DECISION_NOTIFIED',
      code: 'POST',
      text: 'РПО 24800012345678',
      by: 't-coordinator',
    });
    // Handed in person the same day as well: a second way is a second fact; the same one twice is not.
    ok(await notice({ informedOn: '2026-03-11', method: 'HANDED' }));
    expect(refusal(await notice({ informedOn: '2026-03-11', method: 'POST' }))).toEqual({
      code: 'NOTICE_REPEATED',
      field: 'method',
    });
    expect((await theCase()).applications[0]!.notices).toHaveLength(2);
  });

  it('seed 001 §13 sets no term for informing: it raises no deadline in the work queue', async () => {
    const kinds = ok(
      await t.gql<{ deadlines: { edges: { node: { kind: string; recipientId: string } }[] } }>(DEADLINES),
    )
      .deadlines.edges.filter((e) => e.node.recipientId === person)
      .map((e) => e.node.kind);
    expect(kinds.some((k) => k.includes('NOTICE'))).toBe(false);
  });

  it('lets only the authorised body record it', async () => {
    for (const role of [Role.HEALTH_OFFICER, Role.PROVIDER_STAFF, Role.COUNCIL_MEMBER]) {
      expect(refusal(await notice({ informedOn: '2026-03-12', method: 'EMAIL' }, role)).code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await theCase()).applications[0]!.notices).toHaveLength(2);
  });
});
