import { parseArgs } from 'node:util';
import { createLogger, DEMO_PROFILES, type DemoProfileName, loadConfig } from '@sl/core';
import { DatabaseHasPeopleError, generateData } from '../data/generate-data.js';

/**
 * `pnpm data:generate --profile demo|region|country [--region kaluga] [--people N] [--reset]`:
 * writes the profile's synthetic people into the database `pnpm start` uses (DATABASE_URL, or the
 * program's own PostgreSQL in DATA_DIR), with COPY, and prints the rows per table.
 */
const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'demo' },
    region: { type: 'string' },
    people: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const profile = values.profile as DemoProfileName;
if (!DEMO_PROFILES.includes(profile)) {
  console.error(`Unknown profile ${values.profile}: one of ${DEMO_PROFILES.join(', ')}`);
  process.exit(2);
}
const people = values.people === undefined ? undefined : Number(values.people);
if (people !== undefined && !(Number.isInteger(people) && people > 0)) {
  console.error(`--people must be a positive whole number, not ${values.people}`);
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
let lastChunk = 0;
try {
  const result = await generateData({
    config,
    profile,
    logger,
    reset: values.reset,
    ...(values.region ? { region: values.region } : {}),
    ...(people !== undefined ? { people } : {}),
    onProgress(written, total) {
      const s = seconds();
      lastChunk = s;
      console.log(
        `${written}/${total} people, ${s.toFixed(1)} s, ${Math.round(written / s)} people/s, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
      );
    },
  });
  const rows = [...result.tables].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((sum, [, t]) => sum + t.rows, 0);
  console.log(`\n${profile}: ${result.people} people, ${total} rows in ${(result.ms / 1000).toFixed(1)} s`);
  for (const [table, { rows: count, ms }] of rows) {
    const rate = ms > 0 ? Math.round((count / ms) * 1000) : count;
    console.log(
      `${table.padEnd(42)} ${String(count).padStart(10)} rows ${String(rate).padStart(9)} rows/s (COPY)`,
    );
  }
  // The subgraphs finish side by side: each one's steps, and the wall time of them all.
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\nafter the last chunk: ${secs((seconds() - lastChunk) * 1000)}`);
  for (const [schema, t] of result.finishing) {
    console.log(
      `${schema.padEnd(13)} indexes ${secs(t.indexes)}, then figures ${secs(t.figures)} beside keys ${secs(t.keys)} and analyze ${secs(t.analyze)}`,
    );
  }
} catch (error) {
  if (error instanceof DatabaseHasPeopleError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
