import { getMetadataStorage } from 'type-graphql';
import { Role } from './roles.js';
import { SECURITY_MODEL } from './security-model.js';

export interface AccessRow {
  /** `Query`, `Mutation` or the object type (e.g. `Recipient`). */
  type: string;
  field: string;
  /** The roles that may use it; `null` = open to anyone, signed in or not (sign-in itself). */
  roles: Role[] | null;
  /** Marked `@Personal`: each read is written to the audit log. */
  audited: boolean;
  /** Roles that may read it only on a case they coordinate (`@Personal(…, { ownCaseOnly })`). */
  ownCaseOnly: Role[];
}

/** `Class.member` of each `@Personal` field → its own-case-only roles. */
const personalFields = new Map<string, Role[]>();

/** Called by `@Personal`, so the matrix can show which fields are audited and case-bound. */
export function markPersonal(target: object, key: string | symbol, ownCaseOnly: readonly Role[] = []): void {
  personalFields.set(`${(target as { constructor: { name: string } }).constructor.name}.${String(key)}`, [
    ...ownCaseOnly,
  ]);
}

/**
 * Who may read each field and call each mutation, read from the `@Authorized` declarations of
 * every resolver and object type loaded (call after the subgraphs' schemas are built). It is the
 * source of `docs/access.md` and of the table-driven access test, so the two cannot drift.
 */
export function accessMatrix(): AccessRow[] {
  const storage = getMetadataStorage();
  const fieldRoles = new Map<string, Role[]>();
  for (const a of storage.authorizedFields)
    fieldRoles.set(`${a.target.name}.${a.fieldName}`, a.roles as Role[]);
  const classRoles = new Map<unknown, Role[]>(
    storage.authorizedResolver.map((a) => [a.target, a.roles as Role[]]),
  );
  const rolesOf = (target: { name: string }, member: string): Role[] | null =>
    fieldRoles.get(`${target.name}.${member}`) ?? classRoles.get(target) ?? null;
  const rows = new Map<string, AccessRow>();
  const add = (row: AccessRow) => rows.set(`${row.type}.${row.field}`, row);
  for (const q of storage.queries) {
    add({
      type: 'Query',
      field: q.schemaName,
      roles: rolesOf(q.target, q.methodName),
      audited: false,
      ownCaseOnly: [],
    });
  }
  for (const m of storage.mutations) {
    add({
      type: 'Mutation',
      field: m.schemaName,
      roles: rolesOf(m.target, m.methodName),
      audited: false,
      ownCaseOnly: [],
    });
  }
  for (const f of storage.fieldResolvers) {
    const resolverClass = storage.resolverClasses.find((r) => r.target === f.target);
    const objectType = (f.getObjectType?.() ?? resolverClass?.getObjectType?.()) as
      | { name: string }
      | undefined;
    const typeName = storage.objectTypes.find((o) => o.target === objectType)?.name ?? objectType?.name;
    const roles = rolesOf(f.target, f.methodName);
    if (!typeName || !roles) continue;
    add({
      type: typeName,
      field: f.schemaName,
      roles,
      audited: personalFields.has(`${f.target.name}.${f.methodName}`),
      ownCaseOnly: personalFields.get(`${f.target.name}.${f.methodName}`) ?? [],
    });
  }
  for (const field of storage.fields) {
    const roles = fieldRoles.get(`${field.target.name}.${field.name}`);
    const objectType = storage.objectTypes.find((o) => o.target === field.target);
    if (!roles || !objectType) continue;
    add({
      type: objectType.name,
      field: field.schemaName,
      roles,
      audited: personalFields.has(`${field.target.name}.${field.name}`),
      ownCaseOnly: personalFields.get(`${field.target.name}.${field.name}`) ?? [],
    });
  }
  return [...rows.values()].sort((a, b) =>
    a.type === b.type ? a.field.localeCompare(b.field) : a.type.localeCompare(b.type),
  );
}

const ROLE_TITLES: Record<Role, string> = {
  [Role.ADMIN]: 'Admin',
  [Role.COORDINATOR]: 'Coord.',
  [Role.HEALTH_OFFICER]: 'Health',
  [Role.EDUCATION_OFFICER]: 'Educ.',
  [Role.EMPLOYMENT_OFFICER]: 'Empl.',
  [Role.PROVIDER_STAFF]: 'Provider',
  [Role.COUNCIL_MEMBER]: 'Council',
  [Role.AUDITOR]: 'Auditor',
};

/** `docs/access.md`: the matrix as a reader wants it, one table per type. */
export function renderAccessMatrix(rows: AccessRow[]): string {
  const roles = Object.values(Role);
  const out = [
    '# Access matrix',
    '',
    'Generated from the `@Authorized` / `@Personal` declarations by `pnpm schema:generate`; a test keeps',
    'it in step with the code and another (`test/e2e/access-matrix.e2e-spec.ts`) proves each cell',
    'through the gateway. ✓ = allowed; 📝 = every read is written to the audit log. Fields of a',
    'person are reached through `recipient`/`recipients` (or a ministry’s own lists), so a role also',
    'needs those. A signed-out caller may only `signIn`. Provider staff see only the people their',
    'provider serves; anyone outside their scope only through `breakGlass` (time-limited, audited).',
    '',
    '✓¹ = only on a case the user coordinates: the coordinator of the authorised body assigned to the',
    'person’s case (`Recipient.caseCoordinatorIds`, set when the person is registered, changed by',
    '`assignCaseCoordinator`) reads their health details; any other coordinator is refused with',
    '`NOT_CASE_COORDINATOR` and may only break the glass with a reason (flagged in the audit log).',
    '',
    '**Consent.** A ministry officer (health, education, employment; a user or an API client, through',
    'their officer role) reads the person’s fields served by `social` (identity, СНИЛС,',
    'disability) only while the person’s consents allow the authorised body to share them with that',
    'ministry: the consent to personal-data processing and a sharing consent naming the ministry —',
    'either the whole ministry or the officer’s own agency (`agencyId` of the account) — both given',
    'on or before today and not withdrawn since (`Recipient.consents` keeps every dated fact; a',
    'withdrawal is a new fact, nothing is deleted). Otherwise the read is refused with',
    '`CONSENT_WITHDRAWN` (a consent was withdrawn) or `CONSENT_MISSING` (never given); break-the-glass',
    'opens it for a while, flagged. Each ministry’s own records (conclusions, enrolments, placements)',
    'are that ministry’s data and their reads do not depend on social’s sharing consent; but a',
    'ministry **writes** a new record about a person only under the same consents (the officer’s',
    'mutation asks social `Recipient.sharingWithCaller` through the graph, as the officer), else',
    '`CONSENT_MISSING` / `CONSENT_WITHDRAWN` on `recipientId` and nothing is written. The one',
    'exception is answering the authorised body’s interagency request about the person',
    '(`answerInteragencyRequest`, 001 §4): the request is the ground of that answer. Closing a',
    'record the ministry already holds (`finishEnrolment`, `endPlacement`) stays allowed.',
    '',
    ...SECURITY_MODEL,
  ];
  const byType = new Map<string, AccessRow[]>();
  for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
  const order = [
    'Query',
    'Mutation',
    ...[...byType.keys()].filter((t) => t !== 'Query' && t !== 'Mutation').sort(),
  ];
  for (const type of order) {
    const list = byType.get(type);
    if (!list) continue;
    out.push(`## ${type}`, '', `| field | ${roles.map((r) => ROLE_TITLES[r]).join(' | ')} |`);
    out.push(`|---|${roles.map(() => ':-:').join('|')}|`);
    for (const row of list) {
      const cells = roles.map((r) =>
        row.roles === null
          ? 'any'
          : row.roles.length === 0 || row.roles.includes(r)
            ? row.ownCaseOnly.includes(r)
              ? '✓¹'
              : '✓'
            : '',
      );
      out.push(`| \`${row.field}\`${row.audited ? ' 📝' : ''} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
