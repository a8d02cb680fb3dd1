import autocannon from 'autocannon';
import { sampleMemory } from './system.js';

/** One request of a scenario: built fresh per call so that each carries its own data. */
export interface Call {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** What the request is, for a check that reads the answer (e.g. keeps a created id). */
  kind?: string;
}

export interface LoadSpec {
  url: string;
  /** Builds the n-th request (n counts across connections). */
  next: (n: number) => Call;
  /** Says what is wrong with a 200 answer (e.g. GraphQL `errors`), or null when it is right. */
  check?: (body: string, call: Call) => string | null;
  connections: number;
  durationSeconds: number;
  /**
   * A fixed number of requests instead of a time window (autocannon's `amount`): the smoke test
   * asks for work done, which a loaded machine cannot shrink to nothing as it can a window.
   */
  requests?: number;
  /** Whose memory to sample while the load runs. */
  pid: number;
}

export interface Measured {
  requests: number;
  durationSeconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** Up to five distinct error samples, to say what went wrong. */
  errorSamples: string[];
  peakRssMb: number;
}

/** Counts requests across runs, so a measured run never repeats its warm-up's data. */
let n = 0;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Runs autocannon with a request built per call; latencies are kept whole so that p95 (which
 * autocannon's summary lacks) is exact. A non-200 answer, a failed connection or a 200 whose body
 * the scenario's check refuses each count as an error.
 */
export async function runLoad(spec: LoadSpec): Promise<Measured> {
  let errors = 0;
  const samples = new Set<string>();
  const fail = (what: string) => {
    errors += 1;
    if (samples.size < 5) samples.add(what.slice(0, 400));
  };
  const latencies: number[] = [];
  const stopMemory = sampleMemory(spec.pid);
  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    ...(spec.requests ? { amount: spec.requests } : {}),
    requests: [
      {
        setupRequest: (request, context) => {
          const call = spec.next(n++);
          (context as { call?: Call }).call = call;
          return {
            ...request,
            method: call.method ?? 'POST',
            path: call.path,
            headers: { 'content-type': 'application/json', ...call.headers },
            body: call.body,
          } as never;
        },
        onResponse: (status, body, context) => {
          const call = (context as { call: Call }).call;
          if (status !== 200) fail(`HTTP ${status}: ${body}`);
          else {
            const problem = spec.check?.(body, call) ?? null;
            if (problem) fail(problem);
          }
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on('reqError', (error) => fail(`request error: ${String(error)}`));
  });
  const peakRssMb = stopMemory();
  latencies.sort((a, b) => a - b);
  const timeouts = result.timeouts ?? 0;
  if (timeouts > 0) fail(`${timeouts} timeouts`);
  errors += Math.max(0, timeouts - 1);
  return {
    requests: latencies.length,
    durationSeconds: result.duration,
    rps: round(latencies.length / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    errors,
    errorSamples: [...samples],
    peakRssMb,
  };
}

/** A check for GraphQL answers: a 200 that carries `errors` (or no `data`) is an error. */
export function graphqlCheck(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (parsed.errors?.length) {
      const e = parsed.errors[0]!;
      return `GraphQL ${e.extensions?.code ?? ''}: ${e.message}`;
    }
    if (parsed.data === undefined || parsed.data === null) return 'no data';
    return null;
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
}

/**
 * Sends `count` requests of a scenario one after another (the same numbering as the load, so
 * writes never repeat data) and returns how many were answered 200.
 */
export async function runSequential(url: string, next: (n: number) => Call, count: number): Promise<number> {
  let answered = 0;
  for (let i = 0; i < count; i++) {
    const call = next(n++);
    const response = await fetch(`${url}${call.path}`, {
      method: call.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...call.headers },
      ...(call.body === undefined ? {} : { body: call.body }),
    });
    await response.arrayBuffer();
    if (response.ok) answered += 1;
  }
  return answered;
}
