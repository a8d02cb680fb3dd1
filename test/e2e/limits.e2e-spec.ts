import { startTestSystem, type TestSystem } from '../support/system.js';

describe('limits on the public endpoint', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({
      env: {
        QUERY_MAX_DEPTH: '6',
        QUERY_MAX_ALIASES: '5',
        QUERY_MAX_TOKENS: '400',
        RATE_LIMIT_PER_MINUTE: '40',
        NODE_ENV: 'production',
        SESSION_SECRET: 'p'.repeat(40),
        DEMO_DATA: 'false',
        MAX_BODY_BYTES: '20000',
      },
    });
  });
  afterAll(() => t?.stop());

  const codes = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.map((e) => e.extensions?.code);

  it('refuses a query nested deeper than configured', async () => {
    // depth 7: recipients › edges › node › housing › history › unit › freePlaces
    const deep = '{ recipients { edges { node { housing { history { unit { freePlaces } } } } } } }';
    expect(codes(await t.gql(deep))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses too many aliases and too many tokens', async () => {
    const aliases = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expect(codes(await t.gql(aliases))).toEqual(['QUERY_TOO_MANY_ALIASES']);
    const wide = `{ me { ${Array.from({ length: 500 }, () => 'name').join(' ')} } }`;
    const tokens = await t.gql(wide);
    expect(codes(tokens)).toEqual(['QUERY_TOO_MANY_TOKENS']);
    expect(tokens.errors?.[0]?.extensions?.limit).toBe(400);
  });

  it('answers no introspection and suggests no field names in production, and leaks no internals', async () => {
    const introspection = await t.gql('{ __schema { types { name } } }');
    expect(codes(introspection)).toContain('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql('{ recipent { id } }');
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
  });

  it('refuses an oversized body and a batched request', async () => {
    const big = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ me { name } } # ${'x'.repeat(30_000)}` });
    expect(big.status).toBe(413);
    const batch = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ me { name } }' }, { query: '{ me { name } }' }]);
    expect(batch.status).toBe(400);
  });

  it('rate-limits one client per minute and keeps answering others', async () => {
    let limited = 0;
    for (let i = 0; i < 45; i += 1) {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ me { name } }' });
      if (res.status === 429) {
        limited += 1;
        expect(res.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      }
    }
    expect(limited).toBeGreaterThan(0);
    const other = await t.gql('{ me { name } }');
    expect(other.data).toEqual({ me: { name: 't-coordinator' } });
  });
});
