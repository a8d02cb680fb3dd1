import { fileURLToPath } from 'node:url';

/** The repository root: where `packages/gateway/dist/main.js` is started from, as `pnpm start` does. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Waits until a gateway started as its own process answers `/readyz`, or fails at the deadline. */
export async function waitForReady(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the gateway did not become ready in time');
}
