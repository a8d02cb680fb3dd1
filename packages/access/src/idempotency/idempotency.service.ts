import type { EntityManager } from '@mikro-orm/postgresql';

/** What to do with a request that carries an idempotency key. */
export type IdempotencyClaim =
  | { kind: 'run' }
  | { kind: 'replay'; status: number; response: string }
  | { kind: 'in-progress'; retryAfterSeconds: number }
  | { kind: 'key-reused' };

/**
 * How long a running request holds its key without renewing it. The gateway running it renews the
 * lease every LEASE_MS / 2; if it cannot (it died, or its database did) the key is free again
 * within this time, so a retry waits a few seconds at most, never minutes.
 */
export const IDEMPOTENCY_LEASE_MS = 5_000;

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
    const lease = new Date(now.getTime() + IDEMPOTENCY_LEASE_MS);
    const inserted = await connection.execute<{ key: string }[]>(
      `INSERT INTO access.idempotent_request (caller_hash, key, request_hash, created_at, lease_until)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING key`,
      [callerHash, key, requestHash, now, lease],
    );
    if (inserted.length > 0) return { kind: 'run' };
    const [row] = await connection.execute<
      { request_hash: string; status: number | null; response: string | null; lease_until: Date | null }[]
    >(
      'SELECT request_hash, status, response, lease_until FROM access.idempotent_request WHERE caller_hash = ? AND key = ?',
      [callerHash, key],
    );
    if (!row) return this.claim(callerHash, key, requestHash, now);
    if (row.request_hash !== requestHash) return { kind: 'key-reused' };
    if (row.status !== null && row.response !== null) {
      return { kind: 'replay', status: row.status, response: row.response };
    }
    const leaseUntil = row.lease_until ? new Date(row.lease_until).getTime() : 0;
    if (leaseUntil <= now.getTime()) {
      // A lapsed lease: taken over only if nobody else took it over first.
      const taken = await connection.execute<{ key: string }[]>(
        `UPDATE access.idempotent_request SET lease_until = ?
          WHERE caller_hash = ? AND key = ? AND status IS NULL AND lease_until IS NOT DISTINCT FROM ? RETURNING key`,
        [lease, callerHash, key, row.lease_until],
      );
      if (taken.length > 0) return { kind: 'run' };
      return { kind: 'in-progress', retryAfterSeconds: Math.ceil(IDEMPOTENCY_LEASE_MS / 1000) };
    }
    return {
      kind: 'in-progress',
      retryAfterSeconds: Math.max(1, Math.ceil((leaseUntil - now.getTime()) / 1000)),
    };
  }

  /** Keeps the key while the request still runs. */
  async renew(callerHash: string, key: string, now: Date): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'UPDATE access.idempotent_request SET lease_until = ? WHERE caller_hash = ? AND key = ? AND status IS NULL',
        [new Date(now.getTime() + IDEMPOTENCY_LEASE_MS), callerHash, key],
      );
  }

  /** The final answer, replayed to every retry until the key expires. */
  async complete(callerHash: string, key: string, status: number, response: string): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'UPDATE access.idempotent_request SET status = ?, response = ?, lease_until = null WHERE caller_hash = ? AND key = ?',
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
