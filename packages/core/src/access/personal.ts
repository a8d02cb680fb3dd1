import { Authorized, type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { BaseContext } from '../context.js';
import { AppError } from '../errors/errors.js';
import { markPersonal } from './access-matrix.js';
import type { Role } from './roles.js';
import { isScoped } from './scope.js';

/** The person a value is about: the Recipient itself, or anything carrying `recipientId`. */
export function auditSubject(typeName: string, root: unknown): string | null {
  if (!root || typeof root !== 'object') return null;
  const value = root as { id?: unknown; recipientId?: unknown };
  if (typeof value.recipientId === 'string') return value.recipientId;
  if (typeName === 'Recipient' && typeof value.id === 'string') return value.id;
  return null;
}

const OUT_OF_SCOPE = () =>
  new AppError(
    'OUT_OF_SCOPE',
    'Этот человек не обслуживается вашей организацией. При крайней необходимости запросите экстренный доступ с указанием причины.',
  );

const recordRead: MiddlewareFn<BaseContext> = async ({ root, info, context }, next) => {
  const recipientId = auditSubject(info.parentType.name, root);
  if (recipientId && context.actor && isScoped(context.actor)) {
    if (context.actor.grants?.includes(recipientId)) {
      // Outside the usual scope only by break-the-glass: flagged in the audit log.
      if (!(await context.inScope?.(recipientId))) context.audit?.brokenGlass.add(recipientId);
    } else if (!(await context.inScope?.(recipientId))) {
      throw OUT_OF_SCOPE();
    }
  }
  if (recipientId) context.audit?.read(recipientId, `${info.parentType.name}.${info.fieldName}`);
  return next();
};

/**
 * A field carrying a person's data: readable only by the given roles, and every read is recorded
 * in the audit trail (who, which person, which field) — written before the response leaves.
 */
export function Personal(roles: readonly Role[]): MethodDecorator & PropertyDecorator {
  const authorized = Authorized(...roles);
  const audited = UseMiddleware(recordRead);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    markPersonal(target, key);
    authorized(target, key, descriptor as never);
    audited(target, key, descriptor as never);
  };
}
