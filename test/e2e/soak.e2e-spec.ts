import { writeFile } from 'node:fs/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { snilsFromBody } from '@sl/core';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/** A full collection, without starting jest with --expose-gc. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * A mixed load (cards, list pages, indicators, registrations) for a set time, through the gateway
 * over HTTP with real sign-in. Reports errors (must be none), latency per window and memory per
 * window (must not keep growing). In the test suite it runs briefly; `pnpm soak` runs it for ten
 * minutes (SOAK_SECONDS) and writes the report (SOAK_REPORT).
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const WINDOW_SECONDS = Number(process.env.SOAK_WINDOW_SECONDS ?? (SECONDS >= 120 ? 30 : 5));
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 4);

const CARD = /* GraphQL */ `
  query Card($id: ID!) {
    recipient(id: $id) {
      id lastName currentStage { kind } housing { current { fromDate } }
      medicalConclusions { issuedOn contraindicationsPresent }
      enrolments { level status } placements { position supported } employed
    }
  }
`;
const PAGE = /* GraphQL */ `
  query Page($after: String) {
    recipients(first: 20, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id lastName snils } } }
  }
`;
const INDICATORS = /* GraphQL */ `
  { indicators { applications { submitted } trainingFlatPlaces peopleEmployed peopleInEducation medicalConclusionsIssued } }
`;
const REGISTER = /* GraphQL */ `
  mutation Register($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }
`;

interface Window {
  second: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rssMb: number;
  heapMb: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

describe('soak: a mixed load for a set time', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '120', RATE_LIMIT_PER_MINUTE: '1000000' },
    });
  });
  afterAll(() => t.stop());

  it(
    `answers every request without error for ${SECONDS} s, and its memory levels off`,
    async () => {
      // The demo coordinator runs the demo cases, so reads the health part of their cards too.
      const authorization = await demoAuthorization(`http://127.0.0.1:${t.system.server.port}`);
      const ids = (
        await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
          '{ recipients(first: 120) { edges { node { id } } } }',
        )
      ).data!.recipients.edges.map((e) => e.node.id);
      const base = `http://127.0.0.1:${t.system.server.port}/graphql`;
      const failures: string[] = [];
      let latencies: number[] = [];
      let requests = 0;
      let errors = 0;
      let snils = 600_000_001;
      let cursor: string | null = null;

      const call = async (query: string, variables: Record<string, unknown>) => {
        const started = performance.now();
        try {
          const res = await fetch(base, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await res.json()) as {
            data?: { recipients?: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
            errors?: unknown[];
          };
          if (res.status !== 200 || body.errors) {
            errors += 1;
            if (failures.length < 5) failures.push(JSON.stringify(body.errors ?? res.status));
          }
          const page = body.data?.recipients;
          if (page && 'pageInfo' in page) cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } catch (error) {
          errors += 1;
          if (failures.length < 5) failures.push(String(error));
        }
        latencies.push(performance.now() - started);
        requests += 1;
      };

      const until = Date.now() + SECONDS * 1000;
      const client = async (n: number) => {
        for (let i = n; Date.now() < until; i += 1) {
          const pick = i % 10;
          if (pick < 5) await call(CARD, { id: ids[i % ids.length] });
          else if (pick < 8) await call(PAGE, { after: cursor });
          else if (pick < 9) await call(INDICATORS, {});
          else
            await call(REGISTER, {
              input: {
                lastName: 'Нагрузочная',
                firstName: 'Ольга',
                birthDate: '1990-06-15',
                sex: 'FEMALE',
                municipality: 'г. Калуга',
                snils: snilsFromBody(snils++),
              },
            });
        }
      };

      const windows: Window[] = [];
      const started = Date.now();
      const sampler = setInterval(() => {
        const sorted = latencies.sort((a, b) => a - b);
        // Live memory: the heap a full collection leaves. Heap in use between collections swings by
        // hundreds of MB with the garbage of the last few seconds, which says nothing of a leak.
        collectGarbage();
        const memory = process.memoryUsage();
        windows.push({
          second: Math.round((Date.now() - started) / 1000),
          requests,
          errors,
          p50: Math.round(percentile(sorted, 50) * 10) / 10,
          p95: Math.round(percentile(sorted, 95) * 10) / 10,
          p99: Math.round(percentile(sorted, 99) * 10) / 10,
          rssMb: Math.round(memory.rss / 1e6),
          heapMb: Math.round(memory.heapUsed / 1e6),
        });
        latencies = [];
        requests = 0;
        errors = 0;
      }, WINDOW_SECONDS * 1000);
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      clearInterval(sampler);

      const table = [
        '| second | requests | errors | p50 ms | p95 ms | p99 ms | rss MB | heap MB |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...windows.map(
          (w) =>
            `| ${w.second} | ${w.requests} | ${w.errors} | ${w.p50} | ${w.p95} | ${w.p99} | ${w.rssMb} | ${w.heapMb} |`,
        ),
      ].join('\n');
      if (process.env.SOAK_REPORT) {
        await writeFile(
          process.env.SOAK_REPORT,
          JSON.stringify({ seconds: SECONDS, clients: CLIENTS, windows }, null, 2),
        );
        await writeFile(
          process.env.SOAK_REPORT.replace(/\.json$/, '.md'),
          `# Soak: ${SECONDS} s, ${CLIENTS} clients\n\n${table}\n`,
        );
      }
      console.log(table);

      expect(failures).toEqual([]);
      expect(windows.reduce((n, w) => n + w.errors, 0)).toBe(0);
      expect(windows.length).toBeGreaterThanOrEqual(3);
      expect(windows.every((w) => w.requests > 0)).toBe(true);
      // Memory levels off: the last third's peak live heap is within reach of the first third's
      // (after the first window's warm-up), not climbing without bound.
      const rest = windows.slice(1);
      const third = Math.max(1, Math.floor(rest.length / 3));
      const early = Math.max(...rest.slice(0, third).map((w) => w.heapMb));
      const late = Math.max(...rest.slice(-third).map((w) => w.heapMb));
      expect(late).toBeLessThan(early * 1.5 + 64);
    },
    SECONDS * 1000 + 120_000,
  );
});
