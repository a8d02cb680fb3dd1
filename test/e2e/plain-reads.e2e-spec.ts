import { type SubgraphContext, systemClock } from '@sl/core';
import { subgraphDefinitions } from '@sl/gateway';
import { startTestSystem, type TestSystem } from '../support/system.js';

type Row = Record<string, unknown>;
type EntityManager = SubgraphContext['em'];
type EntityClass = Parameters<EntityManager['find']>[0];
type CardLoaders = Record<
  'enrolmentsByRecipient' | 'pmpkByRecipient' | 'guidanceByRecipient',
  { loadMany(keys: readonly string[]): Promise<(Row[] | Error)[]> }
>;

/** Which entity each of the card's education loaders reads. */
const LOADERS = {
  enrolmentsByRecipient: 'Enrolment',
  pmpkByRecipient: 'PmpkRecommendation',
  guidanceByRecipient: 'GuidanceSession',
} as const;

/** Every mapped property of a row, as GraphQL reads it. */
function properties(em: EntityManager, entity: EntityClass, row: Row): Row {
  const meta = em.getMetadata().get(entity);
  return Object.fromEntries(meta.props.map((prop) => [prop.name, row[prop.name]]));
}

describe('the card reads education without hydrating entities', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
  });
  afterAll(() => t.stop());

  it('gives plain rows equal to the entities the ORM would build, and keeps none of them managed', async () => {
    const runtime = t.system.runtimes.get('education')!;
    const context = runtime.contextFor({
      requestId: 'plain-reads',
      actor: null,
      clock: systemClock,
      logger: t.system.logger,
    }) as SubgraphContext<CardLoaders>;
    const em = context.em;
    const people = (await em.getConnection().execute(
      `select recipient_id as id from education.enrolment
         union select recipient_id from education.pmpk_recommendation
         union select recipient_id from education.guidance_session`,
    )) as { id: string }[];
    const ids = people.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);

    for (const [loader, entityName] of Object.entries(LOADERS) as [keyof CardLoaders, string][]) {
      const rows = (await context.loaders[loader].loadMany(ids)).flatMap((r) => (Array.isArray(r) ? r : []));
      expect(rows.length).toBeGreaterThan(0);
      // Nothing entered the request's unit of work: the rows are data, not managed entities.
      expect(em.getUnitOfWork().getIdentityMap().values()).toEqual([]);
      const education = subgraphDefinitions.find((d) => d.name === 'education')!;
      const found = education.entities.find((e) => e.name === entityName)!;
      for (const row of rows) expect(row).not.toBeInstanceOf(found);
      const entity = found as EntityClass;

      const hydrated = await t.system.runtimes
        .get('education')!
        .orm.em.fork()
        .find(entity, { recipientId: { $in: ids } });
      expect(rows.map((row) => properties(em, entity, row))).toEqual(
        expect.arrayContaining(hydrated.map((e) => properties(em, entity, e as Row))),
      );
      expect(rows).toHaveLength(hydrated.length);
    }
  });
});
