import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLoad } from './load.js';
import { readProfile } from './profile.js';
import {
  type EngineRun,
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
import { statementsPerRequest } from './statements.js';
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
 * [--connections 32] [--warmup 3] [--requests N] [--engine apollo,hive] [--cpu-prof]`: starts the
 * built gateway on the profile's data (once per gateway engine named, one after the other), loads
 * it scenario by scenario, then the floor for the card and the list, and writes the results under
 * bench/results/ (BENCH_RESULTS_DIR). Each scenario also records the SQL statements per request;
 * `--cpu-prof` keeps each engine's CPU profile beside the results, with its self time by package.
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
    engine: { type: 'string', default: 'apollo' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const ENGINES = ['apollo', 'hive'] as const;
type Engine = (typeof ENGINES)[number];
const engines = values.engine.split(',').map((e) => e.trim()) as Engine[];
if (engines.length === 0 || engines.some((e) => !ENGINES.includes(e)))
  throw new Error(`--engine: one or more of ${ENGINES.join(', ')}, comma-separated`);
const cpuProf = values['cpu-prof'];
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
  const stamp = startedAt.replace(/[:.]/g, '-');
  const statementFile = path.join(db.dataDir, 'bench-statements.json');
  const runs: EngineRun[] = [];
  const results: ScenarioResult[] = [];
  const floors = new Map<Scenario, ScenarioResult['floor']>();
  let fixturesOfRun: Awaited<ReturnType<typeof loadFixtures>> | undefined;
  let cache: Awaited<ReturnType<typeof prewarm>> | undefined;
  for (const engine of engines) {
    const profileDir = path.join(resultsDir, `${profile}-${stamp}-${engine}-cpuprofile`);
    if (cpuProf) await mkdir(profileDir, { recursive: true });
    log(`starting the gateway on ${profile} (engine ${engine})`);
    gateway = await startProcess(
      root,
      'packages/gateway/dist/main.js',
      { ...db.env, ...dataEnv, ...loadEnv(), GATEWAY_ENGINE: engine, STATEMENT_COUNT_FILE: statementFile },
      await freePort(),
      [...(await startFlags(root)), ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    );
    log(`gateway ready in ${gateway.readySeconds.toFixed(1)} s`);
    const tokens = {
      coordinator: await signIn(gateway.base, 'coordinator'),
      employment: await signIn(gateway.base, 'employment'),
      council: await signIn(gateway.base, 'council'),
    };
    const forgotten = await forgetBenchImports(db.url);
    if (forgotten > 0) log(`removed ${forgotten} roadmaps imported by earlier runs`);
    if (!cache) {
      cache = await prewarm(db.url);
      log(
        `page cache: ${cache.prewarmedMb} MB of ${cache.databaseMb} MB read into ${cache.sharedBuffersMb} MB`,
      );
    }
    const fixtures = await loadFixtures(db.url, gateway.base, tokens);
    fixturesOfRun ??= fixtures;
    const needsFloor = scenarios.some((s) => s === 'card' || s === 'list');
    if (needsFloor && !floor) {
      floor = await startProcess(root, 'bench/dist/floor.js', { DATABASE_URL: db.url }, await freePort());
      log(`floor ready in ${floor.readySeconds.toFixed(1)} s`);
    }

    for (const scenario of scenarios) {
      const load = scenarioLoad(scenario, fixtures, tokens, root, runTag);
      const c = Math.min(connections, load.connections ?? connections);
      // The floor does not depend on the engine: measured once, beside the first engine.
      const measureFloor = load.floor && floor && !floors.has(scenario);
      if (warmupSeconds > 0) {
        log(`${scenario} (${engine}): warm-up ${warmupSeconds} s`);
        const target = { connections: c, durationSeconds: warmupSeconds };
        await runLoad({
          url: gateway.base,
          next: load.next,
          check: load.check,
          pid: gateway.child.pid!,
          ...target,
        });
        if (measureFloor)
          await runLoad({ url: floor!.base, ...load.floor!, pid: floor!.child.pid!, ...target });
      }
      log(
        `${scenario} (${engine}): gateway, ${c} connections, ${requestCount ? `${requestCount} requests` : `${durationSeconds} s`}`,
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
      if (measureFloor) {
        log(`${scenario}: floor`);
        floors.set(
          scenario,
          await runLoad({
            url: floor!.base,
            next: load.floor!.next,
            check: load.floor!.check,
            connections: c,
            durationSeconds,
            ...(requestCount ? { requests: requestCount } : {}),
            pid: floor!.child.pid!,
          }),
        );
      }
      const statements = await statementsPerRequest(gateway.child, statementFile, gateway.base, load.next);
      const floorMeasured = floors.get(scenario);
      const partial = {
        scenario,
        engine,
        connections: c,
        gateway: measured,
        statements,
        ...(floorMeasured
          ? {
              floor: floorMeasured,
              ratio: floorMeasured.rps > 0 ? Math.round((measured.rps / floorMeasured.rps) * 1000) / 1000 : 0,
            }
          : {}),
      };
      results.push({ ...partial, bars: scenarioBars(partial) });
      log(
        `${scenario} (${engine}): ${measured.rps} req/s, p95 ${measured.p95} ms, ${measured.errors} errors, ${statements.perRequest} statements per request`,
      );
    }
    await forgetBenchImports(db.url);
    const memory = await memoryOf(gateway.child.pid!);
    const readySeconds = gateway.readySeconds;
    await gateway.stop();
    gateway = undefined;
    const ofEngine = results.filter((r) => r.engine === engine);
    runs.push({
      engine,
      readySeconds: Math.round(readySeconds * 10) / 10,
      gatewayPeakRssMb: Math.max(0, ...ofEngine.map((r) => r.gateway.peakRssMb)),
      gatewayHwmMb: memory?.hwmMb ?? 0,
      // Written by the gateway as it exits.
      ...(cpuProf ? { cpuProfile: await readProfile(profileDir) } : {}),
    });
  }
  await rm(statementFile, { force: true });

  const first = runs[0]!;
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
    readySeconds: first.readySeconds,
    ...(cache ? { cache } : {}),
    rowCounts: fixturesOfRun!.rowCounts,
    list: {
      municipality: fixturesOfRun!.list.municipality,
      total: fixturesOfRun!.list.total,
      depth: fixturesOfRun!.list.depth,
    },
    scenarios: results,
    engines: runs.map((run) => ({
      ...run,
      ...(run.cpuProfile
        ? { cpuProfile: { ...run.cpuProfile, file: path.relative(resultsDir, run.cpuProfile.file) } }
        : {}),
    })),
    gatewayPeakRssMb: first.gatewayPeakRssMb,
    gatewayHwmMb: first.gatewayHwmMb,
    bars: overallBars(first.readySeconds, profile, Math.max(...runs.map((r) => r.gatewayPeakRssMb))),
    barProfile: 'country',
  };
  const files = await writeResults(resultsDir, report);
  process.stdout.write(markdown(report));
  log(`written: ${files.map((f) => path.relative(root, f)).join(', ')}`);
} finally {
  await stopAll();
}
