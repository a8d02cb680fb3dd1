import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

/**
 * Every action a person takes has its screen: each mutation of the supergraph is called by the
 * dashboard, or named in the committed list of API-only operations with the reason.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const dashboardSource = path.join(root, 'packages/dashboard/src');

function mutationsOfSupergraph(): string[] {
  const document = parse(readFileSync(path.join(root, 'schema/supergraph.graphql'), 'utf8'));
  return document.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    d.name.value === 'Mutation'
      ? (d.fields ?? []).map((f) => f.name.value)
      : [],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * A call is the field inside a GraphQL mutation document, or the name as a string literal handed to
 * the generic data provider (`mutation: 'name'`, `recorded('name', …)`); a message key or a
 * comment that merely mentions it does not count.
 */
function calledBy(source: string, mutation: string): boolean {
  return (
    new RegExp(`mutation[^\`]*\\b${mutation}\\b`).test(source) || new RegExp(`'${mutation}'`).test(source)
  );
}

const apiOnly = JSON.parse(
  readFileSync(path.join(root, 'packages/dashboard/api-only-operations.json'), 'utf8'),
) as {
  operations: Record<string, string>;
};

describe('every mutation has a screen in the dashboard or a reason to be API-only', () => {
  const mutations = mutationsOfSupergraph();
  const sources = sourceFiles(dashboardSource).map((file) => readFileSync(file, 'utf8'));

  it('reads the mutations of the supergraph', () => {
    expect(mutations).toEqual(expect.arrayContaining(['signIn', 'submitApplication', 'recordVisit']));
    expect(mutations.length).toBeGreaterThan(50);
  });

  it('finds each mutation called by the dashboard or listed as API-only', () => {
    const missing = mutations.filter(
      (m) => !(m in apiOnly.operations) && !sources.some((source) => calledBy(source, m)),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the API-only list short, honest and current', () => {
    for (const [name, reason] of Object.entries(apiOnly.operations)) {
      expect({ name, inSchema: mutations.includes(name) }).toEqual({ name, inSchema: true });
      expect({ name, calledByDashboard: sources.some((s) => calledBy(s, name)) }).toEqual({
        name,
        calledByDashboard: false,
      });
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});
