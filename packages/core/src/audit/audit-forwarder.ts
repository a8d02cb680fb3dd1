import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MikroORM, PostgreSqlConnection } from '@mikro-orm/postgresql';
import express, { type Express, type Request, type Response } from 'express';
import { SUBGRAPH_NAMES } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import { AUDIT_TABLE } from './audit-writer.js';

/**
 * A subgraph with a log of its own (`local-audit-log.ts`) sends its rows to the access subgraph's
 * `POST /audit/ingest`, which appends them to the one log the auditor reads. A row is recorded
 * locally with the read or change it is about; sending is only replication, so an access that
 * was served is in a log even while the access subgraph is down, and arrives once it is back.
 *
 * The route is on the access subgraph's own port (never published, not proxied by the gateway).
 * A batch is signed with a key derived from SESSION_SECRET, the key every service of the
 * deployment already shares; each row keeps its local id as `origin_id`, and a batch sent twice
 * (the answer lost, two replicas) is appended once.
 */
export const AUDIT_INGEST_PATH = '/audit/ingest';
export const AUDIT_SIGNATURE_HEADER = 'x-audit-signature';

const SENT_COLUMNS = [
  'occurred_at',
  'request_id',
  'subgraph',
  'operation',
  'actor_kind',
  'actor_id',
  'actor_name',
  'agency_id',
  'roles',
  'ip',
  'action',
  'recipient_id',
  'fields',
  'entity',
  'entity_id',
  'before',
  'after',
  'break_glass',
  'origin_id',
] as const;
/** The type of each column as it travels in JSON; the table's own types check lengths and enums. */
const JSON_TYPES: Record<(typeof SENT_COLUMNS)[number], string> = {
  occurred_at: 'timestamptz',
  request_id: 'text',
  subgraph: 'text',
  operation: 'text',
  actor_kind: 'text',
  actor_id: 'text',
  actor_name: 'text',
  agency_id: 'text',
  roles: 'jsonb',
  ip: 'text',
  action: 'text',
  recipient_id: 'uuid',
  fields: 'jsonb',
  entity: 'text',
  entity_id: 'text',
  before: 'jsonb',
  after: 'jsonb',
  break_glass: 'boolean',
  origin_id: 'bigint',
};

export function auditIngestSignature(secret: string, body: string | Buffer): string {
  const key = createHmac('sha256', secret).update('audit-ingest').digest();
  return createHmac('sha256', key).update(body).digest('hex');
}

type Row = Record<(typeof SENT_COLUMNS)[number], unknown>;

function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The access subgraph's end of it. */
export function mountAuditIngest(
  app: Express,
  options: { orm: MikroORM; secret: string; logger: Logger; maxBodyBytes: number },
): void {
  app.post(
    AUDIT_INGEST_PATH,
    express.raw({ type: 'application/json', limit: options.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const given = Buffer.from(String(req.header(AUDIT_SIGNATURE_HEADER) ?? ''), 'hex');
      const expected = Buffer.from(auditIngestSignature(options.secret, body), 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return refuse(res, 401, 'UNAUTHENTICATED', 'Подпись журнала доступа не подтверждена');
      }
      let batch: { subgraph?: unknown; rows?: unknown };
      try {
        batch = JSON.parse(body.toString('utf8')) as typeof batch;
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'Неверный пакет журнала доступа');
      }
      const sender = batch.subgraph;
      const rows = batch.rows;
      if (
        typeof sender !== 'string' ||
        sender === 'access' ||
        !(SUBGRAPH_NAMES as readonly string[]).includes(sender) ||
        !Array.isArray(rows) ||
        !rows.every(
          (row: Partial<Row> | null) =>
            row !== null && typeof row === 'object' && row.subgraph === sender && row.origin_id != null,
        )
      ) {
        return refuse(res, 400, 'BAD_REQUEST', 'Неверный пакет журнала доступа');
      }
      try {
        const recordset = SENT_COLUMNS.map((c) => `${c} ${JSON_TYPES[c]}`).join(', ');
        const result = (await options.orm.em
          .fork()
          .getConnection()
          .execute(
            `INSERT INTO ${AUDIT_TABLE} (${SENT_COLUMNS.join(', ')}) SELECT ${SENT_COLUMNS.join(', ')} FROM jsonb_to_recordset(?::jsonb) AS r(${recordset}) ON CONFLICT (subgraph, origin_id) DO NOTHING`,
            [JSON.stringify(rows)],
            'run',
          )) as { affectedRows?: number };
        res.json({ received: rows.length, appended: result.affectedRows ?? 0 });
      } catch (err) {
        options.logger.error({ err, sender }, 'forwarded audit rows could not be appended');
        refuse(res, 400, 'BAD_REQUEST', 'Пакет журнала доступа не принят');
      }
    },
  );
}

/** The sending end, in each subgraph with a local log: what the outbox holds, oldest first. */
export class AuditForwarder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: {
      subgraph: string;
      /** The access subgraph's GraphQL URL (ACCESS_URL); the route is on the same origin. */
      accessUrl: string;
      secret: string;
      logger: Logger;
      intervalMs?: number;
      batch?: number;
    },
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().then((next) => this.schedule(next));
    }, ms);
  }

  /** Sends batches until the outbox is empty; returns when to look again. */
  private async drain(): Promise<number> {
    const idle = this.options.intervalMs ?? 1000;
    try {
      while (!this.stopped && (await this.sendBatch()) === (this.options.batch ?? 200));
      if (this.failing) this.options.logger.info('audit rows reach the access subgraph again');
      this.failing = false;
      return idle;
    } catch (err) {
      // Kept in the outbox: sent again when the access subgraph (or the database) answers.
      if (!this.failing)
        this.options.logger.warn({ err }, 'audit rows could not be sent to the access subgraph');
      this.failing = true;
      return Math.max(idle, 5000);
    }
  }

  private async sendBatch(): Promise<number> {
    const pool = await (this.orm.em.getConnection() as PostgreSqlConnection).getNativeClient();
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      // Locked while it is sent: a second replica skips these rows and sends the next ones.
      const { rows } = await client.query<Row>(
        `SELECT ${SENT_COLUMNS.filter((c) => c !== 'origin_id')
          .map((c) => `e.${c}`)
          .join(
            ', ',
          )}, e.id AS origin_id FROM "access"."audit_outbox" o JOIN ${AUDIT_TABLE} e ON e.id = o.id ORDER BY o.id LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
        [this.options.batch ?? 200],
      );
      if (rows.length > 0) {
        const body = JSON.stringify({ subgraph: this.options.subgraph, rows });
        const response = await fetch(new URL(AUDIT_INGEST_PATH, this.options.accessUrl), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [AUDIT_SIGNATURE_HEADER]: auditIngestSignature(this.options.secret, body),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok)
          throw new Error(`the access subgraph answered ${response.status}: ${await response.text()}`);
        await client.query('DELETE FROM "access"."audit_outbox" WHERE id = ANY($1::bigint[])', [
          rows.map((r) => r.origin_id),
        ]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      // A connection the database dropped (a restart) is not given back to the pool.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
