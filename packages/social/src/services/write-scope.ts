import { Access, AppError, isScoped, outOfScopeWrite } from '@sl/core';
import type { SocialContext } from '../common/social-context.js';

/**
 * What a writer of services (plans, team, visits, routes, staff) may write about, by the scope
 * model of docs/access.md: provider staff only about people already in their provider's scope —
 * put there by the authorised body (a stage or a service plan naming the provider) — and only for
 * their own provider. A provider's own write can never widen its scope.
 */
export interface ServiceWriteScope {
  /** Refuses OUT_OF_SCOPE a person the writer's provider does not serve now. */
  person(recipientId: string): Promise<void>;
  /** Refuses a provider other than the writer's own. */
  provider(providerId: string): void;
}

export const UNSCOPED: ServiceWriteScope = { person: async () => {}, provider: () => {} };

export function writeScope(ctx: SocialContext): ServiceWriteScope {
  const actor = ctx.actor;
  if (!actor || !isScoped(actor, Access.SERVICE_WRITE)) return UNSCOPED;
  return {
    async person(recipientId) {
      if (!(await ctx.inScope?.(recipientId))) throw outOfScopeWrite(recipientId);
    },
    provider(providerId) {
      if (providerId !== actor.providerId) {
        throw new AppError(
          'NOT_OWN_PROVIDER',
          'Сотрудник поставщика может указывать только свою организацию',
          { field: 'providerId' },
        );
      }
    },
  };
}
