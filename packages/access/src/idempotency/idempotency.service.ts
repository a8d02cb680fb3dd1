import type { EntityManager } from '@mikro-orm/postgresql';

/** What to do with a request that carries an idempotency key. */
export type IdempotencyClaim =
  | { kind: 'run' }
  | { kind: 'replay'; status: number; response: string }
  | { kind: 'in-progress' }
  | { kind: 'key-reused' };

/** A request that died without an answer (a crashed process) frees its key after this long. */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Keeps the answers of keyed mutations. Claiming a key is one INSERT … ON CONFLICT, so two copies
 * of a request sent at the same moment cannot both run: one runs, the other is told it is running.
 */
export class IdempotencyService {
  constructor(
    private readonly em: EntityManager,
    private readonly keepHours: number,
  ) {}

  async claim(callerHash: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> {
    const connection = this.em.getConnection();
    const inserted = await connection.execute<{ key: string }[]>(
      `INSERT INTO access.idempotent_request (caller_hash, key, request_hash, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING key`,
      [callerHash, key, requestHash, now],
    );
    if (inserted.length > 0) return { kind: 'run' };
    const [row] = await connection.execute<
      { request_hash: string; status: number | null; response: string | null; created_at: Date }[]
    >(
      'SELECT request_hash, status, response, created_at FROM access.idempotent_request WHERE caller_hash = ? AND key = ?',
      [callerHash, key],
    );
    if (!row) return this.claim(callerHash, key, requestHash, now);
    if (row.request_hash !== requestHash) return { kind: 'key-reused' };
    if (row.status !== null && row.response !== null) {
      return { kind: 'replay', status: row.status, response: row.response };
    }
    if (now.getTime() - new Date(row.created_at).getTime() > ABANDONED_AFTER_MS) {
      // Taken over only if nobody else took it over first.
      const taken = await connection.execute<{ key: string }[]>(
        `UPDATE access.idempotent_request SET created_at = ?
          WHERE caller_hash = ? AND key = ? AND status IS NULL AND created_at = ? RETURNING key`,
        [now, callerHash, key, row.created_at],
      );
      if (taken.length > 0) return { kind: 'run' };
    }
    return { kind: 'in-progress' };
  }

  /** The final answer, replayed to every retry until the key expires. */
  async complete(callerHash: string, key: string, status: number, response: string): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'UPDATE access.idempotent_request SET status = ?, response = ? WHERE caller_hash = ? AND key = ?',
        [status, response, callerHash, key],
      );
  }

  /** No final answer (the database or a subgraph was down): a retry runs the request again. */
  async release(callerHash: string, key: string): Promise<void> {
    await this.em
      .getConnection()
      .execute('DELETE FROM access.idempotent_request WHERE caller_hash = ? AND key = ? AND status IS NULL', [
        callerHash,
        key,
      ]);
  }

  async purgeExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.keepHours * 3_600_000);
    const deleted = await this.em
      .getConnection()
      .execute<{ key: string }[]>(
        'DELETE FROM access.idempotent_request WHERE created_at < ? RETURNING key',
        [cutoff],
      );
    return deleted.length;
  }
}
