import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { API_VERSION, agencyIdOf, createLogger, Role, snilsFromBody, testConfig } from '@sl/core';
import { serverAudits } from 'graphql-http';
import { until } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The gateway against the GraphQL-over-HTTP specification, with graphql-http's own server audit:
 * every MUST and every SHOULD. The optional GET forms (MAY) stay refused: a GET can be sent
 * cross-site by any page a signed-in coordinator opens (CSRF), so the graph answers POST only.
 * The audit asks `__type`: it runs outside production, where introspection is on.
 */
const LIMITS = {
  QUERY_MAX_DEPTH: '6',
  QUERY_MAX_ALIASES: '5',
  QUERY_MAX_TOKENS: '600',
  QUERY_MAX_COST: '150',
  MAX_BODY_BYTES: '20000',
  CORS_ORIGINS: 'https://partner.example.ru',
};
const JSON_TYPES = /^application\/(graphql-response\+)?json; charset=utf-8$/;

describe('GraphQL over HTTP', () => {
  let t: TestSystem;
  /** The server's log lines, as its operator reads them. */
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const logger = createLogger('info', {}, { write: (line: string) => logLines.push(JSON.parse(line)) });
    t = await startTestSystem({ env: LIMITS, logger });
  });
  afterAll(() => t?.stop());

  it('passes the graphql-http server audit with no failure and no warning', async () => {
    const results = await Promise.all(serverAudits({ url: () => t.system.server.url }).map((a) => a.fn()));
    const problems = results
      .filter((r) => r.status !== 'ok' && r.status !== 'notice')
      .map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.status === 'ok' ? '' : r.reason }));
    expect(problems).toEqual([]);
    // Notices are the optional GET forms only.
    const notices = results.filter((r) => r.status === 'notice').map((r) => r.name);
    expect(notices.every((name) => /GET/.test(name))).toBe(true);
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    t
      .http()
      .post('/graphql')
      .set({ 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers })
      .send(body);
  const query = (q: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    post(JSON.stringify({ query: q, variables }), headers);
  const bearer = async () => ({ authorization: `Bearer ${await t.tokenFor(Role.COORDINATOR)}` });

  /** A non-2xx answer: JSON (never HTML), a GraphQL error with a code, no stack, no data. */
  function refusal(res: { status: number; headers: Record<string, string>; text: string }, status: number) {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status,
      type: expect.stringMatching(JSON_TYPES),
    });
    const body = JSON.parse(res.text) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(res.text).not.toMatch(/stacktrace|<html|\bat .*\.js:\d+/i);
    return body.errors[0]!.extensions;
  }

  it('answers 401 to a request without credentials or with a bad one, and lets anyone sign in', async () => {
    const missing = await query('{ recipients(first: 1) { totalCount } }');
    expect(refusal(missing, 401).code).toBe('UNAUTHENTICATED');
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    // A missing credential is no request error: 401 under the legacy type too.
    const legacy = await query('{ recipients(first: 1) { totalCount } }', {}, { accept: 'application/json' });
    expect(refusal(legacy, 401).code).toBe('UNAUTHENTICATED');
    for (const authorization of ['Bearer sls_forged000000000000000000000', 'Basic YWRtaW46YWRtaW4=']) {
      expect(refusal(await query('{ me { name } }', {}, { authorization }), 401).code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const signIn = await query(
      'mutation { signIn(input: { login: "nobody", password: "wrong-password-1" }) { token } }',
    );
    expect(signIn.status).toBe(200);
    expect(signIn.body.errors[0].extensions.code).toBe('INVALID_CREDENTIALS');
  });

  /**
   * A request error (the document refused before anything ran) under both media types: 400 under
   * graphql-response+json; 200 under the legacy application/json and under any type (`*` + `/*`); the
   * same JSON errors with the same code (and limit) each time, and no data.
   */
  async function requestError(body: string, headers: Record<string, string>) {
    const strict = refusal(await post(body, headers), 400);
    for (const accept of ['application/json', '*/*']) {
      const legacy = await post(body, { ...headers, accept });
      expect({ status: legacy.status, type: legacy.headers['content-type'] }).toEqual({
        status: 200,
        type: 'application/json; charset=utf-8',
      });
      expect(legacy.body.data).toBeUndefined();
      expect(legacy.body.errors[0].extensions).toEqual(strict);
    }
    return strict;
  }
  const request = (q: string, variables: Record<string, unknown> = {}) =>
    JSON.stringify({ query: q, variables });

  it('refuses parse, validation, coercion and operation failures alike: 400 under graphql-response+json, 200 under json', async () => {
    const auth = await bearer();
    const cases: [string, string][] = [
      [request('{ recipients(first: 1) { totalCount }'), 'GRAPHQL_PARSE_FAILED'],
      [request('{ recipients(first: 1) { nope } }'), 'GRAPHQL_VALIDATION_FAILED'],
      [request('query ($n: Int) { recipients(first: $n) { totalCount } }', { n: 'two' }), 'BAD_USER_INPUT'],
      [
        request('query ($d: LocalDate) { indicators(asOf: $d) { peopleIdentified } }', { d: '2026-02-31' }),
        'BAD_USER_INPUT',
      ],
      [request('query ($n: Int!) { recipients(first: $n) { totalCount } }'), 'BAD_USER_INPUT'],
      // Inside input objects and lists too, with nothing created.
      [
        request('mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }', {
          input: {
            snils: snilsFromBody(555_000_222),
            lastName: 'Датова',
            firstName: 'Ольга',
            birthDate: '1990-02-31',
            sex: 'FEMALE',
            municipality: 'г. Калуга',
          },
        }),
        'BAD_USER_INPUT',
      ],
      [
        request('query ($o: RecipientOrder) { recipients(orderBy: $o) { totalCount } }', {
          o: { field: 'AGE' },
        }),
        'BAD_USER_INPUT',
      ],
      [request('{ indicators(asOf: "yesterday") { peopleIdentified } }'), 'GRAPHQL_VALIDATION_FAILED'],
      [
        JSON.stringify({ query: 'query A { apiVersion }', operationName: 'B' }),
        'OPERATION_RESOLUTION_FAILURE',
      ],
      [
        JSON.stringify({ query: 'query A { apiVersion } query B { apiVersion }' }),
        'OPERATION_RESOLUTION_FAILURE',
      ],
    ];
    for (const [body, code] of cases) {
      expect({ body, code: (await requestError(body, auth)).code }).toEqual({ body, code });
    }
    const created = await query('{ recipients(filter: { snils: "55500022231" }) { totalCount } }', {}, auth);
    expect(created.body.data).toEqual({ recipients: { totalCount: 0 } });
  });

  it('refuses each limit with its own code and the configured value, under either media type', async () => {
    const auth = await bearer();
    const deep = '{ recipients { edges { node { housing { history { unit { freePlaces } } } } } } }';
    expect(await requestError(request(deep), auth)).toEqual({ code: 'QUERY_TOO_DEEP', limit: 6 });
    const aliases = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expect(await requestError(request(aliases), auth)).toEqual({
      code: 'QUERY_TOO_MANY_ALIASES',
      limit: 5,
    });
    const wide = `{ me { ${Array.from({ length: 700 }, () => 'name').join(' ')} } }`;
    expect(await requestError(request(wide), auth)).toEqual({ code: 'QUERY_TOO_MANY_TOKENS', limit: 600 });
    const costly = `{ recipients(first: 200) { edges { node { id lastName placements { position employer { name } } enrolments { programme } } } } }`;
    expect(await requestError(request(costly), auth)).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 150 });
    const directives = `{ me { ${Array.from({ length: 25 }, () => 'name @include(if: true)').join(' ')} } }`;
    expect(await requestError(request(directives), auth)).toEqual({
      code: 'QUERY_TOO_MANY_DIRECTIVES',
      limit: 20,
    });
    // The body limit refuses the HTTP request, not a document: 413 under both.
    const big = request(`{ me { name } } # ${'x'.repeat(30_000)}`);
    expect(refusal(await post(big, auth), 413)).toEqual({ code: 'REQUEST_TOO_LARGE', limit: 20000 });
    expect(refusal(await post(big, { ...auth, accept: 'application/json' }), 413).code).toBe(
      'REQUEST_TOO_LARGE',
    );
  });

  it('answers broken bodies, other media types and batches with JSON errors, never an HTML page', async () => {
    expect(refusal(await post('{"query": "{ me { name }'), 400).code).toBe('BAD_REQUEST');
    expect(refusal(await post('query=%7B%20me%20%7D', { 'content-type': 'text/plain' }), 415).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(refusal(await post(JSON.stringify([{ query: '{ me { name } }' }])), 400).code).toBe('BAD_REQUEST');
    expect(refusal(await post(JSON.stringify({ query: 42 })), 400).code).toBe('BAD_REQUEST');
    const get = await t.http().get('/graphql?query=%7B%20apiVersion%20%7D').set('accept', 'application/json');
    expect(refusal(get, 405).code).toBe('METHOD_NOT_ALLOWED');
    expect(get.headers.allow).toBe('POST');
    // Refusals of the HTTP request keep their status under the legacy type too.
    expect(refusal(await post('{"query": "{ me { name }', { accept: 'application/json' }), 400).code).toBe(
      'BAD_REQUEST',
    );
  });

  it('publishes its contract: the schema file, the version in a header and a query, the changelog', async () => {
    const served = await t.http().get('/schema/api.graphql');
    expect(served.status).toBe(200);
    expect(served.text).toBe(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
    expect(served.headers['api-version']).toBe(API_VERSION);
    const asked = await query('{ apiVersion }');
    expect({ status: asked.status, header: asked.headers['api-version'], body: asked.body }).toEqual({
      status: 200,
      header: API_VERSION,
      body: { data: { apiVersion: API_VERSION } },
    });
    // The changelog's latest entry is the version the server reports.
    const changelog = readFileSync(new URL('../../docs/CHANGELOG-API.md', import.meta.url), 'utf8');
    expect(changelog.match(/^## (\d+\.\d+\.\d+)/m)?.[1]).toBe(API_VERSION);
  });

  it('echoes X-Request-Id, replaces a malformed one, and records it in the audit log', async () => {
    const auth = await bearer();
    const create = `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
    const input = {
      snils: snilsFromBody(555_000_111),
      lastName: 'Запросова',
      firstName: 'Ольга',
      birthDate: '1990-05-05',
      sex: 'FEMALE',
      municipality: 'г. Калуга',
    };
    const given = 'partner-sync-2026-01-15-0001';
    const res = await query(create, { input }, { ...auth, 'x-request-id': given });
    expect(res.headers['x-request-id']).toBe(given);
    const rows = await t.system.accessOrm.em
      .getConnection()
      .execute<{ request_id: string }[]>('SELECT request_id FROM access.audit_event WHERE recipient_id = ?', [
        res.body.data.createRecipient.id,
      ]);
    expect(rows.map((r) => r.request_id)).toEqual([given]);
    // The operator finds the request in the log by the id the partner quotes.
    const logged = (requestId: string) => logLines.filter((line) => line.requestId === requestId);
    // Written when the answer finishes, which may be a moment after the client has it.
    const loggedOnce = (requestId: string) => until(async () => logged(requestId).length > 0, 5000);
    await loggedOnce(given);
    expect(logged(given)).toEqual([
      expect.objectContaining({ msg: 'request', method: 'POST', path: '/graphql', status: 200 }),
    ]);
    for (const malformed of ['has spaces in it', 'x'.repeat(65), '<script>alert(1)</script>']) {
      const answer = await query('{ apiVersion }', {}, { 'x-request-id': malformed });
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      await loggedOnce(answer.headers['x-request-id']!);
      expect(logged(answer.headers['x-request-id']!)).toHaveLength(1);
      expect(JSON.stringify(logLines)).not.toContain(malformed);
    }
    expect((await t.http().get('/healthz')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets browsers call only from the configured origins (none by default)', async () => {
    expect(testConfig().CORS_ORIGINS).toEqual([]);
    const preflight = (origin: string) =>
      t.http().options('/graphql').set({
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      });
    const allowed = await preflight('https://partner.example.ru');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example.ru');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const other = await preflight('https://elsewhere.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const answer = await query('{ apiVersion }', {}, { origin: 'https://partner.example.ru' });
    expect(answer.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
  });

  it('holds a client with trusted documents to them: 403 with a code under either type, its own by hash too', async () => {
    const registered = 'query PartnerMe { me { name } }';
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const created = await query(
      'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
      {
        input: {
          name: 'Доверенные документы',
          agencyId: agencyIdOf('kaliningrad', 'Центр занятости населения Калининградской области'),
          roles: ['EMPLOYMENT_OFFICER'],
          allowedOperations: [sha(registered)],
        },
      },
      { authorization: `Bearer ${await t.tokenFor(Role.ADMIN)}` },
    );
    const auth = { authorization: `Bearer ${created.body.data.createApiClient.token}` };
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const other = await query(
        'query PartnerPeople { recipients(first: 1) { totalCount } }',
        {},
        { ...auth, accept },
      );
      expect(refusal(other, 403).code).toBe('OPERATION_NOT_ALLOWED');
    }
    expect((await query(registered, {}, auth)).body).toEqual({
      data: { me: { name: 'Доверенные документы' } },
    });
    // Sent once as text, the registered document then goes by its hash alone (persisted query).
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha(registered) } };
    expect((await post(JSON.stringify({ query: registered, extensions: persisted }), auth)).status).toBe(200);
    expect((await post(JSON.stringify({ extensions: persisted }), auth)).body).toEqual({
      data: { me: { name: 'Доверенные документы' } },
    });
  });

  it('takes automatic persisted queries as documented: the hash alone once the text was sent', async () => {
    const text = '{ apiVersion }';
    const extensions = {
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(text).digest('hex') },
    };
    const hashOnly = () => post(JSON.stringify({ extensions }));
    const unknown = await hashOnly();
    expect({ status: unknown.status, code: unknown.body.errors?.[0]?.extensions?.code }).toEqual({
      status: 200,
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
    expect((await post(JSON.stringify({ query: text, extensions }))).body).toEqual({
      data: { apiVersion: API_VERSION },
    });
    expect((await hashOnly()).body).toEqual({ data: { apiVersion: API_VERSION } });
  });
});
