import { randomUUID } from 'node:crypto';
import { type AccessRow, type Actor, accessMatrix, createLogger, Role, systemClock } from '@sl/core';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  graphql,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The table-driven proof of docs/access.md: every root field and every field of a person, as each
 * role and as nobody, through the gateway and against the owning subgraph directly. Arguments are
 * made up from their types: the point is whether the call is let in, not what it then does.
 */
const ROLES = Object.values(Role);
const FAKE_ID = '00000000-0000-4000-8000-0000000000ff';

function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return FAKE_ID;
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'LocalDate':
        return '2026-01-01';
      case 'DateTimeISO':
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return 'x';
    }
  }
  return null;
}

function call(
  field: GraphQLField<unknown, unknown>,
  prefix: string,
): { text: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const variables = Object.fromEntries(required.map((a) => [`${prefix}${a.name}`, sampleValue(a.type)]));
  const args = required.length ? `(${required.map((a) => `${a.name}: $${prefix}${a.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return { text: `${field.name}${args}${selection}`, variables };
}

function declarations(field: GraphQLField<unknown, unknown>, prefix: string): string {
  return field.args
    .filter((a) => isNonNullType(a.type))
    .map((a) => `$${prefix}${a.name}: ${a.type.toString()}`)
    .join(', ');
}

interface Cell {
  row: AccessRow;
  role: Role | 'anonymous';
}

const expected = ({ row, role }: Cell, personRoles: Role[] | null, onCase = true) => {
  if (row.roles === null) return 'allowed';
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  const allowed = row.roles.length === 0 || row.roles.includes(role);
  // A person's fields are reached through `recipient`, so its roles apply too.
  const reachable = personRoles === null || personRoles.includes(role);
  if (!allowed || !reachable) return 'FORBIDDEN';
  // Provider staff pass the role check but see only their provider's people: not this test person.
  if (role === Role.PROVIDER_STAFF && row.type === 'Recipient' && row.audited) return 'OUT_OF_SCOPE';
  // ✓¹: only the coordinators of the person's own case.
  if (!onCase && row.ownCaseOnly.includes(role)) return 'NOT_CASE_COORDINATOR';
  return 'allowed';
};

const outcome = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
  const codes = (errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  if (codes.includes('OUT_OF_SCOPE')) return 'OUT_OF_SCOPE';
  if (codes.includes('NOT_CASE_COORDINATOR')) return 'NOT_CASE_COORDINATOR';
  if (codes.some((c) => typeof c === 'string' && c.startsWith('CONSENT_'))) return 'CONSENT';
  return 'allowed';
};

describe('the access matrix, cell by cell', () => {
  let t: TestSystem;
  let api: GraphQLSchema;
  let rows: AccessRow[];
  let recipientId: string;
  const personRoles = () => rows.find((r) => r.type === 'Query' && r.field === 'recipient')!.roles;

  beforeAll(async () => {
    t = await startTestSystem();
    api = buildSchema(t.system.supergraphSdl);
    rows = accessMatrix().filter((r) => ['Query', 'Mutation', 'Recipient'].includes(r.type));
    const created = await t.gql<{ createRecipient: { id: string } }>(
      `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`,
      {
        input: {
          snils: '11223344595',
          lastName: 'Матрицына',
          firstName: 'Ада',
          birthDate: '1990-01-01',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
      },
    );
    recipientId = created.data!.createRecipient.id;
    // The person consents to sharing with every ministry, so that officers' cells test the role
    // rule (consent itself: consent.e2e-spec.ts).
    for (const input of [
      { kind: 'PERSONAL_DATA' },
      ...['HEALTH', 'EDUCATION', 'EMPLOYMENT'].map((sharedWith) => ({ kind: 'SHARING', sharedWith })),
    ]) {
      const given = await t.gql(
        `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
        {
          input: { ...input, recipientId, givenOn: '2026-01-01' },
        },
      );
      expect(given.errors).toBeUndefined();
    }
    // Every role signs in once up front.
    for (const role of ROLES) await t.tokenFor(role);
  }, 120_000);
  afterAll(() => t?.stop());

  function operation(row: AccessRow): { query: string; variables: Record<string, unknown> } {
    if (row.type === 'Recipient') {
      const type = api.getType('Recipient') as unknown as {
        getFields(): Record<string, GraphQLField<unknown, unknown>>;
      };
      const field = type.getFields()[row.field]!;
      const { text, variables } = call(field, 'a_');
      const decl = declarations(field, 'a_');
      return {
        query: `query ($rid: ID!${decl ? `, ${decl}` : ''}) { recipient(id: $rid) { ${text} } }`,
        variables: { ...variables, rid: recipientId },
      };
    }
    const root = row.type === 'Query' ? api.getQueryType()! : api.getMutationType()!;
    const field = root.getFields()[row.field]!;
    const { text, variables } = call(field, 'a_');
    const decl = declarations(field, 'a_');
    const keyword = row.type === 'Query' ? 'query' : 'mutation';
    return { query: `${keyword}${decl ? ` (${decl})` : ''} { ${text} }`, variables };
  }

  it('lists every root field and every field of a person in docs/access.md', () => {
    const documented = new Set(rows.map((r) => `${r.type}.${r.field}`));
    for (const name of Object.keys(api.getQueryType()!.getFields())) {
      if (!name.startsWith('_')) expect(documented).toContain(`Query.${name}`);
    }
    for (const name of Object.keys(api.getMutationType()!.getFields()))
      expect(documented).toContain(`Mutation.${name}`);
  });

  it('through the gateway: each role is let in exactly where the matrix says, nobody anywhere but signIn', async () => {
    const mismatches: string[] = [];
    const seen = {
      allowed: 0,
      FORBIDDEN: 0,
      UNAUTHENTICATED: 0,
      OUT_OF_SCOPE: 0,
      NOT_CASE_COORDINATOR: 0,
      CONSENT: 0,
    };
    for (const role of [...ROLES, 'anonymous' as const]) {
      await Promise.all(
        rows
          .filter((row) => !(row.type === 'Mutation' && ['signOut', 'signIn'].includes(row.field)))
          .map(async (row) => {
            const { query, variables } = operation(row);
            const res = await t.gql(query, variables, { as: role });
            const want = expected({ row, role }, row.type === 'Recipient' ? personRoles() : null);
            const got = outcome(res.errors);
            seen[got] += 1;
            // A root field may refuse particular data (another agency's queue) after the role check.
            const passedRoleCheck = want === 'allowed' && got === 'OUT_OF_SCOPE' && row.type !== 'Recipient';
            if (got !== want && !passedRoleCheck)
              mismatches.push(`${role} ${row.type}.${row.field}: expected ${want}, got ${got}`);
          }),
      );
    }
    expect(mismatches).toEqual([]);
    // Every kind of answer occurred: the table is not vacuously green.
    expect(seen.allowed).toBeGreaterThan(100);
    expect(seen.FORBIDDEN).toBeGreaterThan(100);
    expect(seen.UNAUTHENTICATED).toBeGreaterThan(50);
  }, 300_000);

  it('✓¹ through the gateway: a coordinator not on the person’s case is refused exactly those cells', async () => {
    const other = { role: Role.COORDINATOR, agencyId: 'Отдел-2' };
    const cells = rows.filter((row) => row.type === 'Recipient' && row.roles?.includes(Role.COORDINATOR));
    expect(cells.some((row) => row.ownCaseOnly.includes(Role.COORDINATOR))).toBe(true);
    const mismatches: string[] = [];
    for (const row of cells) {
      const { query, variables } = operation(row);
      const got = outcome((await t.gql(query, variables, { as: other })).errors);
      const want = expected({ row, role: Role.COORDINATOR }, personRoles(), false);
      if (got !== want) mismatches.push(`${row.field}: expected ${want}, got ${got}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('against the owning subgraph directly: the same answers without the gateway', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    const logger = createLogger('silent');
    const actorFor = (role: Role): Actor => ({
      kind: 'user',
      id: randomUUID(),
      name: `direct-${role}`,
      agencyId: null,
      roles: [role],
      providerId: role === Role.PROVIDER_STAFF ? '00000000-0000-4000-8000-00000000beef' : null,
    });
    for (const runtime of t.system.runtimes.values()) {
      const schema = runtime.schema;
      const entityType = schema.getType('Recipient') as unknown as
        | { getFields(): Record<string, GraphQLField<unknown, unknown>> }
        | undefined;
      for (const row of rows) {
        let query: string;
        let variables: Record<string, unknown>;
        if (row.type === 'Recipient') {
          const field = entityType?.getFields()[row.field];
          // Only the subgraph that resolves the field (not a stub's `id`).
          if (!field || row.field === 'id' || !runtime.sdl.includes(`${row.field}`)) continue;
          // An `@external` field is the owner's, only handed to this subgraph with the reference.
          if (new RegExp(`\\b${row.field}\\b[^\\n]*@external`).test(runtime.sdl)) continue;
          if (runtime.definition.name !== 'social' && schema.getQueryType()?.getFields().recipient) continue;
          const { text, variables: v } = call(field, 'a_');
          const decl = declarations(field, 'a_');
          query = `query ($r: [_Any!]!${decl ? `, ${decl}` : ''}) { _entities(representations: $r) { ... on Recipient { ${text} } } }`;
          variables = { ...v, r: [{ __typename: 'Recipient', id: recipientId }] };
        } else {
          const root = row.type === 'Query' ? schema.getQueryType() : schema.getMutationType();
          const field = root?.getFields()[row.field];
          if (!field || row.field === 'signOut' || row.field === 'signIn') continue;
          ({ query, variables } = operation(row));
        }
        for (const role of [...ROLES, 'anonymous' as const]) {
          const context = runtime.contextFor({
            requestId: randomUUID(),
            actor: role === 'anonymous' ? null : actorFor(role),
            clock: systemClock,
            logger,
          });
          const result = await graphql({
            schema,
            source: query,
            variableValues: variables,
            contextValue: context,
          });
          await runtime.flushAudit(context);
          const errors = result.errors?.map((e) => {
            const original = e.originalError as { code?: string } | undefined;
            return { extensions: { code: original?.code ?? e.extensions?.code } };
          });
          // Directly, a person's field is reached through _entities, which needs no `recipient` role;
          // the representation names no case coordinator, so ✓¹ cells refuse.
          const want = expected({ row, role }, null, row.type !== 'Recipient');
          const got = outcome(errors);
          checked += 1;
          const passedRoleCheck = want === 'allowed' && got === 'OUT_OF_SCOPE' && row.type !== 'Recipient';
          if (got !== want && !passedRoleCheck)
            mismatches.push(
              `${runtime.definition.name} ${role} ${row.type}.${row.field}: expected ${want}, got ${got}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(rows.length * 5);
  }, 300_000);
});
