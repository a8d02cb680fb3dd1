import type { EntityManager } from '@mikro-orm/postgresql';
import { checkRoleCombination, NotFoundError, Role, ValidationError } from '@sl/core';
import { Account } from './account.entity.js';
import type { UpdateAccountInput } from './account-update.inputs.js';

/**
 * An administrator's change of an account: its name, roles and agency. Roles are read from the
 * account on every request (session/authenticator.ts), so a change applies at once, without
 * ending the account's sessions.
 */
export class AccountUpdateService {
  constructor(private readonly em: EntityManager) {}

  /** The account as changed, and its roles before (a change of roles is a security event). */
  async update(
    input: UpdateAccountInput,
    actorId: string | undefined,
  ): Promise<{ account: Account; rolesBefore: Role[] }> {
    const account = await this.em.findOne(Account, { id: input.id });
    if (!account) throw new NotFoundError('Учётная запись', input.id);
    const rolesBefore = [...account.roles];
    const roles = input.roles ? [...new Set(input.roles)] : account.roles;
    // The same rule as at creation (docs/access.md, "Role combinations").
    checkRoleCombination(roles);
    const providerId = input.providerId === undefined ? account.providerId : input.providerId;
    if (roles.includes(Role.PROVIDER_STAFF) && !providerId) {
      throw new ValidationError(
        'Для сотрудника поставщика укажите поставщика',
        'providerId',
        'PROVIDER_REQUIRED',
      );
    }
    if (account.id === actorId && account.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) {
      // Otherwise the last administrator could lock everyone out of administration.
      throw new ValidationError(
        'Нельзя снять роль администратора с собственной учётной записи',
        'roles',
        'CANNOT_DEMOTE_SELF',
      );
    }
    account.roles = roles;
    account.providerId = providerId ?? null;
    if (input.displayName !== undefined) account.displayName = input.displayName.trim();
    if (input.agencyId !== undefined) account.agencyId = input.agencyId?.trim() || null;
    await this.em.flush();
    return { account, rolesBefore };
  }
}
