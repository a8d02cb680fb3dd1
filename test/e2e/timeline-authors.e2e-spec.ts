import { randomUUID } from 'node:crypto';
import {
  agencyIdOf,
  createLogger,
  interagencyAgencyOf,
  ManualClock,
  Role,
  snilsFromBody,
  systemClock,
} from '@sl/core';
import { graphql } from 'graphql';
import { startTestSystem, type TestSystem } from '../support/system.js';

// The region's health ministry in the agency directory (requests name agencies by id).
const HEALTH_AGENCY = interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id;

// Issue 17: the case's timeline says by whom — the user whose write the audit log holds, named
// through access's Colleague (social keeps no account of its writers; access does).

const TIMELINE = `query($id: ID!) { recipient(id: $id) {
  timeline { kind code write { entity change author { displayName } } } } }`;

interface Event {
  kind: string;
  code: string | null;
  write: { entity: string; change: string; author: { displayName: string } | null };
}

describe('the timeline’s authors, from the audit log through the graph', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+03:00'));
  let person: string;

  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const timeline = async (options = {}) =>
    ok(await t.gql<{ recipient: { timeline: Event[] } }>(TIMELINE, { id: person }, options)).recipient
      .timeline;

  beforeAll(async () => {
    t = await startTestSystem({ clock });
    person = ok(
      await t.gql<{ createRecipient: { id: string } }>(
        `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`,
        {
          input: {
            snils: snilsFromBody(181_181_181),
            lastName: 'Авторова',
            firstName: 'Ирина',
            birthDate: '1990-01-01',
            sex: 'FEMALE',
            municipality: 'г. Калуга',
          },
        },
      ),
    ).createRecipient.id;
    ok(
      await t.gql(
        `mutation($id: ID!) { submitApplication(input: { recipientId: $id, submittedOn: "2026-03-05", appliedBy: PERSON }) { id } }`,
        { id: person },
      ),
    );
    ok(
      await t.gql(
        `mutation($id: ID!) { giveConsent(input: { recipientId: $id, kind: PERSONAL_DATA, givenOn: "2026-03-05" }) { id } }`,
        { id: person },
      ),
    );
    const requestId = ok(
      await t.gql<{ sendInteragencyRequest: { id: string } }>(
        `mutation($id: ID!) { sendInteragencyRequest(input: { recipientId: $id, agencyId: "${HEALTH_AGENCY}",
          subject: MEDICAL_CONCLUSION, sentOn: "2026-03-09" }) { id } }`,
        { id: person },
      ),
    ).sendInteragencyRequest.id;
    // Health answers on its own screen: its conclusion, then the request marked answered — both
    // writes of health's officer.
    const conclusionId = ok(
      await t.gql<{ answerInteragencyRequest: { conclusion: { id: string } } }>(
        `mutation($input: AnswerInteragencyRequestInput!) { answerInteragencyRequest(input: $input) { conclusion { id } } }`,
        {
          input: {
            requestId,
            recipientId: person,
            conclusion: {
              issuedOn: '2026-03-10',
              contraindicationsPresent: false,
              conditions: [],
              organisation: 'ГБУЗ «Областная больница»',
            },
          },
        },
        { as: Role.HEALTH_OFFICER },
      ),
    ).answerInteragencyRequest.conclusion.id;
    ok(
      await t.gql(
        `mutation($input: MarkInteragencyAnsweredInput!) { markInteragencyAnswered(input: $input) { id } }`,
        {
          input: {
            requestId,
            recipientId: person,
            answerRecordId: conclusionId,
            contraindicationsPresent: false,
          },
        },
        { as: Role.HEALTH_OFFICER },
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('names the user who made each write: the coordinator, and health’s officer for the answer', async () => {
    const events = await timeline();
    const authorOf = (kind: string) => events.find((e) => e.kind === kind)?.write.author?.displayName;
    expect(authorOf('APPLICATION_SUBMITTED')).toBe(`Тест ${Role.COORDINATOR}`);
    expect(authorOf('CONSENT')).toBe(`Тест ${Role.COORDINATOR}`);
    expect(authorOf('REQUEST_SENT')).toBe(`Тест ${Role.COORDINATOR}`);
    // The answer is a later change of the same record: its first setting of `answeredOn`, not the creation.
    const answered = events.find((e) => e.kind === 'REQUEST_ANSWERED')!;
    expect(answered.write).toEqual({
      entity: 'InteragencyRequest',
      change: 'answeredOn',
      author: { displayName: `Тест ${Role.HEALTH_OFFICER}` },
    });
  });

  it('names nobody for a write of a partner system, and reads the log once for the whole timeline', async () => {
    const token = ok(
      await t.gql<{ createApiClient: { token: string } }>(
        `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }`,
        {
          input: {
            name: 'Регистр МФЦ',
            agencyId: agencyIdOf('kaliningrad', 'Министерство социальной политики Калининградской области'),
            roles: ['COORDINATOR'],
          },
        },
        { as: Role.ADMIN },
      ),
    ).createApiClient.token;
    ok(
      await t.gql(
        `mutation($id: ID!) { giveConsent(input: { recipientId: $id, kind: SHARING, sharedWith: HEALTH, givenOn: "2026-03-10" }) { id } }`,
        { id: person },
        { authorization: `Bearer ${token}` },
      ),
    );
    t.resetQueries();
    const events = await timeline();
    const sharing = events.filter((e) => e.kind === 'CONSENT');
    expect(sharing.map((e) => e.write.author?.displayName ?? null).sort()).toEqual([
      null,
      `Тест ${Role.COORDINATOR}`,
    ]);
    const logReads = (t.queries.get('access') ?? []).filter(
      (sql) => sql.includes('audit_event') && sql.includes('any('),
    );
    expect(logReads).toHaveLength(1);
  });

  it('keeps the authors to those who may read the case', async () => {
    const refused = await t.gql(TIMELINE, { id: person }, { as: Role.HEALTH_OFFICER });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.data ?? null)).not.toContain('Тест');

    // Straight at the access subgraph (as the gateway would ask it): the author is the case's
    // readers' alone, whoever else sends the representation.
    const { recipient } = ok(
      await t.gql<{
        recipient: { timeline: { write: { entity: string; entityId: string; change: string } }[] };
      }>('query($id: ID!) { recipient(id: $id) { timeline { write { entity entityId change } } } }', {
        id: person,
      }),
    );
    const access = t.system.runtimes.get('access')!;
    const ask = async (role: Role) => {
      const context = access.contextFor({
        requestId: randomUUID(),
        actor: {
          kind: 'user',
          id: randomUUID(),
          name: 'direct',
          agencyId: null,
          roles: [role],
          providerId: null,
        },
        clock: systemClock,
        logger: createLogger('silent'),
      });
      const result = await graphql({
        schema: access.schema,
        source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on RecordWrite { author { displayName } } } }`,
        variableValues: {
          r: [{ __typename: 'RecordWrite', recipientId: person, ...recipient.timeline[0]!.write }],
        },
        contextValue: context,
      });
      await access.flushAudit(context);
      return result;
    };
    expect((await ask(Role.COORDINATOR)).errors).toBeUndefined();
    for (const role of Object.values(Role).filter((r) => r !== Role.COORDINATOR)) {
      const result = await ask(role);
      expect({
        role,
        code: (result.errors?.[0]?.originalError as { code?: string } | undefined)?.code,
      }).toEqual({
        role,
        code: 'FORBIDDEN',
      });
    }
  });
});
