import type { GraphQLResolveInfo } from 'graphql';
import { Authorized, Extensions, type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { BaseContext } from '../context.js';
import { AppError, ForbiddenError } from '../errors/errors.js';
import { markPersonal } from './access-matrix.js';
import { requireRoles } from './auth-checker.js';
import { verifyCaseSeal } from './case-seal.js';
import type { Role } from './roles.js';
import { admittedRoles, isScopedRole, ministryOfRole, type SharingState } from './scope.js';

/** The person a value is about: the Recipient itself, or anything carrying `recipientId`. */
export function auditSubject(typeName: string, root: unknown): string | null {
  if (!root || typeof root !== 'object') return null;
  const value = root as { id?: unknown; recipientId?: unknown };
  if (typeof value.recipientId === 'string') return value.recipientId;
  if (typeName === 'Recipient' && typeof value.id === 'string') return value.id;
  return null;
}

/**
 * The coordinators assigned to the person's case as the social subgraph stated them in `root`
 * (health receives them with `@requires`), when social's seal over them verifies with `secret`;
 * none otherwise, so a representation forged by a caller names nobody.
 */
export function sealedCaseCoordinators(
  secret: string,
  now: Date,
  recipientId: string,
  root: unknown,
): string[] {
  const value = root as { caseCoordinatorIds?: unknown; caseAssignmentSeal?: unknown } | null;
  const ids = Array.isArray(value?.caseCoordinatorIds)
    ? value.caseCoordinatorIds.filter((id): id is string => typeof id === 'string')
    : [];
  return verifyCaseSeal(secret, now, recipientId, ids, value?.caseAssignmentSeal) ? ids : [];
}

const BREAK_GLASS_HINT = 'При крайней необходимости запросите экстренный доступ с указанием причины.';

const OUT_OF_SCOPE = () =>
  new AppError('OUT_OF_SCOPE', `Этот человек не обслуживается вашей организацией. ${BREAK_GLASS_HINT}`);

/**
 * A write about a person the (scoped) writer's organisation does not serve: refused, and not
 * opened by break-the-glass, which lets one read, never write.
 */
export const outOfScopeWrite = (recipientId: string) =>
  new AppError(
    'OUT_OF_SCOPE',
    'Этот человек не обслуживается вашей организацией: поставщика назначает уполномоченный орган (этап сопровождения или план обслуживания, созданный координатором).',
    { field: 'recipientId' },
  ).about(recipientId);

const NOT_CASE_COORDINATOR = () =>
  new AppError(
    'NOT_CASE_COORDINATOR',
    `Сведения о здоровье доступны только координатору, ведущему дело этого человека. ${BREAK_GLASS_HINT}`,
  );

const CONSENT_REFUSALS: Record<Exclude<SharingState, 'IN_FORCE'>, () => AppError> = {
  WITHDRAWN: () =>
    new AppError(
      'CONSENT_WITHDRAWN',
      'Человек отозвал согласие на передачу его сведений вашему ведомству: сведения не предоставляются.',
    ),
  MISSING: () =>
    new AppError(
      'CONSENT_MISSING',
      'Нет согласия человека на передачу его сведений вашему ведомству: сведения не предоставляются.',
    ),
};

export interface PersonalOptions {
  /**
   * Roles (among those allowed) that may read the field only on a case they coordinate: the root
   * must carry `caseCoordinatorIds` and social's `caseAssignmentSeal` over them (health obtains both
   * from social with `@requires`).
   */
  ownCaseOnly?: readonly Role[];
}

/**
 * Why this actor may not read this person's field here, or null when they may. Row rules apply role
 * by role (docs/access.md, "Role combinations"): the read is allowed when one of the actor's roles
 * that the field admits passes its own rule — provider staff their provider's scope, a coordinator
 * of an `ownCaseOnly` field their own cases, a ministry officer the person's sharing consent — so a
 * combination of roles never reads more than one of its roles would alone. Synchronous when a role
 * needs no database (the usual case), so a field read stays a plain value instead of a promise.
 */
function refusal(
  context: BaseContext,
  recipientId: string,
  root: unknown,
  fieldRoles: readonly Role[],
  options: PersonalOptions,
): AppError | null | Promise<AppError | null> {
  const actor = context.actor!;
  const checks: (() => Promise<AppError | null>)[] = [];
  let first: AppError | null = null;
  for (const role of admittedRoles(actor, fieldRoles)) {
    if (isScopedRole(role)) {
      const inScope = context.inScope;
      if (inScope) checks.push(() => inScope(recipientId).then((yes) => (yes ? null : OUT_OF_SCOPE())));
      else first ??= OUT_OF_SCOPE();
    } else if (options.ownCaseOnly?.includes(role as Role)) {
      if (context.caseCoordinatorsOf?.(recipientId, root).includes(actor.id)) return null;
      first ??= NOT_CASE_COORDINATOR();
    } else if (ministryOfRole(role) && context.sharing) {
      const sharing = context.sharing;
      checks.push(() =>
        sharing(recipientId).then((state) => (state === 'IN_FORCE' ? null : CONSENT_REFUSALS[state]())),
      );
    } else {
      return null;
    }
  }
  if (checks.length === 0) return first ?? new ForbiddenError();
  return Promise.all(checks.map((check) => check())).then((results) =>
    results.includes(null) ? null : (first ?? results[0]!),
  );
}

/**
 * Checks a personal field's read and records it in the trail, then gives `value()`: the value
 * itself when every check is synchronous, a promise otherwise.
 */
function guardedRead(
  context: BaseContext,
  typeName: string,
  fieldName: string,
  root: unknown,
  fieldRoles: readonly Role[],
  options: PersonalOptions,
  value: () => unknown,
): unknown {
  const recipientId = auditSubject(typeName, root);
  const record = (refused: AppError | null): unknown => {
    if (recipientId && refused) {
      if (!context.actor!.grants?.includes(recipientId)) {
        // The refused attempt is itself recorded (who tried to read what of whom, and why not).
        context.audit?.refused(recipientId, `${typeName}.${fieldName}`, refused.code);
        throw refused;
      }
      // Let in only by break-the-glass: flagged in the audit log.
      context.audit?.brokenGlass.add(recipientId);
    }
    if (recipientId) context.audit?.read(recipientId, `${typeName}.${fieldName}`);
    return value();
  };
  if (!recipientId || !context.actor) return record(null);
  const refused = refusal(context, recipientId, root, fieldRoles, options);
  return refused instanceof Promise ? refused.then(record) : record(refused);
}

function recordRead(fieldRoles: readonly Role[], options: PersonalOptions): MiddlewareFn<BaseContext> {
  return async ({ root, info, context }, next) =>
    guardedRead(context, info.parentType.name, info.fieldName, root, fieldRoles, options, next);
}

/** What `@Personal` on a plain property leaves in its GraphQL field's extensions. */
export interface PersonalFieldExtension {
  property: string;
  roles: readonly Role[];
  options: PersonalOptions;
}

export const PERSONAL_EXTENSION = 'personalField';

/**
 * Marks every `@Personal` field, plain or resolved: its row rules can refuse it for one person and
 * not the next, so `buildFederatedSubgraph` publishes it nullable and a refusal nulls that person's
 * field alone (with its error at that path) instead of the whole page.
 */
export const REFUSABLE_EXTENSION = 'refusablePerPerson';

/**
 * The resolver of a personal plain property (a column of an entity): the role check of
 * `@Authorized`, the row rules and the audit record of `recordRead`, then the property — the same
 * checks as type-graphql's middleware chain, without turning every field of every row into a
 * promise. Built into the subgraph's schema by `buildFederatedSubgraph`.
 */
export function personalFieldResolver(
  field: PersonalFieldExtension,
): (root: Record<string, unknown>, args: unknown, context: BaseContext, info: GraphQLResolveInfo) => unknown {
  const { property, roles, options } = field;
  return (root, _args, context, info) => {
    try {
      requireRoles(context, roles);
    } catch (error) {
      const recipientId = auditSubject(info.parentType.name, root);
      if (recipientId && context.actor && error instanceof AppError) {
        context.audit?.refused(recipientId, `${info.parentType.name}.${info.fieldName}`, error.code);
      }
      throw error;
    }
    return guardedRead(
      context,
      info.parentType.name,
      info.fieldName,
      root,
      roles,
      options,
      () => root[property],
    );
  };
}

/**
 * A field carrying a person's data: readable only by the given roles, and every read is recorded
 * in the audit trail (who, which person, which field) — written before the response leaves. Row
 * rules apply on top: provider staff see only their provider's people, ministry officers only
 * people whose sharing consent with their ministry is in force (where the subgraph has consents),
 * and `ownCaseOnly` roles only the cases they coordinate; break-the-glass opens any of these.
 */
export function Personal(
  roles: readonly Role[],
  options: PersonalOptions = {},
): MethodDecorator & PropertyDecorator {
  const authorized = Authorized(...roles);
  const audited = UseMiddleware(recordRead(roles, options));
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    markPersonal(target, key, options.ownCaseOnly ?? []);
    // `Authorized` stays for the access matrix, which reads type-graphql's metadata.
    authorized(target, key, descriptor as never);
    Extensions({ [REFUSABLE_EXTENSION]: true })(target, key);
    if (descriptor) {
      audited(target, key, descriptor);
    } else {
      // A plain property: `buildFederatedSubgraph` gives it `personalFieldResolver`, the same
      // checks without a middleware chain (a card has hundreds of such reads).
      const extension: PersonalFieldExtension = { property: String(key), roles, options };
      Extensions({ [PERSONAL_EXTENSION]: extension })(target, key);
    }
  };
}
