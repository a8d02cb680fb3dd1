import type { MikroORM } from '@mikro-orm/postgresql';
import {
  bootstrapDatabases,
  type Config,
  type CopyTableStats,
  connectOrm,
  type DemoGeneration,
  type DemoProfileName,
  type DemoTarget,
  demoProfile,
  generateDemoData,
  type Logger,
} from '@sl/core';
import { subgraphDefinitions } from '../subgraphs.js';

export interface GenerateDataOptions {
  config: Config;
  profile: DemoProfileName;
  logger: Logger;
  /** The region whose people and rules are generated (default: the config's REGION). */
  region?: string;
  /** Overrides the profile's number of people (tests build a few thousand). */
  people?: number;
  /** Empties the subgraphs' data tables first (never the accounts); without it, a database with people is refused. */
  reset?: boolean;
  /** Progress after each chunk (the CLI prints it). */
  onProgress?(written: number, total: number, tables: ReadonlyMap<string, CopyTableStats>): void;
}

/** Connections per subgraph writing COPY side by side: PostgreSQL checks and indexes rows on both cores. */
const WRITERS = 4;

export class DatabaseHasPeopleError extends Error {
  constructor(readonly subgraphs: string[]) {
    super(
      `The database already has people (${subgraphs.join(', ')}): run with --reset to replace the subgraphs' data`,
    );
  }
}

/**
 * The data generator: the database of `config` (DATABASE_URL, or the program's own PostgreSQL in
 * DATA_DIR, exactly as `pnpm start` finds it), migrated, then the profile's people written into
 * every subgraph that has a part of them (social, health, education, employment, coordination).
 */
export async function generateData(options: GenerateDataOptions): Promise<DemoGeneration> {
  const { config, logger } = options;
  const definitions = subgraphDefinitions.filter((d) => d.demo);
  const databases = await bootstrapDatabases(
    config,
    definitions.map((d) => d.name),
    logger,
  );
  const orms: MikroORM[] = [];
  try {
    const targets: DemoTarget[] = [];
    for (const definition of definitions) {
      const orm = await connectOrm({
        schema: definition.name,
        url: databases.urlFor(definition.name),
        entities: definition.entities,
        migrations: definition.migrations,
        // The generator's writers (WRITERS) and one more for the ORM's own queries.
        poolMax: WRITERS + 1,
        logger: logger.child({ subgraph: definition.name }),
      });
      orms.push(orm);
      // The reference data a start loads (agencies, the region's registry), as `pnpm start` would.
      if (definition.onStart) await definition.onStart(orm.em.fork(), config);
      if (definition.seedReference)
        await definition.seedReference(orm.em.fork(), options.region ?? config.REGION);
      targets.push({ name: definition.name, orm, seeder: definition.demo! });
    }
    const withPeople: string[] = [];
    for (const target of targets) {
      if (await target.seeder.hasData(target.orm.em.fork())) withPeople.push(target.name);
    }
    if (withPeople.length > 0 && !options.reset) throw new DatabaseHasPeopleError(withPeople);
    if (options.reset) for (const target of targets) await truncateData(target);
    // The reference data a start loads (agencies, the region's registry), as `pnpm start` would.
    for (const [i, definition] of definitions.entries()) {
      const em = () => targets[i]!.orm.em.fork();
      if (definition.onStart) await definition.onStart(em(), config);
      if (definition.seedReference) await definition.seedReference(em(), options.region ?? config.REGION);
    }
    const profile = demoProfile(options.profile, config.DEMO_PEOPLE, options.people);
    return await generateDemoData(targets, {
      region: options.region ?? config.REGION,
      profile,
      logger,
      analyze: true,
      writers: WRITERS,
      deferConstraints: true,
      onChunk: (written, tables) => options.onProgress?.(written, profile.people, tables),
    });
  } finally {
    for (const orm of orms) await orm.close();
    await databases.stop();
  }
}

/** Every table of the subgraph's entities, emptied in one statement (the migrations' table stays). */
async function truncateData(target: DemoTarget): Promise<void> {
  const tables = [...target.orm.getMetadata().getAll().values()]
    .filter((meta) => !meta.embeddable && !meta.virtual && meta.tableName)
    .map((meta) => `"${target.name}"."${meta.tableName}"`);
  const unique = [...new Set(tables)];
  if (unique.length === 0) return;
  await target.orm.em.getConnection().execute(`TRUNCATE ${unique.join(', ')} CASCADE`);
}
