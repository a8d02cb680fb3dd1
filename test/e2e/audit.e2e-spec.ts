import { AuditBatcher, AuditTrail, ManualClock, Role, type SubgraphContext } from '@sl/core';
import pg from 'pg';
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
  /** The database's owner (who runs the migrations), not an application role. */
  async function owner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
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

  it('records each of many concurrent requests as itself', async () => {
    const before = (await auditRows()).length;
    const names = Array.from({ length: 8 }, (_, i) => `ConcurrentCard${i}`);
    const answers = await Promise.all(
      names.map((name) =>
        t.gql(`query ${name}($id: ID!) { recipient(id: $id) { lastName } }`, { id: recipientId }),
      ),
    );
    for (const res of answers) expect(res.errors).toBeUndefined();
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => r.operation).sort()).toEqual([...names].sort());
    expect(rows.every((r) => r.subgraph === 'social' && r.recipient_id === recipientId)).toBe(true);
  });

  const trailOf = (requestId: string) => {
    const audit = new AuditTrail();
    audit.read(recipientId, 'Recipient.lastName');
    return { requestId, subgraph: 'social', clock, actor: null, audit } as unknown as SubgraphContext;
  };

  it('writes the trails handed over in the same turn of the event loop in one INSERT', async () => {
    const batcher = new AuditBatcher(() => t.system.accessOrm.em.fork());
    t.resetQueries();
    const ids = Array.from({ length: 8 }, (_, i) => `same-turn-${i}`);
    await Promise.all(ids.map((id) => batcher.write(trailOf(id))));
    const inserts = (t.queries.get('access') ?? []).filter((q) =>
      q.includes('INSERT INTO access.audit_event'),
    );
    expect(inserts).toHaveLength(1);
    expect(await auditRows(`request_id LIKE 'same-turn-%'`)).toHaveLength(ids.length);
  });

  it('fails only the request whose audit row cannot be written when reads are written together', async () => {
    // The graph bounds every value it logs, so a row the table refuses is forged here: a request id
    // longer than its column, written in the same turn as two good ones.
    const batcher = new AuditBatcher(() => t.system.accessOrm.em.fork());
    const results = await Promise.allSettled([
      batcher.write(trailOf('x'.repeat(65))),
      batcher.write(trailOf('batch-ok-1')),
      batcher.write(trailOf('batch-ok-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    const written = await auditRows(`request_id IN ('batch-ok-1', 'batch-ok-2')`);
    expect(written).toHaveLength(2);
  });

  // Issue 18: a refused read is recorded too, as a refusal, never as a read.
  it('records a refused read as refused, not as a read, and the refusal says FORBIDDEN', async () => {
    const before = (await auditRows()).length;
    const res = await t.gql(
      `query ($id: ID!) { recipient(id: $id) { id } }`,
      { id: recipientId },
      { as: Role.COUNCIL_MEMBER },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.action, r.recipient_id, r.entity, r.fields])).toEqual([
      ['refused', recipientId, 'FORBIDDEN', ['Query.recipient']],
    ]);
  });

  it('flags a break-the-glass access in the log', async () => {
    const res = await t.gql(
      `mutation ($r: ID!) { breakGlass(recipientId: $r, reason: "Срочный звонок из скорой помощи") { expiresAt } }`,
      { r: recipientId },
      { as: Role.HEALTH_OFFICER },
    );
    expect(res.errors).toBeUndefined();
    const [grant] = await auditRows(`entity = 'BREAK_GLASS'`);
    expect(grant).toMatchObject({ break_glass: true, recipient_id: recipientId, subgraph: 'access' });
  });

  it('is append-only: the application’s own roles may not update, delete or truncate it', async () => {
    // Each subgraph serves with its own role; none holds UPDATE, DELETE or TRUNCATE on the log,
    // so the database itself refuses.
    for (const connection of [
      t.system.accessOrm.em.getConnection(),
      t.system.runtimes.get('social')!.orm.em.getConnection(),
    ]) {
      const [row] = await connection.execute<{ role: string }[]>('SELECT current_user AS role');
      expect(row?.role).toMatch(/^sl_(access|social)$/);
      await expect(
        connection.execute(`UPDATE access.audit_event SET actor_name = 'someone else'`),
      ).rejects.toThrow(/permission denied/);
      await expect(connection.execute(`DELETE FROM access.audit_event`)).rejects.toThrow(/permission denied/);
      await expect(connection.execute(`TRUNCATE access.audit_event`)).rejects.toThrow(/permission denied/);
    }
    // Below the privileges, the table's triggers refuse it even to its owner.
    await owner(async (client) => {
      await expect(client.query(`UPDATE access.audit_event SET actor_name = 'someone else'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query(`DELETE FROM access.audit_event`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE access.audit_event`)).rejects.toThrow(/append-only/);
    });
  });

  it('gives each subgraph its own schema only', async () => {
    const social = t.system.runtimes.get('social')!.orm.em.getConnection();
    await expect(social.execute('SELECT count(*) FROM health.medical_conclusion')).rejects.toThrow(
      /permission denied/,
    );
    await expect(social.execute('SELECT count(*) FROM access.account')).rejects.toThrow(/permission denied/);
    await expect(social.execute('SELECT count(*) FROM access.audit_event')).rejects.toThrow(
      /permission denied/,
    );
    const health = t.system.runtimes.get('health')!.orm.em.getConnection();
    await expect(health.execute('SELECT count(*) FROM social.recipient')).rejects.toThrow(
      /permission denied/,
    );
    expect(await health.execute('SELECT count(*) FROM health.medical_conclusion')).toHaveLength(1);
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
    // The break-the-glass grant, a security event, is the newest.
    expect(res.data!.auditEvents.edges[0]!.node.action).toBe('SECURITY');
  });

  it('fails the request rather than serving data it cannot record', async () => {
    // Simulate an unavailable audit store: the owner renames the table for one request.
    await owner((admin) => admin.query('ALTER TABLE access.audit_event RENAME TO audit_event_away'));
    try {
      const res = await t.gql(`query ($id: ID!) { recipient(id: $id) { lastName } }`, { id: recipientId });
      expect(res.data?.recipient ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(res)).not.toContain('Орлова');
    } finally {
      await owner((admin) => admin.query('ALTER TABLE access.audit_event_away RENAME TO audit_event'));
    }
  });

  it('rolls a change back when its audit record cannot be written in the same transaction', async () => {
    await owner((admin) => admin.query('ALTER TABLE access.audit_event RENAME TO audit_event_away'));
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
      await owner((admin) => admin.query('ALTER TABLE access.audit_event_away RENAME TO audit_event'));
    }
    expect(res.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
    const found = await t.gql<{ recipients: { totalCount: number } }>(
      `{ recipients(filter: { snils: "12345678964" }) { totalCount } }`,
    );
    expect(found.data!.recipients.totalCount).toBe(0);
  });
});
