import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Placements in a kind of work the person's ИПРА forbids (seed 004 item 2.2.2). A placement is
 * refused in a forbidden kind when it is made; an ИПРА recorded afterwards may still forbid the job
 * the person holds, and the coordinator must learn of it.
 */
export async function placementsForbiddenByIpra(em: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await em.getConnection().execute(
    `select p.id from employment.placement p
      where exists (select 1 from employment.work_recommendation r
                    where r.recipient_id = p.recipient_id and r.work_kind = p.work_kind and r.verdict = 'FORBIDDEN')`,
  );
  return rows.map((r) => r.id);
}
