import { randomUUID } from 'node:crypto';
import {
  ACTOR_HEADER,
  AUDIT_INGEST_PATH,
  AUDIT_SIGNATURE_HEADER,
  auditIngestSignature,
  createLogger,
  createTestDatabase,
  Role,
  type RunningSubgraphService,
  sessionSecret,
  signActorAssertion,
  startSubgraphService,
  type TestDatabase,
  testConfig,
} from '@sl/core';
import { subgraphDefinitions } from '@sl/gateway';
import request from 'supertest';
import { sql } from '../support/roadmap-files.js';

// The split deployment: health on a PostgreSQL of its own (here: a database without the access
// schema), AUDIT_LOG=local. Its reads are recorded on its own server with the answer, and reach the
// access subgraph's log, which the auditor's screen and export read.
const definition = (name: string) => subgraphDefinitions.find((d) => d.name === name)!;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a ministry on its own server keeps its audit log and sends it to the access subgraph', () => {
  let accessDb: TestDatabase;
  let healthDb: TestDatabase;
  let access: RunningSubgraphService;
  let health: RunningSubgraphService;
  const secret = sessionSecret(testConfig());
  const officer = {
    kind: 'user' as const,
    id: randomUUID(),
    name: 'Врач проверки журнала',
    agencyId: null,
    roles: [Role.HEALTH_OFFICER],
    providerId: null,
  };

  beforeAll(async () => {
    accessDb = await createTestDatabase('auditaccess');
    healthDb = await createTestDatabase('auditlocal', { empty: true });
    access = await startSubgraphService(
      definition('access'),
      testConfig({ DATABASE_URL: accessDb.url }),
      createLogger('silent'),
    );
    health = await startSubgraphService(
      definition('health'),
      testConfig({ DATABASE_URL: healthDb.url, AUDIT_LOG: 'local', ACCESS_URL: access.server.url }),
      createLogger('silent'),
    );
  });
  afterAll(async () => {
    await health?.stop();
    await access?.stop();
    await healthDb?.drop();
    await accessDb?.drop();
  });

  const readCard = async (recipientId: string) =>
    request(`http://127.0.0.1:${health.server.port}`)
      .post('/graphql')
      .set(ACTOR_HEADER, await signActorAssertion(officer, secret, randomUUID()))
      .send({
        query:
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { id medicalConclusions { id } } } }',
        variables: { r: [{ __typename: 'Recipient', id: recipientId }] },
      });

  it('records a read on its own server before answering, then in the access log once', async () => {
    const person = randomUUID();
    const answer = await readCard(person);
    expect(answer.body.errors).toBeUndefined();
    // Written with the answer: on health's own server at once.
    const local = await sql<{ id: string; fields: string[] }>(
      healthDb.url,
      `select id, fields from access.audit_event where recipient_id = $1 and subgraph = 'health' and action = 'read'`,
      [person],
    );
    expect(local).toHaveLength(1);
    expect(local[0]!.fields).toContain('Recipient.medicalConclusions');
    // Forwarded: in the access subgraph's log, keeping its id on health's server, and out of the outbox.
    const forwarded = await until('the row in the access log', async () => {
      const rows = await sql<{ origin_id: string; actor_id: string; fields: string[] }>(
        accessDb.url,
        `select origin_id, actor_id, fields from access.audit_event where recipient_id = $1 and subgraph = 'health'`,
        [person],
      );
      return rows.length > 0 && rows;
    });
    expect(forwarded).toEqual([{ origin_id: local[0]!.id, actor_id: officer.id, fields: local[0]!.fields }]);
    await until('the outbox emptied', async () => {
      const [left] = await sql<{ n: number }>(
        healthDb.url,
        'select count(*)::int as n from access.audit_outbox where id = $1',
        [local[0]!.id],
      );
      return left!.n === 0;
    });
  });

  it("health's own log is append-only, like the access log", async () => {
    await readCard(randomUUID());
    await expect(sql(healthDb.url, `update access.audit_event set ip = 'x'`)).rejects.toThrow(/append-only/);
    await expect(sql(healthDb.url, 'delete from access.audit_event')).rejects.toThrow(/append-only/);
    await expect(sql(healthDb.url, 'truncate access.audit_event')).rejects.toThrow(/append-only/);
    // The same table as the access subgraph's migrations make: columns, types, nullability.
    const columns = (url: string) =>
      sql(
        url,
        `select column_name, data_type, character_maximum_length, is_nullable from information_schema.columns
         where table_schema = 'access' and table_name = 'audit_event' order by column_name`,
      );
    expect(await columns(healthDb.url)).toEqual(await columns(accessDb.url));
  });

  describe('the access subgraph takes forwarded rows only as sent by a subgraph', () => {
    const ingest = (body: string, signature?: string) => {
      const req = request(`http://127.0.0.1:${access.server.port}`)
        .post(AUDIT_INGEST_PATH)
        .set('content-type', 'application/json');
      if (signature) req.set(AUDIT_SIGNATURE_HEADER, signature);
      return req.send(body);
    };
    const row = (overrides: Record<string, unknown> = {}) => ({
      occurred_at: new Date().toISOString(),
      request_id: randomUUID(),
      subgraph: 'health',
      operation: 'forged',
      actor_kind: 'user',
      actor_id: officer.id,
      actor_name: officer.name,
      agency_id: null,
      roles: [Role.HEALTH_OFFICER],
      ip: null,
      action: 'read',
      recipient_id: randomUUID(),
      fields: ['Recipient.medicalConclusions'],
      entity: null,
      entity_id: null,
      before: null,
      after: null,
      break_glass: false,
      origin_id: String(900_000_000 + Math.floor(Math.random() * 1_000_000)),
      ...overrides,
    });
    const countOf = async (recipientId: unknown) =>
      (
        await sql<{ n: number }>(
          accessDb.url,
          'select count(*)::int as n from access.audit_event where recipient_id = $1',
          [recipientId],
        )
      )[0]!.n;

    it('refuses a batch without the signature, or signed with another key, and appends nothing', async () => {
      const forged = row();
      const body = JSON.stringify({ subgraph: 'health', rows: [forged] });
      expect((await ingest(body)).status).toBe(401);
      const wrong = await ingest(body, auditIngestSignature('y'.repeat(40), body));
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      // A valid signature of another body does not carry over.
      const other = JSON.stringify({ subgraph: 'health', rows: [] });
      expect((await ingest(body, auditIngestSignature(secret, other))).status).toBe(401);
      expect(await countOf(forged.recipient_id)).toBe(0);
    });

    it("refuses rows of another subgraph than the sender's, the access log's own name, and bad rows", async () => {
      const cases = [
        { subgraph: 'health', rows: [row({ subgraph: 'social' })] },
        { subgraph: 'access', rows: [row({ subgraph: 'access' })] },
        { subgraph: 'health', rows: [row({ origin_id: null })] },
        { subgraph: 'health', rows: [row({ action: 'erase' })] },
      ];
      for (const batch of cases) {
        const body = JSON.stringify(batch);
        const answer = await ingest(body, auditIngestSignature(secret, body));
        expect(answer.status).toBe(400);
        expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(await countOf(batch.rows[0]!.recipient_id)).toBe(0);
      }
    });

    it('appends a batch sent twice once', async () => {
      const sent = row();
      const body = JSON.stringify({ subgraph: 'health', rows: [sent] });
      const first = await ingest(body, auditIngestSignature(secret, body));
      expect(first.body).toEqual({ received: 1, appended: 1 });
      const again = await ingest(body, auditIngestSignature(secret, body));
      expect(again.body).toEqual({ received: 1, appended: 0 });
      expect(await countOf(sent.recipient_id)).toBe(1);
    });

    it('is served by the access subgraph only', async () => {
      const body = JSON.stringify({ subgraph: 'health', rows: [] });
      const answer = await request(`http://127.0.0.1:${health.server.port}`)
        .post(AUDIT_INGEST_PATH)
        .set('content-type', 'application/json')
        .set(AUDIT_SIGNATURE_HEADER, auditIngestSignature(secret, body))
        .send(body);
      expect(answer.status).toBe(404);
    });
  });
});
