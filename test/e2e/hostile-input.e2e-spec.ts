import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = 'mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }';
const VALID = {
  snils: '11223344595',
  lastName: 'Иванова',
  firstName: 'Мария',
  birthDate: '1990-01-01',
  sex: 'FEMALE',
  municipality: 'г. Калуга',
};

/** Hostile and malformed inputs: each refused with a stable code, nothing written, no internals. */
const CORPUS: [string, Record<string, unknown>, string[]][] = [
  ['an oversized name', { lastName: 'Я'.repeat(10_000) }, ['VALIDATION_FAILED']],
  [
    'SQL in the СНИЛС',
    { snils: "1'; DROP TABLE social.recipient; --" },
    ['SNILS_INVALID', 'VALIDATION_FAILED'],
  ],
  ['SQL in a name', { lastName: "Robert'); DROP TABLE social.recipient;--" }, ['VALIDATION_FAILED']],
  ['a script in a name', { firstName: '<script>alert(1)</script>' }, ['VALIDATION_FAILED']],
  ['a lone surrogate (invalid Unicode)', { lastName: 'Ив\ud800анова' }, ['VALIDATION_FAILED']],
  ['control characters', { lastName: 'Ив\u0000анова' }, ['VALIDATION_FAILED']],
  ['a number where a string belongs', { lastName: 42 }, ['BAD_USER_INPUT']],
  ['an object where a date belongs', { birthDate: { $gt: '' } }, ['BAD_USER_INPUT']],
  ['an impossible date', { birthDate: '1990-02-31' }, ['BAD_USER_INPUT']],
  ['an unknown enum', { sex: 'UNKNOWN' }, ['BAD_USER_INPUT']],
  ['an unknown field', { isAdmin: true }, ['BAD_USER_INPUT']],
];

describe('hostile and malformed input', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());

  const count = async () =>
    (await t.gql<{ recipients: { totalCount: number } }>('{ recipients { totalCount } }')).data!.recipients
      .totalCount;

  it.each(CORPUS)('refuses %s with a stable code and writes nothing', async (_name, patch, codes) => {
    const before = await count();
    const res = await t.gql(CREATE, { input: { ...VALID, ...patch } });
    expect(res.data?.createRecipient ?? null).toBeNull();
    expect(codes).toContain(res.errors?.[0]?.extensions?.code);
    expect(JSON.stringify(res)).not.toMatch(/select |insert |postgres|stack|\.ts:/i);
    expect(await count()).toBe(before);
  });

  it('treats an explicit null filter or cursor in a query as left out', async () => {
    for (const query of [
      'query { recipients(filter: null, orderBy: null, after: null) { totalCount } }',
      'query { deadlines(filter: null, after: null) { totalCount } }',
      'query { providers(filter: null) { totalCount } }',
      'query { housingUnits(filter: null) { totalCount } }',
    ]) {
      const res = await t.gql(query);
      expect({ query, errors: res.errors }).toEqual({ query, errors: undefined });
    }
  });

  it('refuses malformed requests and tokens, and keeps answering afterwards', async () => {
    const raw = (body: string, headers: Record<string, string> = {}) =>
      t
        .http()
        .post('/graphql')
        .set({ 'content-type': 'application/json', ...headers })
        .send(body);
    expect((await raw('{"query": "{ me { name }')).status).toBe(400); // broken JSON
    const notGraphql = await raw(JSON.stringify({ query: 'DROP TABLE x' }));
    expect(notGraphql.body.errors[0].extensions.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
    const wrongType = await raw(JSON.stringify({ query: 42 }));
    expect(wrongType.status).toBe(400);
    for (const authorization of [
      'Bearer sls_expiredOrForgedTokenThatNeverExisted000',
      'Bearer slc_00000000-0000-4000-8000-000000000000.secret',
      `Bearer ${'A'.repeat(5000)}`,
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
    ]) {
      const res = await raw(JSON.stringify({ query: '{ me { name } }' }), { authorization });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const deep = `{ me ${'{ name '.repeat(60)}${'}'.repeat(60)} }`;
    // Refused before it runs: by the cost or depth limit, whichever counts it first.
    expect((await t.gql(deep)).errors?.[0]?.extensions?.code).toMatch(/^QUERY_TOO_(COSTLY|DEEP)$/);
    expect((await t.gql('{ me { name } }')).data).toEqual({ me: { name: 't-coordinator' } });
  });
});
