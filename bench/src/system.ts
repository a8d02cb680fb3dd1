import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PROFILES = ['demo', 'region', 'country'] as const;
export type Profile = (typeof PROFILES)[number];

/** The demo accounts' published password (packages/access/src/demo.ts); they exist with demo data. */
const DEMO_PASSWORD = 'demo-password-2026';
/** The embedded PostgreSQL's default superuser password (core config EMBEDDED_PG_PASSWORD). */
const EMBEDDED_PASSWORD = 'supported-living-local';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface Database {
  /** Where the gateway (and the generator) keep the embedded cluster. */
  dataDir: string;
  pgPort: number;
  /** The owner's URL, for sampling ids and for the floor. */
  url: string;
  /** Environment that points a gateway or the generator at this database. */
  env: Record<string, string>;
}

/** Per profile, under BENCH_DATA_DIR (default `.data/`, git-ignored). */
export function databaseOf(root: string, profile: Profile, pgPort: number): Database {
  const dataDir = path.resolve(root, process.env.BENCH_DATA_DIR ?? '.data', `bench-${profile}`);
  return {
    dataDir,
    pgPort,
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${pgPort}/supported_living`,
    env: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_PASSWORD: EMBEDDED_PASSWORD },
  };
}

/**
 * The profile's data, in one place. `demo` is loaded by the gateway itself at start-up
 * (DEMO_DATA) into a fresh folder each run, so its start time is a cold `pnpm start`. The larger
 * profiles come from the generator CLI once: a profile's folder is reused across runs, and a marker
 * written after a successful generation says it is there (the generator refuses a non-empty
 * database).
 */
/**
 * A generated profile is started with DEMO_DATA on: the subgraphs that hold people leave them
 * alone, and the access subgraph adds the demo accounts the bench signs in with.
 */
const GENERATED = { DEMO_DATA: 'true' };

export async function prepareData(
  root: string,
  profile: Profile,
  db: Database,
  log: (line: string) => void,
): Promise<Record<string, string>> {
  if (profile === 'demo') {
    await rm(db.dataDir, { recursive: true, force: true });
    await mkdir(db.dataDir, { recursive: true });
    return { DEMO_DATA: 'true' };
  }
  const marker = path.join(db.dataDir, 'bench-generated.json');
  if (existsSync(marker)) {
    log(`data: ${profile} already generated (${JSON.parse(await readFile(marker, 'utf8')).at})`);
    return GENERATED;
  }
  const cli = path.join(root, 'packages/gateway/dist/cli/data-generate.js');
  if (!existsSync(cli)) {
    throw new Error(
      `the data generator (${path.relative(root, cli)}) is not built in this tree: profile "${profile}" needs it; use --profile demo`,
    );
  }
  await mkdir(db.dataDir, { recursive: true });
  log(`data: generating ${profile} (once; kept in ${path.relative(root, db.dataDir)})`);
  const started = Date.now();
  const child = spawn(process.execPath, [cli, '--profile', profile], {
    cwd: root,
    env: childEnv({ ...db.env, LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`the data generator exited with ${code}`);
  await writeFile(
    marker,
    JSON.stringify({ at: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }),
  );
  return GENERATED;
}

/**
 * The environment of a child: the bench always runs on its profile's own embedded database, so a
 * database or subgraph URL of the calling shell (e.g. CI's DATABASE_URL) must not leak in.
 */
export function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^([A-Z]+_)?DATABASE_URL$/.test(key) &&
        !/^(ACCESS|SOCIAL|HEALTH|EDUCATION|EMPLOYMENT|COORDINATION)_URL$/.test(key),
    ),
  );
  return { ...env, ...extra };
}

/** Waits until a process answers `/readyz`, or fails at the deadline or when it exits. */
export async function waitForReady(base: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the process exited with ${child.exitCode} before it was ready`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base} did not become ready in time`);
}

export interface Started {
  child: ChildProcess;
  base: string;
  readySeconds: number;
  stop(): Promise<void>;
}

/**
 * The Node flags `pnpm start:built` gives the gateway (its heap size above all), read from the
 * root package.json so that the gateway measured is the gateway deployed.
 */
export async function startFlags(root: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = manifest.scripts['start:built']!.split(/\s+/);
  return words.filter((w) => w.startsWith('--'));
}

/** Starts a built program as its own process (as `pnpm start` does) and waits for `/readyz`. */
export async function startProcess(
  root: string,
  script: string,
  env: Record<string, string>,
  port: number,
  flags: string[] = [],
): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, [...flags, script], {
    cwd: root,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(base, child, Date.now() + 600_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    child,
    base,
    readySeconds: (performance.now() - started) / 1000,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Settings that keep the gateway's own protections from being what is measured. */
export function loadEnv(): Record<string, string> {
  return {
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    // Sessions must outlive a long run.
    SESSION_IDLE_MINUTES: '600',
    // PostgreSQL's page cache as on a machine of its own (half the memory), where the profile's
    // working set stays in memory: the operating system of these machines keeps little of its
    // file cache, and their disks serve a few hundred random reads a second, so with the default
    // quarter a country's card would measure the disk.
    EMBEDDED_PG_SHARED_BUFFERS_MB: String(Math.floor(os.totalmem() / 2 / 1048576)),
  };
}

export async function signIn(base: string, login: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { login, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await res.json()) as { data?: { signIn?: { token?: string } } };
  const token = body.data?.signIn?.token;
  if (!token) throw new Error(`sign-in as ${login} failed: ${JSON.stringify(body)}`);
  return `Bearer ${token}`;
}

/** Resident memory of a process from /proc: now and its high-water mark, in MB. */
export async function memoryOf(pid: number): Promise<{ rssMb: number; hwmMb: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(kb('VmRSS') / 1024), hwmMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Samples a process's resident memory until stopped; returns the peak seen. */
export function sampleMemory(pid: number, everyMs = 200): () => number {
  let peak = 0;
  const timer = setInterval(async () => {
    const m = await memoryOf(pid);
    if (m && m.rssMb > peak) peak = m.rssMb;
  }, everyMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
