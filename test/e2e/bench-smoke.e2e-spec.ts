import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../support/built-gateway.js';

/**
 * Benchmarks are not tests: this only proves that `pnpm bench` starts the system, measures one
 * scenario briefly and writes its results. The timings are not checked, and the run is a fixed
 * number of requests rather than a time window, which a loaded machine could fill with none.
 */
describe('pnpm bench (smoke)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sl-bench-'));
    // Run as root, the embedded PostgreSQL is the `postgres` user: it must reach its folder.
    await chmod(dir, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('measures the card on demo data and writes JSON and Markdown results with every request answered', async () => {
    const child = spawn(
      process.execPath,
      [
        'bench/dist/cli.js',
        '--profile',
        'demo',
        '--scenarios',
        'card',
        '--requests',
        '20',
        '--connections',
        '4',
        '--warmup',
        '0',
      ],
      {
        cwd: repositoryRoot,
        // A small demo keeps the start quick; its database and results stay in the temp folder.
        env: { ...process.env, BENCH_RESULTS_DIR: dir, BENCH_DATA_DIR: dir, DEMO_PEOPLE: '40' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);

    const files = await readdir(dir);
    const json = files.find((f) => /^demo-.*\.json$/.test(f));
    expect(json).toBeDefined();
    expect(files).toContain('latest-demo.md');
    const results = JSON.parse(await readFile(path.join(dir, json!), 'utf8')) as {
      scenarios: {
        scenario: string;
        gateway: { requests: number; errors: number; errorSamples: string[] };
        floor: { requests: number; errors: number };
        ratio: number;
        engine: string;
        statements: { requests: number; perRequest: number; bySubgraph: Record<string, number> };
      }[];
      readySeconds: number;
      rowCounts: Record<string, number>;
    };
    expect(results.scenarios.map((s) => s.scenario)).toEqual(['card']);
    const card = results.scenarios[0]!;
    expect(card.gateway.errorSamples).toEqual([]);
    expect(card.gateway.errors).toBe(0);
    expect(card.gateway.requests).toBe(20);
    expect(card.floor.requests).toBe(20);
    expect(card.floor.errors).toBe(0);
    expect(card.ratio).toBeGreaterThan(0);
    // The card reads every ministry: each of their subgraphs sent statements for it.
    expect(card.engine).toBe('apollo');
    expect(card.statements.requests).toBe(5);
    expect(Object.keys(card.statements.bySubgraph)).toEqual(
      expect.arrayContaining(['social', 'health', 'education', 'employment']),
    );
    expect(card.statements.perRequest).toBeGreaterThanOrEqual(4);
    expect(results.rowCounts['social.recipient']).toBe(40);
    const table = await readFile(path.join(dir, 'latest-demo.md'), 'utf8');
    expect(table).toContain('| card |');
    expect(stdout).toContain('| card |');
  }, 120_000);
});
