import type { ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { type Call, runSequential } from './load.js';

/** SQL statements per request of a scenario: in total and per subgraph. */
export interface Statements {
  requests: number;
  perRequest: number;
  bySubgraph: Record<string, number>;
}

/** The gateway's statement counts so far (STATEMENT_COUNT_FILE), written when it gets SIGUSR2. */
async function counts(child: ChildProcess, file: string): Promise<Record<string, number>> {
  await rm(file, { force: true });
  child.kill('SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) return JSON.parse(text) as Record<string, number>;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the gateway did not write its statement counts to ${file}`);
}

const perRequest = (n: number, requests: number) => Math.round((n / requests) * 10) / 10;

/**
 * Sends a few requests of the scenario one at a time and divides the statements the gateway's
 * subgraphs sent meanwhile by them (nothing else runs then, so every statement is theirs).
 */
export async function statementsPerRequest(
  child: ChildProcess,
  file: string,
  url: string,
  next: (n: number) => Call,
  requests = 5,
): Promise<Statements> {
  const before = await counts(child, file);
  const answered = await runSequential(url, next, requests);
  const after = await counts(child, file);
  const bySubgraph: Record<string, number> = {};
  let total = 0;
  for (const [subgraph, count] of Object.entries(after)) {
    const sent = count - (before[subgraph] ?? 0);
    if (sent === 0) continue;
    bySubgraph[subgraph] = perRequest(sent, Math.max(1, answered));
    total += sent;
  }
  return { requests: answered, perRequest: perRequest(total, Math.max(1, answered)), bySubgraph };
}
