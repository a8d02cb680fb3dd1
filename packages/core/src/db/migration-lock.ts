/**
 * The advisory lock whoever migrates `schema` holds (session-level, `hashtext`), so replicas
 * starting together migrate once.
 */
export function migrationLock(schema: string): string {
  return `migrations:${schema}`;
}
