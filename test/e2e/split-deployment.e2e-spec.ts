import {
  ACTOR_HEADER,
  type Actor,
  createLogger,
  createTestDatabase,
  Role,
  type RunningSubgraphService,
  sessionSecret,
  signActorAssertion,
  startSubgraphService,
  type TestDatabase,
  testConfig,
} from '@sl/core';
import { subgraphDefinitions } from '@sl/gateway';
import request from 'supertest';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CARD = `{ recipients(first: 3) { totalCount edges { node {
  id lastName medicalConclusions { issuedOn } enrolments { programme } placements { position } needRegistryEntry { source }
} } } }`;

describe('split deployment: every subgraph as its own HTTP service', () => {
  let db: TestDatabase;
  const services = new Map<string, RunningSubgraphService>();
  let gateway: TestSystem;

  beforeAll(async () => {
    db = await createTestDatabase('split');
    for (const definition of subgraphDefinitions) {
      const config = testConfig({ DATABASE_URL: db.url, DEMO_DATA: 'true', DEMO_PEOPLE: '20' });
      services.set(definition.name, await startSubgraphService(definition, config, createLogger('silent')));
    }
    const env = Object.fromEntries(
      [...services].map(([name, s]) => [`${name.toUpperCase()}_URL`, s.server.url]),
    );
    // The same database: the gateway authenticates against the access schema the service migrated.
    gateway = await startTestSystem({ env: { ...env, DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    await gateway?.stop();
    for (const s of services.values()) await s.stop();
    await db?.drop();
  });

  it('answers alone: a subgraph serves its own SDL and readiness', async () => {
    const health = services.get('health')!;
    const base = `http://127.0.0.1:${health.server.port}`;
    await request(base).get('/readyz').expect(200);
    const sdl = await request(base).post('/graphql').send({ query: '{ _service { sdl } }' });
    expect(sdl.body.data._service.sdl).toContain('medicalConclusions');
    const entities = (assertion?: string) => {
      const req = request(base).post('/graphql');
      if (assertion) req.set(ACTOR_HEADER, assertion);
      return req.send({
        query:
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { id medicalConclusions { id } } } }',
        variables: { r: [{ __typename: 'Recipient', id: '00000000-0000-4000-8000-000000000000' }] },
      });
    };
    const actor = (role: Role): Actor => ({
      kind: 'user',
      id: '11111111-1111-4111-8111-111111111111',
      name: 't',
      agencyId: null,
      roles: [role],
      providerId: null,
    });
    const secret = sessionSecret(testConfig());
    // Reached directly, a subgraph is as strict as through the gateway: no assertion, nothing.
    const anonymous = await entities();
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await entities(await signActorAssertion(actor(Role.HEALTH_OFFICER), 'x'.repeat(40), 'r1'));
    expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const education = await entities(await signActorAssertion(actor(Role.EDUCATION_OFFICER), secret, 'r2'));
    expect(education.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const officer = await entities(await signActorAssertion(actor(Role.HEALTH_OFFICER), secret, 'r3'));
    expect(officer.body.data._entities).toEqual([
      { id: '00000000-0000-4000-8000-000000000000', medicalConclusions: [] },
    ]);
  });

  it('the gateway reaches them over HTTP and answers the same cross-subgraph query', async () => {
    expect(gateway.system.runtimes.size).toBe(0);
    const res = await gateway.gql<{
      recipients: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(
      CARD,
      {},
      {
        // The demo coordinator runs the demo cases, so sees their health details (docs/access.md ✓¹).
        authorization: await demoAuthorization(`http://127.0.0.1:${gateway.system.server.port}`),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recipients.totalCount).toBe(20);
    expect(res.data!.recipients.edges[0]!.node).toHaveProperty('needRegistryEntry.source');
    await gateway.http().get('/readyz').expect(200);
  });

  it.each([
    ['coordination', 'needRegistryEntry', 'placements'],
    ['health', 'medicalConclusions', 'placements'],
    ['employment', 'placements', 'medicalConclusions'],
  ] as const)(
    'with %s down, answers what the others own, says what is missing, and recovers',
    async (name, missing, kept) => {
      const down = services.get(name)!;
      const port = down.server.port;
      // The demo cases are the demo coordinator's (the only one who reads their health details).
      const demo = {
        authorization: await demoAuthorization(`http://127.0.0.1:${gateway.system.server.port}`),
      };
      await down.stop();
      const partial = await gateway.gql<{
        recipients: { totalCount: number; edges: { node: Record<string, unknown> }[] };
      }>(CARD, {}, demo);
      // The people and every other ministry's part are there…
      expect(partial.data!.recipients.totalCount).toBe(20);
      expect(partial.data!.recipients.edges[0]!.node.lastName).toEqual(expect.any(String));
      expect(partial.data!.recipients.edges[0]!.node[kept]).toEqual(expect.any(Array));
      // …the missing part is null, with an error that names it and says what to do.
      expect(partial.data!.recipients.edges[0]!.node[missing]).toBeNull();
      const error = partial.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
      expect(error?.extensions?.service).toBe(name);
      expect(error?.message).toMatch(/недоступны/);
      expect(JSON.stringify(partial.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch/);
      await gateway.http().get('/readyz').expect(503);

      // The same service comes back on its address: the gateway uses it again without a restart.
      const config = testConfig({ DATABASE_URL: db.url, PORT: String(port) });
      const definition = subgraphDefinitions.find((d) => d.name === name)!;
      services.set(name, await startSubgraphService(definition, config, createLogger('silent')));
      const again = await gateway.gql<{
        recipients: { edges: { node: Record<string, unknown> }[] };
      }>(CARD, {}, demo);
      expect(again.errors).toBeUndefined();
      expect(again.data!.recipients.edges[0]!.node).toHaveProperty(missing);
      await gateway.http().get('/readyz').expect(200);
    },
  );
});
