import net from 'node:net';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CARD = `{ recipients(first: 2) { totalCount edges { node { id lastName medicalConclusions { issuedOn } } } } }`;

/**
 * A separately deployed subgraph whose host is gone does not refuse the connection (a stopped
 * container's address, a dead server): the connection is accepted by nobody and nothing answers.
 * Here a socket that accepts and never replies stands in for it, as health.
 */
describe('a subgraph that never answers', () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  let t: TestSystem;

  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    t = await startTestSystem({
      env: {
        HEALTH_URL: `http://127.0.0.1:${port}/graphql`,
        SESSION_SECRET: 'a-shared-secret-of-at-least-32-characters',
        SUBGRAPH_TIMEOUT_MS: '500',
        DEMO_DATA: 'true',
        DEMO_PEOPLE: '5',
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
  });

  it("costs only its own fields: the rest answers, health's part is null with SUBGRAPH_UNAVAILABLE", async () => {
    const res = await t.gql<{
      recipients: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(CARD, {}, { authorization: await demoAuthorization(`http://127.0.0.1:${t.system.server.port}`) });
    expect(res.data!.recipients.totalCount).toBe(5);
    expect(res.data!.recipients.edges[0]!.node.lastName).toEqual(expect.any(String));
    expect(res.data!.recipients.edges[0]!.node.medicalConclusions).toBeNull();
    const error = res.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(error?.extensions?.service).toBe('health');
    expect(error?.message).toMatch(/здравоохранения сейчас недоступны/);
    // The subgraph was asked (the request reached the silent host) and given up on.
    expect(sockets.size).toBeGreaterThan(0);
  });
});
