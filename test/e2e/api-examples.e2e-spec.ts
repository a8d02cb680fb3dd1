import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { generate } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';
import { Role } from '@sl/core';
import { parse } from 'graphql';
import ts from 'typescript';
import { startTestSystem, type TestSystem } from '../support/system.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const GUIDE = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');

interface Example {
  name: string;
  as: Role | 'anonymous';
  variables: Record<string, unknown>;
  query: string;
}

/** The fenced blocks of a language in the guide, in order. */
function blocks(language: string): string[] {
  return [...GUIDE.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]!);
}

/** Every GraphQL example of the guide, with the role (`# as:`) and variables (`# variables:`) it names. */
function graphqlExamples(): Example[] {
  return blocks('graphql').map((query) => {
    const as = /^# as: (\S+)$/m.exec(query)?.[1];
    const variables = /^# variables: (.+)$/m.exec(query)?.[1];
    const operation = parse(query).definitions.find((d) => d.kind === 'OperationDefinition');
    if (!as || !operation || operation.kind !== 'OperationDefinition' || !operation.name)
      throw new Error(`an example without '# as:' or an operation name:\n${query}`);
    return {
      name: operation.name.value,
      as: as as Role | 'anonymous',
      variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {},
      query,
    };
  });
}

/** The demo account of each role, as the guide tells a reader to sign in. */
const DEMO_LOGIN: Partial<Record<Role, string>> = {
  [Role.ADMIN]: 'admin',
  [Role.COORDINATOR]: 'coordinator',
  [Role.HEALTH_OFFICER]: 'health',
  [Role.EDUCATION_OFFICER]: 'education',
  [Role.EMPLOYMENT_OFFICER]: 'employment',
  [Role.COUNCIL_MEMBER]: 'council',
};

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** A root field of an answer that must have succeeded (the whole answer in the failure otherwise). */
function field<T>(answer: Answer, name: string): T {
  const value = answer.body.data?.[name];
  if (value === undefined || value === null) throw new Error(`no ${name} in ${JSON.stringify(answer.body)}`);
  return value as T;
}

/**
 * Every example of docs/api.md — GraphQL, JavaScript and curl — run against the demo data as the
 * role it names, with the credentials obtained the way the guide shows; and a client generated
 * from schema/api.graphql with GraphQL Code Generator, compiled with the guide's operations.
 */
describe('the API guide’s examples', () => {
  let t: TestSystem;
  const examples = graphqlExamples();
  const tokens = new Map<string, string>();
  const substitutes = new Map<string, unknown>();

  const post = async (query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> => {
    const req = t
      .http()
      .post('/graphql')
      .set({ 'content-type': 'application/json', accept: 'application/graphql-response+json' });
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, body: JSON.parse(res.text) as Answer['body'] };
  };

  const example = (name: string) => {
    const found = examples.find((e) => e.name === name);
    if (!found) throw new Error(`docs/api.md has no example ${name}`);
    return found;
  };

  /** Signs in with the guide's SignIn example as the role's demo account. */
  async function tokenOf(role: Role): Promise<string> {
    const cached = tokens.get(role);
    if (cached) return cached;
    let token: string;
    const login = DEMO_LOGIN[role];
    if (login) {
      const signIn = example('SignIn');
      const res = await post(signIn.query, {
        input: { ...(signIn.variables.input as object), login },
      });
      token = field<{ token: string }>(res, 'signIn').token;
    } else {
      // No demo account of provider staff: one for the provider serving the most demo people.
      const page = await post(
        '{ recipients(first: 200) { edges { node { currentStage { providerId } } } } }',
        {},
        await tokenOf(Role.COORDINATOR),
      );
      const edges = field<{
        edges: { node: { currentStage: { providerId: string | null } | null } }[];
      }>(page, 'recipients').edges;
      const counts = new Map<string, number>();
      for (const { node } of edges) {
        const id = node.currentStage?.providerId;
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const [providerId] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      token = await t.tokenFor({ role, providerId });
    }
    tokens.set(role, token);
    return token;
  }

  /** `<Recipient.id …>` and `<base64 of PATH>` in the guide's variables stand for real values. */
  function resolve(value: unknown): unknown {
    if (typeof value === 'string') {
      const file = /^<base64 of (.+)>$/.exec(value)?.[1];
      if (file) return readFileSync(path.join(ROOT, file)).toString('base64');
      if (value.startsWith('<Recipient.id')) return substitutes.get('Recipient.id');
      return value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  }

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
    const first = await post(
      '{ recipients(first: 1) { edges { node { id } } } }',
      {},
      await tokenOf(Role.COORDINATOR),
    );
    substitutes.set(
      'Recipient.id',
      field<{ edges: { node: { id: string } }[] }>(first, 'recipients').edges[0]!.node.id,
    );
  });
  afterAll(() => t?.stop());

  it('names a role and an operation in every GraphQL example, and covers each ministry and a provider', () => {
    const roles = new Set(examples.map((e) => e.as));
    for (const role of [
      Role.HEALTH_OFFICER,
      Role.EDUCATION_OFFICER,
      Role.EMPLOYMENT_OFFICER,
      Role.PROVIDER_STAFF,
    ])
      expect(roles).toContain(role);
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(graphqlExamples().map((e) => [e.name, e.as] as const))(
    'runs %s as %s without an error',
    async (name) => {
      const { query, as, variables } = example(name);
      const res = await post(
        query,
        resolve(variables) as Record<string, unknown>,
        as === 'anonymous' ? undefined : await tokenOf(as),
      );
      expect({ name, status: res.status, errors: res.body.errors }).toEqual({
        name,
        status: 200,
        errors: undefined,
      });
      const recipients = res.body.data?.recipients as { edges: unknown[] } | undefined;
      // A list example that finds nobody proves nothing about what a role may read.
      if (recipients) expect(recipients.edges.length).toBeGreaterThan(0);
    },
  );

  it('runs the JavaScript and curl examples with an API client’s token, as the guide obtains it', async () => {
    // The example ran once above; a client's name is unique.
    const { query, variables } = example('CreatePartnerClient');
    const input = variables.input as { name: string };
    const created = await post(
      query,
      { input: { ...input, name: `${input.name} (JS)` } },
      await tokenOf(Role.ADMIN),
    );
    const token = field<{ token: string }>(created, 'createApiClient').token;
    const env = { ...process.env, SL_GRAPHQL_URL: t.system.server.url, SL_TOKEN: token };
    const shared = await post(
      '{ recipients(first: 0, filter: { sharedWith: ME }) { totalCount } }',
      {},
      token,
    );
    const count = field<{ totalCount: number }>(shared, 'recipients').totalCount;
    expect(count).toBeGreaterThan(0);

    const [js] = blocks('js');
    const dir = mkdtempSync(path.join(ROOT, 'test', '.examples-'));
    try {
      const script = path.join(dir, 'sync.mjs');
      writeFileSync(script, js!);
      const node = await run(process.execPath, [script], { env });
      expect(JSON.parse(node.stdout.trim().split('\n').at(-1)!)).toEqual({ stored: count });
      expect(node.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const [curl] = blocks('sh');
    const answer = await run('bash', ['-c', curl!], { env });
    expect(JSON.parse(answer.stdout)).toEqual({ data: { recipients: { totalCount: count } } });
  });

  it('compiles its operations against a client generated from schema/api.graphql', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'test', '.codegen-'));
    try {
      for (const e of examples) writeFileSync(path.join(dir, `${e.name}.graphql`), e.query);
      await generate(
        {
          schema: path.join(ROOT, 'schema/api.graphql'),
          documents: path.join(dir, '*.graphql'),
          generates: { [path.join(dir, 'gql/')]: { preset: clientPreset, config: { useTypeImports: true } } },
          silent: true,
        },
        true,
      );
      // A consumer of the generated types, the way a partner's code reads a page.
      writeFileSync(
        path.join(dir, 'consumer.ts'),
        `import type { EmploymentSyncQuery, HealthSyncQuery } from './gql/graphql';
import { EmploymentSyncDocument } from './gql/graphql';
export const document = EmploymentSyncDocument;
export const snils = (page: EmploymentSyncQuery): (string | null | undefined)[] =>
  page.recipients.edges.map((edge) => edge.node.snils);
export const conclusions = (page: HealthSyncQuery): number =>
  page.recipients.edges.reduce((n, edge) => n + (edge.node.medicalConclusions?.length ?? 0), 0);
`,
      );
      const program = ts.createProgram([path.join(dir, 'consumer.ts'), path.join(dir, 'gql/index.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        skipLibCheck: true,
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
