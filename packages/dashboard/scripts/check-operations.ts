/**
 * Builds every operation the generic data provider can send (each registry entry's list, card,
 * batch, create, follow-up and update, with every role so that every role-dependent field is asked
 * for) and validates it against the committed API schema (`schema/api.graphql`). Run by the build:
 * an entry that no longer matches the graph fails it. The registry is loaded through Vite, as the
 * dashboard itself is, so its imports resolve as in the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLError, parse, validate } from 'graphql';
import { createServer } from 'vite';

const dashboard = fileURLToPath(new URL('..', import.meta.url));
const schema = buildSchema(readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'));

type Spec = {
  list: string;
  one?: string;
  filter?: { input: string; fields: Record<string, string> };
  args?: Record<string, string>;
  orderBy?: { input: string };
  create?: { followedBy?: unknown };
  update?: unknown;
};
type Operations = {
  listOperation(spec: Spec, roles: string[], declarations: string[], args: string[]): string;
  oneOperation(spec: Spec, roles: string[]): string;
  manyOperation(spec: Spec, roles: string[], count: number): string;
  createOperation(spec: Spec, roles: string[]): string;
  followUpOperation(spec: Spec): string;
  updateOperation(spec: Spec, roles: string[]): string;
};

const server = await createServer({
  root: dashboard,
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
});
try {
  const { registry } = (await server.ssrLoadModule('/src/data/registry.ts')) as {
    registry: Record<string, Spec>;
  };
  const ops = (await server.ssrLoadModule('/src/data/operations.ts')) as Operations;
  const { Role } = (await server.ssrLoadModule('@sl/core/roles')) as { Role: Record<string, string> };
  const roles = Object.values(Role);

  const problems: string[] = [];
  const check = (resource: string, kind: string, source: string) => {
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, parse(source));
    } catch (error) {
      errors = [error as GraphQLError];
    }
    for (const e of errors) problems.push(`${resource} (${kind}): ${e.message}`);
  };
  let count = 0;
  for (const [resource, spec] of Object.entries(registry)) {
    if (spec.list) {
      // Every filter, argument and order the entry declares, all at once.
      const declarations: string[] = [];
      const args: string[] = [];
      if (spec.filter) {
        declarations.push(`$filter: ${spec.filter.input}`);
        args.push('filter: $filter');
      }
      for (const [name, type] of Object.entries(spec.args ?? {})) {
        declarations.push(`$${name}: ${type}`);
        args.push(`${name}: $${name}`);
      }
      if (spec.orderBy) {
        declarations.push(`$orderBy: ${spec.orderBy.input}`);
        args.push('orderBy: $orderBy');
      }
      check(resource, 'list', ops.listOperation(spec, roles, declarations, args));
      count += 1;
    }
    if (spec.one) {
      check(resource, 'one', ops.oneOperation(spec, roles));
      check(resource, 'many', ops.manyOperation(spec, roles, 2));
      count += 2;
    }
    if (spec.create) {
      check(resource, 'create', ops.createOperation(spec, roles));
      count += 1;
      if (spec.create.followedBy) {
        check(resource, 'create, then', ops.followUpOperation(spec));
        count += 1;
      }
    }
    if (spec.update) {
      check(resource, 'update', ops.updateOperation(spec, roles));
      count += 1;
    }
  }
  if (problems.length > 0) {
    console.error(
      `The data provider's operations do not match schema/api.graphql:\n  ${problems.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `check-operations: ${count} operations of ${Object.keys(registry).length} resources match schema/api.graphql`,
    );
  }
} finally {
  await server.close();
}
