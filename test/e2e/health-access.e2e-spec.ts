import { randomUUID } from 'node:crypto';
import {
  createLogger,
  interagencyAgencyOf,
  ManualClock,
  Role,
  sealCaseAssignment,
  sessionSecret,
  systemClock,
  testConfig,
} from '@sl/core';
import { graphql } from 'graphql';
import { shareWith } from '../support/consent.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

// The region's health ministry in the agency directory (requests name agencies by id).
const HEALTH_AGENCY = interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id;

const HEALTH = `query Health($id: ID!) { recipient(id: $id) { id caseCoordinatorIds medicalConclusions { issuedOn conditions } } }`;
const ASSIGN = `mutation ($input: AssignCaseCoordinatorInput!) { assignCaseCoordinator(input: $input) { id caseCoordinatorIds } }`;

describe('health details: health officers, and of the coordinators only the case’s own', () => {
  let t: TestSystem;
  let person: string;
  let ownId: string;
  let otherId: string;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  // A second coordinator of the authorised body, not on this person's case.
  const other = { as: { role: Role.COORDINATOR, agencyId: 'Отдел-2' } };
  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.[0]?.extensions?.code;
  const idOf = async (as?: typeof other) =>
    (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, as ?? {})).data!.me.id;

  beforeAll(async () => {
    t = await startTestSystem({ clock });
    const created = await t.gql<{ createRecipient: { id: string } }>(
      `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`,
      {
        input: {
          snils: '11223344595',
          lastName: 'Здравова',
          firstName: 'Анна',
          birthDate: '1985-06-01',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
      },
    );
    person = created.data!.createRecipient.id;
    // Health writes about a person only under their consent to share with health (issue 23).
    await shareWith(t, person, ['HEALTH']);
    const conclusion = await t.gql(
      `mutation ($input: RecordMedicalConclusionInput!) { recordMedicalConclusion(input: $input) { id } }`,
      {
        input: {
          recipientId: person,
          issuedOn: '2026-11-01',
          contraindicationsPresent: true,
          conditions: ['F20.0'],
          organisation: 'ГБУЗ «Областная больница»',
        },
      },
      { as: Role.HEALTH_OFFICER },
    );
    expect(conclusion.errors).toBeUndefined();
    ownId = await idOf();
    otherId = await idOf(other);
  });
  afterAll(() => t?.stop());

  it('puts the person’s case in the hands of the coordinator who registers them', async () => {
    const res = await t.gql<{ recipient: { caseCoordinatorIds: string[]; medicalConclusions: unknown[] } }>(
      HEALTH,
      { id: person },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recipient.caseCoordinatorIds).toEqual([ownId]);
    expect(res.data!.recipient.medicalConclusions).toEqual([
      { issuedOn: '2026-11-01', conditions: ['F20.0'] },
    ]);
    // Health officers read health details whoever runs the case.
    const officer = await t.gql(HEALTH, { id: person }, { as: Role.HEALTH_OFFICER });
    expect(officer.errors).toBeUndefined();
  });

  it('refuses another coordinator with NOT_CASE_COORDINATOR, and records no read for it', async () => {
    const before = await t.system.accessOrm.em
      .getConnection()
      .execute<{ n: string }[]>(
        `SELECT count(*) n FROM access.audit_event WHERE subgraph = 'health' AND action = 'read' AND actor_id = ?`,
        [otherId],
      );
    const res = await t.gql<{ recipient: { medicalConclusions: unknown } | null }>(
      HEALTH,
      { id: person },
      other,
    );
    expect(codeOf(res)).toBe('NOT_CASE_COORDINATOR');
    expect(res.errors?.[0]?.message).toMatch(/координатору, ведущему дело/);
    expect(JSON.stringify(res.data)).not.toContain('F20.0');
    for (const field of ['rehabilitationEpisodes', 'mobileTeamVisits']) {
      const one = await t.gql(
        `query ($id: ID!) { recipient(id: $id) { ${field} { __typename } } }`,
        { id: person },
        other,
      );
      expect(codeOf(one)).toBe('NOT_CASE_COORDINATOR');
    }
    const after = await t.system.accessOrm.em
      .getConnection()
      .execute<{ n: string }[]>(
        `SELECT count(*) n FROM access.audit_event WHERE subgraph = 'health' AND action = 'read' AND actor_id = ?`,
        [otherId],
      );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('applies the same rule to health’s answer on an interagency request', async () => {
    const sent = await t.gql<{ sendInteragencyRequest: { id: string } }>(
      `mutation ($id: ID!) { sendInteragencyRequest(input: { recipientId: $id, agencyId: "${HEALTH_AGENCY}",
        subject: MEDICAL_CONCLUSION, sentOn: "2026-11-18" }) { id } }`,
      { id: person },
    );
    expect(sent.errors).toBeUndefined();
    const answered = await t.gql(
      `mutation ($input: AnswerInteragencyRequestInput!) { answerInteragencyRequest(input: $input) { id } }`,
      {
        input: {
          requestId: sent.data!.sendInteragencyRequest.id,
          recipientId: person,
          conclusion: {
            issuedOn: '2026-11-19',
            contraindicationsPresent: true,
            conditions: ['F70'],
            organisation: 'ГБУЗ «Областная больница»',
          },
        },
      },
      { as: Role.HEALTH_OFFICER },
    );
    expect(answered.errors).toBeUndefined();
    const ANSWERS = `query ($id: ID!) { recipient(id: $id) { interagencyRequests { subject healthAnswer { conclusion { conditions } } } } }`;
    type Answers = {
      recipient: { interagencyRequests: { healthAnswer: { conclusion: { conditions: string[] } } | null }[] };
    };
    // The case's own coordinator reads the conclusion through the request…
    const own = await t.gql<Answers>(ANSWERS, { id: person });
    expect(own.errors).toBeUndefined();
    expect(
      own.data!.recipient.interagencyRequests.map((r) => r.healthAnswer?.conclusion.conditions),
    ).toContainEqual(['F70']);
    // …another coordinator may see the request, but not health's answer to it.
    const foreign = await t.gql<Answers>(ANSWERS, { id: person }, other);
    expect(codeOf(foreign)).toBe('NOT_CASE_COORDINATOR');
    expect(JSON.stringify(foreign.data)).not.toContain('F70');
  });

  it('lets the other coordinator in by break-the-glass with a reason, flagged in the audit log', async () => {
    const grant = await t.gql(
      `mutation ($r: ID!) { breakGlass(recipientId: $r, reason: "Координатор дела в отпуске, срочный вызов") { expiresAt } }`,
      { r: person },
      other,
    );
    expect(grant.errors).toBeUndefined();
    const res = await t.gql(HEALTH, { id: person }, other);
    expect(res.errors).toBeUndefined();
    const rows = await t.system.accessOrm.em
      .getConnection()
      .execute<{ fields: string[]; break_glass: boolean }[]>(
        `SELECT fields, break_glass FROM access.audit_event WHERE subgraph = 'health' AND action = 'read' AND actor_id = ?`,
        [otherId],
      );
    expect(rows).toEqual([
      {
        fields: [
          'MedicalConclusion.conditions',
          'MedicalConclusion.issuedOn',
          'Recipient.medicalConclusions',
        ],
        break_glass: true,
      },
    ]);
  });

  it('follows a reassignment: the new coordinator sees, the previous one no longer', async () => {
    const bad = await t.gql(ASSIGN, { input: { recipientId: person, accountId: 'not-an-id' } });
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    const byOfficer = await t.gql(
      ASSIGN,
      { input: { recipientId: person, accountId: otherId } },
      {
        as: Role.HEALTH_OFFICER,
      },
    );
    expect(codeOf(byOfficer)).toBe('FORBIDDEN');
    const moved = await t.gql(ASSIGN, { input: { recipientId: person, accountId: otherId } });
    expect(moved.errors).toBeUndefined();
    clock.set(new Date('2026-11-21T09:00:00Z')); // the break-the-glass grant has expired by now
    expect((await t.gql(HEALTH, { id: person }, other)).errors).toBeUndefined();
    expect(codeOf(await t.gql(HEALTH, { id: person }))).toBe('NOT_CASE_COORDINATOR');
    const [change] = await t.system.accessOrm.em
      .getConnection()
      .execute<{ before: unknown; after: unknown }[]>(
        `SELECT before, after FROM access.audit_event WHERE entity = 'CASE_HANDOVER' AND action = 'security' AND recipient_id = ?`,
        [person],
      );
    expect(change).toEqual({ before: { caseCoordinatorId: ownId }, after: { caseCoordinatorId: otherId } });
  });

  it('applies the rule in the health subgraph itself, from the case coordinators social sealed', async () => {
    const runtime = t.system.runtimes.get('health')!;
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { medicalConclusions { issuedOn } } } }`;
    const ask = async (caseCoordinatorIds: string[] | undefined, caseAssignmentSeal?: string) => {
      const actor = {
        kind: 'user' as const,
        id: otherId,
        name: 'direct',
        agencyId: null,
        roles: [Role.COORDINATOR],
        providerId: null,
      };
      const context = runtime.contextFor({
        requestId: randomUUID(),
        actor,
        clock: systemClock,
        logger: createLogger('silent'),
      });
      const result = await graphql({
        schema: runtime.schema,
        source: query,
        variableValues: {
          r: [
            {
              __typename: 'Recipient',
              id: person,
              ...(caseCoordinatorIds ? { caseCoordinatorIds } : {}),
              ...(caseAssignmentSeal ? { caseAssignmentSeal } : {}),
            },
          ],
        },
        contextValue: context,
      });
      await runtime.flushAudit(context);
      return (result.errors?.[0]?.originalError as { code?: string } | undefined)?.code ?? 'allowed';
    };
    const secret = sessionSecret(testConfig());
    const seal = (ids: string[], key = secret) => sealCaseAssignment(key, new Date(), person, ids);
    expect(await ask(undefined)).toBe('NOT_CASE_COORDINATOR');
    expect(await ask([ownId], seal([ownId]))).toBe('NOT_CASE_COORDINATOR');
    // A caller naming themselves is believed only under social's seal over exactly those ids.
    expect(await ask([otherId])).toBe('NOT_CASE_COORDINATOR');
    expect(await ask([otherId], seal([ownId]))).toBe('NOT_CASE_COORDINATOR');
    expect(await ask([otherId], seal([otherId], 'x'.repeat(40)))).toBe('NOT_CASE_COORDINATOR');
    expect(await ask([otherId], seal([otherId]))).toBe('allowed');
  });
});
