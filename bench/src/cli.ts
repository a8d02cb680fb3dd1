import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLoad } from './load.js';
import {
  markdown,
  overallBars,
  type Results,
  type ScenarioResult,
  scenarioBars,
  writeResults,
} from './report.js';
import {
  forgetBenchImports,
  loadFixtures,
  prewarm,
  SCENARIOS,
  type Scenario,
  scenarioLoad,
} from './scenarios.js';
import {
  databaseOf,
  freePort,
  loadEnv,
  memoryOf,
  PROFILES,
  type Profile,
  prepareData,
  type Started,
  signIn,
  startFlags,
  startProcess,
} from './system.js';

/**
 * `pnpm bench [--profile demo|region|country] [--scenarios card,list,…] [--duration 20]
 * [--connections 32] [--warmup 3] [--requests N]`: starts the built gateway on the profile's data, loads it scenario by
 * scenario, then the floor for the card and the list, and writes the results under
 * bench/results/ (BENCH_RESULTS_DIR).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'demo' },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '3' },
    // A fixed number of requests per scenario instead of --duration (the test suite's smoke run).
    requests: { type: 'string' },
  },
});
const profile = values.profile as Profile;
if (!PROFILES.includes(profile)) throw new Error(`--profile: one of ${PROFILES.join(', ')}`);
const scenarios = values.scenarios.split(',').map((s) => s.trim()) as Scenario[];
const unknown = scenarios.filter((s) => !SCENARIOS.includes(s));
if (unknown.length)
  throw new Error(`--scenarios: unknown ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
// Unrecorded load before each scenario: the first requests pay for JIT and query plans.
const warmupSeconds = Number(values.warmup);
const requestCount = values.requests === undefined ? undefined : Number(values.requests);
if (!(durationSeconds > 0) || !(connections > 0))
  throw new Error('--duration and --connections: positive numbers');
if (requestCount !== undefined && !(Number.isInteger(requestCount) && requestCount > 0))
  throw new Error('--requests: a positive whole number');
const resultsDir = path.resolve(root, process.env.BENCH_RESULTS_DIR ?? 'bench/results');

const startedAt = new Date().toISOString();
// Letters only (a region code's alphabet): tells this run's imports and writes from earlier ones.
const runTag = Math.floor(Date.now() / 1000)
  .toString(26)
  .replace(/[0-9]/g, (d) => String.fromCharCode(103 + Number(d)))
  .slice(-6);

const db = databaseOf(root, profile, await freePort());
const dataEnv = await prepareData(root, profile, db, log);

let gateway: Started | undefined;
let floor: Started | undefined;
const stopAll = async () => {
  await floor?.stop();
  await gateway?.stop();
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

try {
  log(`starting the gateway on ${profile}`);
  gateway = await startProcess(
    root,
    'packages/gateway/dist/main.js',
    { ...db.env, ...dataEnv, ...loadEnv() },
    await freePort(),
    await startFlags(root),
  );
  log(`gateway ready in ${gateway.readySeconds.toFixed(1)} s`);
  const tokens = {
    coordinator: await signIn(gateway.base, 'coordinator'),
    employment: await signIn(gateway.base, 'employment'),
    council: await signIn(gateway.base, 'council'),
  };
  const forgotten = await forgetBenchImports(db.url);
  if (forgotten > 0) log(`removed ${forgotten} roadmaps imported by earlier runs`);
  const cache = await prewarm(db.url);
  log(`page cache: ${cache.prewarmedMb} MB of ${cache.databaseMb} MB read into ${cache.sharedBuffersMb} MB`);
  const fixtures = await loadFixtures(db.url, gateway.base, tokens);
  const needsFloor = scenarios.some((s) => s === 'card' || s === 'list');
  if (needsFloor) {
    floor = await startProcess(root, 'bench/dist/floor.js', { DATABASE_URL: db.url }, await freePort());
    log(`floor ready in ${floor.readySeconds.toFixed(1)} s`);
  }

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const load = scenarioLoad(scenario, fixtures, tokens, root, runTag);
    const c = Math.min(connections, load.connections ?? connections);
    if (warmupSeconds > 0) {
      log(`${scenario}: warm-up ${warmupSeconds} s`);
      const target = { connections: c, durationSeconds: warmupSeconds };
      await runLoad({
        url: gateway.base,
        next: load.next,
        check: load.check,
        pid: gateway.child.pid!,
        ...target,
      });
      if (load.floor && floor)
        await runLoad({ url: floor.base, ...load.floor, pid: floor.child.pid!, ...target });
    }
    log(
      `${scenario}: gateway, ${c} connections, ${requestCount ? `${requestCount} requests` : `${durationSeconds} s`}`,
    );
    const measured = await runLoad({
      url: gateway.base,
      next: load.next,
      check: load.check,
      connections: c,
      durationSeconds,
      ...(requestCount ? { requests: requestCount } : {}),
      pid: gateway.child.pid!,
    });
    let floorMeasured: ScenarioResult['floor'];
    if (load.floor && floor) {
      log(`${scenario}: floor`);
      floorMeasured = await runLoad({
        url: floor.base,
        next: load.floor.next,
        check: load.floor.check,
        connections: c,
        durationSeconds,
        ...(requestCount ? { requests: requestCount } : {}),
        pid: floor.child.pid!,
      });
    }
    const partial = {
      scenario,
      connections: c,
      gateway: measured,
      ...(floorMeasured
        ? {
            floor: floorMeasured,
            ratio: floorMeasured.rps > 0 ? Math.round((measured.rps / floorMeasured.rps) * 1000) / 1000 : 0,
          }
        : {}),
    };
    results.push({ ...partial, bars: scenarioBars(partial) });
    log(`${scenario}: ${measured.rps} req/s, p95 ${measured.p95} ms, ${measured.errors} errors`);
  }

  await forgetBenchImports(db.url);
  const memory = await memoryOf(gateway.child.pid!);
  const peak = Math.max(0, ...results.map((r) => r.gateway.peakRssMb));
  const cpus = os.cpus();
  const report: Results = {
    profile,
    startedAt,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      totalMemMb: Math.round(os.totalmem() / 1048576),
    },
    settings: { durationSeconds, connections, warmupSeconds },
    readySeconds: Math.round(gateway.readySeconds * 10) / 10,
    cache,
    rowCounts: fixtures.rowCounts,
    list: {
      municipality: fixtures.list.municipality,
      total: fixtures.list.total,
      depth: fixtures.list.depth,
    },
    scenarios: results,
    gatewayPeakRssMb: peak,
    gatewayHwmMb: memory?.hwmMb ?? 0,
    bars: overallBars(gateway.readySeconds, profile, peak),
    barProfile: 'country',
  };
  const files = await writeResults(resultsDir, report);
  process.stdout.write(markdown(report));
  log(`written: ${files.map((f) => path.relative(root, f)).join(', ')}`);
} finally {
  await stopAll();
}
