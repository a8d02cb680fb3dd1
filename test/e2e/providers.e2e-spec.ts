import { createTestDatabase, Role, type TestDatabase, testConfig } from '@sl/core';
import { type RunningSystem, startSystem } from '@sl/gateway';
import request from 'supertest';
import { authorizationFor, startTestSystem, type TestSystem } from '../support/system.js';

const PROVIDERS = /* GraphQL */ `
  query($first: Int, $after: String, $filter: ProviderFilter) {
    providers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name shortName postalAddress municipality phone email forms inn } }
    }
  }
`;
interface Provider {
  id: string;
  name: string;
  shortName: string;
  postalAddress: string;
  municipality: string;
  phone: string | null;
  email: string | null;
  forms: string[];
  inn: string | null;
}
interface Page {
  providers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: Provider }[];
  };
}

async function gqlAt(system: RunningSystem, query: string, variables?: Record<string, unknown>) {
  const res = await request(`http://127.0.0.1:${system.server.port}`)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', await authorizationFor(system, Role.COORDINATOR))
    .send({ query, variables });
  return res.body as { data?: Page; errors?: { extensions?: { code?: string } }[] };
}

describe('the registry of providers loaded at start-up', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads the 14 Murmansk providers of seed 002 with REGION=murmansk, once, whatever the restarts', async () => {
    const start = (region: string) =>
      startSystem({ config: testConfig({ DATABASE_URL: database.url, REGION: region, DEMO_DATA: 'false' }) });
    const kaluga = await start('kaluga');
    expect((await gqlAt(kaluga, PROVIDERS)).data!.providers.totalCount).toBe(0);
    await kaluga.stop();
    for (let run = 0; run < 2; run += 1) {
      const system = await start('murmansk');
      const res = await gqlAt(system, PROVIDERS, { first: 50 });
      await system.stop();
      expect(res.errors).toBeUndefined();
      // seed 002 appendix 2: 14 organisations of social service
      expect(res.data!.providers.totalCount).toBe(14);
      const byName = new Map(res.data!.providers.edges.map((e) => [e.node.name, e.node]));
      expect(
        byName.get('ГОАУСОН «Мурманский комплексный центр социального обслуживания населения»'),
      ).toMatchObject({
        shortName: 'ГОАУСОН «Мурманский КЦСОН»',
        postalAddress: '183038, г. Мурманск, ул. Володарского, д. 1',
        municipality: 'г. Мурманск',
        phone: '(815 2) 62-09-26',
        email: 'murman.center@mail.ru',
        forms: ['SEMI_STATIONARY', 'HOME_BASED'],
        inn: null,
      });
      expect(
        byName.get('ГОВАУСОН «Полярнинский комплексный центр социального обслуживания населения»'),
      ).toMatchObject({
        postalAddress: '184682, г. Снежногорск, ул. Мира, д. 5/4',
        phone: '(815 30) 60-504',
        email: 'center@plkcsn.ru',
        forms: ['HOME_BASED'],
      });
    }
  });
});

describe('the registry of providers through the gateway', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ env: { REGION: 'murmansk' } });
  });
  afterAll(() => t.stop());

  const CREATE = `mutation($input: CreateProviderInput!) { createProvider(input: $input) { id name shortName forms inn } }`;
  const UPDATE = `mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { id phone forms } }`;
  const input = {
    name: 'АНО «Дом на Кольском»',
    shortName: 'АНО «Дом на Кольском»',
    postalAddress: '183000, г. Мурманск, ул. Полярные Зори, д. 2',
    municipality: 'г. Мурманск',
    forms: ['HOME_BASED'],
    inn: '5190000001',
  };

  it('filters by form and municipality, walking pages by cursor', async () => {
    // seed 002 appendix 2: nine providers serve semi-stationary as well as at home
    const semi = await t.gql<Page>(PROVIDERS, { first: 50, filter: { form: 'SEMI_STATIONARY' } });
    expect(semi.data!.providers.totalCount).toBe(9);
    const apatity = await t.gql<Page>(PROVIDERS, { filter: { municipality: 'г. Апатиты' } });
    expect(apatity.data!.providers.edges.map((e) => e.node.email)).toEqual(['kcsn-apatity@yandex.ru']);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(PROVIDERS, { first: 5, after });
      seen.push(...page.data!.providers.edges.map((e) => e.node.id));
      after = page.data!.providers.pageInfo.hasNextPage ? page.data!.providers.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(14);
  });

  it('adds and changes a provider; refuses a duplicate name, a bad ИНН and no form', async () => {
    const created = await t.gql<{ createProvider: Provider }>(CREATE, { input });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProvider).toMatchObject({
      name: input.name,
      forms: ['HOME_BASED'],
      inn: '5190000001',
    });
    const again = await t.gql(CREATE, { input });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_EXISTS', field: 'name' });
    const badInn = await t.gql(CREATE, { input: { ...input, name: 'Другое', inn: '12345' } });
    expect(badInn.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'inn' });
    const noForm = await t.gql(CREATE, { input: { ...input, name: 'Третье', forms: [] } });
    expect(noForm.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'forms' });
    const unknownForm = await t.gql(CREATE, { input: { ...input, name: 'Четвёртое', forms: ['ONLINE'] } });
    expect(unknownForm.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const id = created.data!.createProvider.id;
    const updated = await t.gql<{ updateProvider: Provider }>(UPDATE, {
      input: { id, phone: '(8152) 11-22-33', forms: ['SEMI_STATIONARY', 'HOME_BASED'] },
    });
    expect(updated.data!.updateProvider).toEqual({
      id,
      phone: '(8152) 11-22-33',
      forms: ['SEMI_STATIONARY', 'HOME_BASED'],
    });
    const one = await t.gql<{ provider: Provider }>('query($id: ID!) { provider(id: $id) { name } }', { id });
    expect(one.data!.provider.name).toBe(input.name);
    const total = await t.gql<Page>(PROVIDERS);
    expect(total.data!.providers.totalCount).toBe(15);
  });

  it('costs the same SQL statements for a page of 2 as for 15', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql<Page>(PROVIDERS, { first });
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length;
    };
    // the page and the count
    expect(await cost(2)).toBe(2);
    expect(await cost(15)).toBe(2);
  });
});
