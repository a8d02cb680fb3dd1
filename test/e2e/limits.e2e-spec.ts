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

  it('rate-limits one client per minute with the documented headers, and keeps answering others', async () => {
    const answers = [];
    for (let i = 0; i < 45; i += 1) {
      answers.push(
        await t
          .http()
          .post('/graphql')
          .set({
            'content-type': 'application/json',
            accept: i % 2 ? 'application/json' : 'application/graphql-response+json',
          })
          .send({ query: '{ me { name } }' }),
      );
    }
    // Every answer: the policy (40 a 60-second window) and what is left of it, one less each time
    // (this client's earlier requests of the minute counted too) down to 0, then 429s.
    const left = answers.map((res) => {
      expect(res.headers['ratelimit-policy']).toMatch(/^"default"; q=40; w=60; pk=:[\w+/=-]+:$/);
      const [, r, seconds] = /^"default"; r=(\d+); t=(\d+)$/.exec(String(res.headers.ratelimit)) ?? [];
      expect(Number(seconds)).toBeGreaterThan(0);
      expect(Number(seconds)).toBeLessThanOrEqual(60);
      return Number(r);
    });
    const served = left.indexOf(0) + 1;
    expect(left).toEqual(answers.map((_, i) => Math.max(0, left[0]! - i)));
    expect(answers.slice(0, served).every((res) => res.status !== 429)).toBe(true);
    // Over it: 429 under either media type, a JSON GraphQL error with its code, and when to retry.
    const limited = answers.slice(served);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    for (const res of limited) {
      expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
        status: 429,
        type: expect.stringMatching(/^application\/(graphql-response\+)?json; charset=utf-8$/),
      });
      expect(res.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/Слишком много запросов/),
            extensions: { code: 'RATE_LIMITED', limit: 40 },
          },
        ],
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    const other = await t.gql('{ me { name } }');
    expect(other.data).toEqual({ me: { name: 't-coordinator' } });
  });
});
