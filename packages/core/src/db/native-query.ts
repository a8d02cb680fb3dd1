import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';

/**
 * Runs a statement with bound parameters straight on the EntityManager's pool, outside any
 * transaction: MikroORM inlines every parameter into the SQL text before sending it, which costs
 * more than the statement on hot paths (loaders, the audit trail). With `name`, it is a prepared
 * statement, planned once per connection. Logged like the ORM's own statements, so the tests'
 * statement counts include it.
 */
export async function nativeQuery<R = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  values: unknown[],
  name?: string,
): Promise<R[]> {
  const pool = await (em.getConnection() as PostgreSqlConnection).getNativeClient();
  const started = performance.now();
  const { rows } = await pool.query(name ? { name, text, values } : { text, values });
  const logger = em.config.getLogger();
  if (logger.isEnabled('query')) {
    logger.logQuery({ query: text, params: values, took: performance.now() - started, level: 'info' });
  }
  return rows as R[];
}
