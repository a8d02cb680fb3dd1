import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditTrail, type Clock, type Config, NotFoundError, ValidationError } from '@sl/core';
import { Account } from '../account/account.entity.js';
import { AccountService } from '../account/account.service.js';
import { hashPassword, verifyPassword } from '../account/password.js';
import { Session } from '../session/session.entity.js';
import { requireStrongPassword } from './password-policy.js';

type LockoutSettings = Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_MINUTES'>;

/**
 * A user's change of their own password and an administrator's reset. Both apply the password
 * policy and end the account's other sessions: whoever held the old password is signed out.
 */
export class PasswordService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * The current password is checked under the sign-in lockout, so a session left open cannot be
   * used to guess it. Clears a reset's demand to change it; the calling session stays open.
   */
  async change(
    accountId: string,
    sessionId: string | undefined,
    currentPassword: string,
    newPassword: string,
    settings: LockoutSettings,
    audit?: AuditTrail,
  ): Promise<Account> {
    const account = await this.em.findOne(Account, { id: accountId });
    if (!account) throw new NotFoundError('Учётная запись', accountId);
    const failed = (reason: string) =>
      audit?.security('SIGN_IN_FAILED', {
        entityId: account.id,
        after: { login: account.login, reason: `CHANGE_PASSWORD_${reason}` },
      });
    const valid = await new AccountService(this.em, this.clock).checkPassword(
      account,
      currentPassword,
      settings,
      failed,
      audit,
    );
    if (!valid) {
      throw new ValidationError('Текущий пароль указан неверно', 'currentPassword', 'WRONG_CURRENT_PASSWORD');
    }
    if (await verifyPassword(newPassword, account.passwordHash)) {
      throw new ValidationError(
        'Новый пароль совпадает с текущим: придумайте другой',
        'newPassword',
        'PASSWORD_UNCHANGED',
      );
    }
    await requireStrongPassword(newPassword, [account.login, account.displayName], 'newPassword');
    const wasReset = account.mustChangePassword;
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = false;
    await this.endSessions(account, sessionId);
    await this.em.flush();
    audit?.security('PASSWORD_CHANGED', {
      entityId: account.id,
      after: { login: account.login, afterReset: wasReset },
    });
    return account;
  }

  /**
   * An administrator gives the account a temporary password: its sessions end, a lockout is
   * lifted, and at the next sign-in the user must choose their own before anything else.
   */
  async reset(id: string, newPassword: string, audit?: AuditTrail): Promise<Account> {
    const account = await this.em.findOne(Account, { id });
    if (!account) throw new NotFoundError('Учётная запись', id);
    await requireStrongPassword(newPassword, [account.login, account.displayName], 'newPassword');
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = true;
    account.failedAttempts = 0;
    account.lockedUntil = null;
    await this.endSessions(account);
    await this.em.flush();
    audit?.security('PASSWORD_RESET', { entityId: account.id, after: { login: account.login } });
    return account;
  }

  private endSessions(account: Account, keep?: string): Promise<number> {
    return this.em.nativeUpdate(
      Session,
      { account, revokedAt: null, ...(keep ? { id: { $ne: keep } } : {}) },
      { revokedAt: this.clock.now() },
    );
  }
}
