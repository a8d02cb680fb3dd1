import { ManualClock, Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

// A valid СНИЛС (check number 85 for 112-233-445).
const SNILS = '11223344595';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }
`;

interface AuditRow {
  actor_name: string;
  action: string;
  recipient_id: string | null;
  fields: string[] | null;
  subgraph: string;
  operation: string | null;
  break_glass: boolean;
  entity: string | null;
  before: unknown;
  after: unknown;
}

describe('the audit log (152-ФЗ: every access to a person’s data is traceable)', () => {
  let t: TestSystem;
  let recipientId: string;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));

  const auditRows = async (where = 'true'): Promise<AuditRow[]> =>
    t.system.accessOrm.em
      .getConnection()
      .execute<AuditRow[]>(`SELECT * FROM access.audit_event WHERE ${where} ORDER BY id`);

  beforeAll(async () => {
    t = await startTestSystem({ clock });
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: {
        snils: SNILS,
        lastName: 'Орлова',
        firstName: 'Вера',
        birthDate: '1990-04-02',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
      },
    });
    expect(res.errors).toBeUndefined();
    recipientId = res.data!.createRecipient.id;
  });
  afterAll(() => t?.stop());

  it('records the creation of a record with its content after the change', async () => {
    const [created] = await auditRows(`entity = 'Recipient' AND action = 'create'`);
    expect(created).toMatchObject({
      actor_name: 't-coordinator',
      recipient_id: recipientId,
      subgraph: 'social',
    });
    expect(JSON.stringify(created!.after)).toContain('Орлова');
  });

  it('records exactly one read per person and subgraph, naming the fields and the operation', async () => {
    const before = (await auditRows()).length;
    const res = await t.gql(
      /* GraphQL */ `
        query PersonCard($id: ID!) { recipient(id: $id) { id lastName snils birthDate medicalConclusions { id } } }
      `,
      { id: recipientId },
    );
    expect(res.errors).toBeUndefined();
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.subgraph, r.action, r.recipient_id, r.operation, r.actor_name])).toEqual([
      ['social', 'read', recipientId, 'PersonCard', 't-coordinator'],
      ['health', 'read', recipientId, 'PersonCard', 't-coordinator'],
    ]);
    expect(rows[0]!.fields).toEqual(['Recipient.birthDate', 'Recipient.lastName', 'Recipient.snils']);
    expect(rows[1]!.fields).toEqual(['Recipient.medicalConclusions']);
  });

  it('records nothing for a refused read, and the refusal says FORBIDDEN', async () => {
    const before = (await auditRows()).length;
    const res = await t.gql(
      `query ($id: ID!) { recipient(id: $id) { id } }`,
      { id: recipientId },
      { as: Role.COUNCIL_MEMBER },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await auditRows()).length).toBe(before);
  });

  it('flags a break-the-glass access in the log', async () => {
    const res = await t.gql(
      `mutation ($r: ID!) { breakGlass(recipientId: $r, reason: "Срочный звонок из скорой помощи") { expiresAt } }`,
      { r: recipientId },
      { as: Role.HEALTH_OFFICER },
    );
    expect(res.errors).toBeUndefined();
    const [grant] = await auditRows(`entity = 'BreakGlassGrant'`);
    expect(grant).toMatchObject({ break_glass: true, recipient_id: recipientId, subgraph: 'access' });
  });

  it('is append-only: the application’s own connection cannot update, delete or truncate it', async () => {
    const connection = t.system.accessOrm.em.getConnection();
    await expect(
      connection.execute(`UPDATE access.audit_event SET actor_name = 'someone else'`),
    ).rejects.toThrow(/append-only/);
    await expect(connection.execute(`DELETE FROM access.audit_event`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`TRUNCATE access.audit_event`)).rejects.toThrow(/append-only/);
    const social = t.system.runtimes.get('social')!.orm.em.getConnection();
    await expect(social.execute(`DELETE FROM access.audit_event`)).rejects.toThrow(/append-only/);
  });

  it('is readable by auditors only, newest first, filtered by person', async () => {
    const query = `query ($r: ID) { auditEvents(filter: { recipientId: $r }, first: 50) { totalCount edges { node { action actorName fields breakGlass } } } }`;
    const refused = await t.gql(query, { r: recipientId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await t.gql<{ auditEvents: { totalCount: number; edges: { node: { action: string } }[] } }>(
      query,
      { r: recipientId },
      { as: Role.AUDITOR },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditEvents.totalCount).toBeGreaterThanOrEqual(4);
    expect(res.data!.auditEvents.edges[0]!.node.action).toBe('CREATE'); // the grant, the newest
  });

  it('fails the request rather than serving data it cannot record', async () => {
    // Simulate an unavailable audit store: rename the table for the length of one request.
    const admin = t.system.accessOrm.em.getConnection();
    await admin.execute('ALTER TABLE access.audit_event RENAME TO audit_event_away');
    try {
      const res = await t.gql(`query ($id: ID!) { recipient(id: $id) { lastName } }`, { id: recipientId });
      expect(res.data?.recipient ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(res)).not.toContain('Орлова');
    } finally {
      await admin.execute('ALTER TABLE access.audit_event_away RENAME TO audit_event');
    }
  });

  it('rolls a change back when its audit record cannot be written in the same transaction', async () => {
    const admin = t.system.accessOrm.em.getConnection();
    await admin.execute('ALTER TABLE access.audit_event RENAME TO audit_event_away');
    let res: Awaited<ReturnType<TestSystem['gql']>>;
    try {
      res = await t.gql(CREATE, {
        input: {
          snils: '12345678964',
          lastName: 'Петрова',
          firstName: 'Нина',
          birthDate: '1991-05-03',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
      });
    } finally {
      await admin.execute('ALTER TABLE access.audit_event_away RENAME TO audit_event');
    }
    expect(res.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
    const found = await t.gql<{ recipients: { totalCount: number } }>(
      `{ recipients(filter: { snils: "12345678964" }) { totalCount } }`,
    );
    expect(found.data!.recipients.totalCount).toBe(0);
  });
});
