import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Measured } from './load.js';
import type { PackageShare } from './profile.js';
import type { Scenario } from './scenarios.js';
import type { Statements } from './statements.js';

export interface ScenarioResult {
  scenario: Scenario;
  /** The gateway engine measured (GATEWAY_ENGINE). */
  engine: string;
  connections: number;
  /** SQL statements per request, from a few requests sent one at a time after the load. */
  statements: Statements;
  gateway: Measured;
  floor?: Measured;
  /** Gateway rps / floor rps. */
  ratio?: number;
  bars: BarResult[];
}

export interface BarResult {
  bar: string;
  met: boolean;
  /** How far from the bar when missed, e.g. "p95 is 23 ms over". */
  by?: string;
}

/** One gateway engine's run: its start, memory and (with --cpu-prof) where its CPU time went. */
export interface EngineRun {
  engine: string;
  readySeconds: number;
  gatewayPeakRssMb: number;
  gatewayHwmMb: number;
  cpuProfile?: { file: string; breakdown: PackageShare[] };
}

export interface Results {
  profile: string;
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemMb: number };
  settings: { durationSeconds: number; connections: number; warmupSeconds: number };
  readySeconds: number;
  /** PostgreSQL's page cache and how much of the profile was read into it before measuring. */
  cache?: { sharedBuffersMb: number; prewarmedMb: number; databaseMb: number };
  rowCounts: Record<string, number>;
  list: { municipality: string; total: number; depth: number };
  scenarios: ScenarioResult[];
  engines: EngineRun[];
  gatewayPeakRssMb: number;
  gatewayHwmMb: number;
  bars: BarResult[];
  /** Bars are set for this profile; elsewhere they are shown for reference only. */
  barProfile: string;
}

const over = (value: number, limit: number, unit: string, what: string): BarResult => ({
  bar: `${what} < ${limit} ${unit}`,
  met: value < limit,
  ...(value < limit ? {} : { by: `${value} ${unit}: ${Math.round((value - limit) * 10) / 10} ${unit} over` }),
});
const atLeast = (value: number, limit: number, unit: string, what: string): BarResult => ({
  bar: `${what} ≥ ${limit} ${unit}`,
  met: value >= limit,
  ...(value >= limit
    ? {}
    : {
        by: `${value} ${unit}: ${Math.round((limit - value) * 10) / 10} ${unit} short, ${Math.round((value / limit) * 100)} % of the bar`,
      }),
});

/** Issue 8's bar, per scenario (set on `country`, 2 cores). */
export function scenarioBars(r: Omit<ScenarioResult, 'bars'>): BarResult[] {
  const g = r.gateway;
  const bars: BarResult[] = [];
  if (g.errors > 0) bars.push({ bar: 'no errors', met: false, by: `${g.errors} errors` });
  if (r.scenario === 'card') {
    bars.push(atLeast(g.rps, 1000, 'req/s', 'throughput'));
    bars.push(over(g.p95, 50, 'ms', 'p95'));
    if (r.ratio !== undefined) bars.push(atLeast(Math.round(r.ratio * 100), 25, '%', 'of the floor’s req/s'));
  }
  if (r.scenario === 'list') bars.push(over(g.p95, 100, 'ms', 'p95'));
  if (r.scenario === 'indicators') bars.push(over(g.p95, 200, 'ms', 'p95'));
  return bars;
}

export function overallBars(readySeconds: number, profile: string, peakRssMb: number): BarResult[] {
  const bars = [over(peakRssMb, 500, 'MB', 'gateway peak RSS under load')];
  if (profile === 'demo')
    bars.push(over(Math.round(readySeconds * 10) / 10, 15, 's', 'demo ready after start'));
  return bars;
}

const statementsCell = (s: Statements) =>
  `${s.perRequest}${
    Object.keys(s.bySubgraph).length
      ? ` (${Object.entries(s.bySubgraph)
          .map(([subgraph, n]) => `${subgraph} ${n}`)
          .join(', ')})`
      : ''
  }`;

const cell = (b: BarResult[]) =>
  b.length === 0
    ? '—'
    : b.map((x) => `${x.met ? '✅' : '❌'} ${x.bar}${x.by ? ` (${x.by})` : ''}`).join('<br>');

export function markdown(r: Results): string {
  const lines = [
    `# Benchmark: profile \`${r.profile}\`, ${r.startedAt}`,
    '',
    `Machine: ${r.machine.cpus} CPU (${r.machine.cpuModel}), ${r.machine.totalMemMb} MB, Node ${r.machine.node} on ${r.machine.platform}. ` +
      `Load: autocannon, ${r.settings.connections} connections, ${r.settings.durationSeconds} s per scenario after ${r.settings.warmupSeconds} s of unrecorded warm-up (import: 2 connections).`,
    '',
    `Gateway ready ${r.readySeconds.toFixed(1)} s after start. Gateway peak RSS under load ${r.gatewayPeakRssMb} MB (VmHWM over its whole life ${r.gatewayHwmMb} MB).`,
    r.cache
      ? `PostgreSQL page cache (shared_buffers) ${r.cache.sharedBuffersMb} MB; ${r.cache.prewarmedMb} MB of the profile's ${r.cache.databaseMb} MB of tables and indexes read into it before measuring (pg_prewarm: indexes, then tables, smallest first).`
      : '',
    r.profile === r.barProfile
      ? ''
      : `\nThe bar is set on \`${r.barProfile}\`; on \`${r.profile}\` it is shown for reference only.`,
    '',
    '| scenario | engine | requests | req/s | p50 ms | p95 ms | p99 ms | errors | SQL per request | peak RSS MB | floor req/s | floor p95 ms | ratio | bar |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...r.scenarios.map((s) => {
      const g = s.gateway;
      return `| ${s.scenario} | ${s.engine} | ${g.requests} | ${g.rps} | ${g.p50} | ${g.p95} | ${g.p99} | ${g.errors} | ${statementsCell(s.statements)} | ${g.peakRssMb} | ${s.floor?.rps ?? '—'} | ${s.floor?.p95 ?? '—'} | ${s.ratio?.toFixed(3) ?? '—'} | ${cell(s.bars)} |`;
    }),
    '',
    '| engine | ready s | peak RSS MB | VmHWM MB | CPU self time by package (top 10) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...r.engines.map(
      (e) =>
        `| ${e.engine} | ${e.readySeconds.toFixed(1)} | ${e.gatewayPeakRssMb} | ${e.gatewayHwmMb} | ${
          e.cpuProfile
            ? `${e.cpuProfile.breakdown
                .slice(0, 10)
                .map((p) => `${p.package} ${p.percent} %`)
                .join(', ')} ([profile](${e.cpuProfile.file}))`
            : '— (run with --cpu-prof)'
        } |`,
    ),
    '',
    `Overall: ${cell(r.bars)}`,
    '',
    `List: municipality «${r.list.municipality}» (${r.list.total} people), birth date newest first, page of 25 after row ${r.list.depth}.`,
    '',
    '| table | rows |',
    '| --- | ---: |',
    ...Object.entries(r.rowCounts).map(([t, n]) => `| ${t} | ${n} |`),
  ];
  const samples = r.scenarios.flatMap((s) =>
    [...s.gateway.errorSamples, ...(s.floor?.errorSamples ?? [])].map((e) => `- ${s.scenario}: ${e}`),
  );
  if (samples.length) lines.push('', 'Errors (samples):', '', ...samples);
  return `${lines.join('\n')}\n`;
}

export async function writeResults(dir: string, r: Results): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const json = path.join(dir, `${r.profile}-${stamp}.json`);
  const md = path.join(dir, `${r.profile}-${stamp}.md`);
  const latest = path.join(dir, `latest-${r.profile}.md`);
  const text = markdown(r);
  await writeFile(json, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(md, text);
  await writeFile(latest, text);
  return [json, md, latest];
}
