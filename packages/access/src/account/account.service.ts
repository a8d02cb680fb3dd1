import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  type AuditTrail,
  type Clock,
  type Config,
  ConflictError,
  checkRoleCombination,
  isUuid,
  NotFoundError,
  Role,
  ValidationError,
} from '@sl/core';
import { addHours, addMinutes } from 'date-fns';
import { requireStrongPassword } from '../password/password-policy.js';
import { Session } from '../session/session.entity.js';
import { Account } from './account.entity.js';
import type { CreateAccountInput } from './account.inputs.js';
import { hashPassword, unknownAccountHash, verifyPassword } from './password.js';
import { newSecret, SESSION_PREFIX, sha256 } from './tokens.js';

type SessionSettings = Pick<
  Config,
  'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS' | 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_MINUTES'
>;

export interface SignedIn {
  token: string;
  expiresAt: Date;
  account: Account;
}

const INVALID_CREDENTIALS = () => new AppError('INVALID_CREDENTIALS', 'Неверный логин или пароль');

export class AccountService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * `demo` only for the demo's (and the test harness's) accounts: a fixed id, and the hash of their
   * shared password computed once rather than once per account (scrypt costs a few hundred ms each).
   */
  async create(input: CreateAccountInput, demo?: { id?: string; passwordHash: string }): Promise<Account> {
    const login = input.login.toLowerCase();
    checkRoleCombination(input.roles);
    if (input.roles.includes(Role.PROVIDER_STAFF) && !input.providerId) {
      throw new ValidationError(
        'Для сотрудника поставщика укажите поставщика',
        'providerId',
        'PROVIDER_REQUIRED',
      );
    }
    if (!demo) await requireStrongPassword(input.password, [login, input.displayName]);
    if (await this.em.count(Account, { login })) {
      throw new ConflictError('LOGIN_TAKEN', `Логин «${login}» уже занят`, { field: 'login' });
    }
    const account = this.em.create(Account, {
      ...(demo?.id ? { id: demo.id } : {}),
      login,
      displayName: input.displayName.trim(),
      passwordHash: demo?.passwordHash ?? (await hashPassword(input.password)),
      roles: [...new Set(input.roles)],
      agencyId: input.agencyId ?? null,
      providerId: input.providerId ?? null,
      createdAt: this.clock.now(),
    });
    await this.em.flush();
    return account;
  }

  /**
   * Checks the password under the lockout (`checkPassword`) and opens a session. Failures and
   * lockouts are security events of the audit log.
   */
  async signIn(
    login: string,
    password: string,
    settings: SessionSettings,
    ip?: string,
    audit?: AuditTrail,
  ): Promise<SignedIn> {
    const now = this.clock.now();
    const normalized = login.trim().toLowerCase();
    const failed = (reason: string, accountId?: string) =>
      audit?.security('SIGN_IN_FAILED', {
        entityId: accountId ?? normalized.slice(0, 64),
        after: { login: normalized.slice(0, 64), reason },
      });
    const account = await this.em.findOne(Account, { login: normalized });
    if (!account) {
      await verifyPassword(password, unknownAccountHash());
      failed('UNKNOWN_LOGIN');
      throw INVALID_CREDENTIALS();
    }
    if (!(await this.checkPassword(account, password, settings, failed, audit))) throw INVALID_CREDENTIALS();
    if (!account.active) {
      failed('INACTIVE', account.id);
      throw INVALID_CREDENTIALS();
    }
    const token = newSecret(SESSION_PREFIX);
    const expiresAt = addHours(now, settings.SESSION_MAX_HOURS);
    this.em.create(Session, {
      tokenHash: sha256(token),
      account,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: ip?.slice(0, 64) ?? null,
    });
    await this.em.flush();
    return { token, expiresAt, account };
  }

  /**
   * Checks an account's password under the sign-in lockout: each check first takes one of the
   * account's LOGIN_MAX_FAILURES tries in one atomic UPDATE, so however many checks run side by
   * side at most that many are made; the check that fails last locks the account for a while, a
   * success gives the tries back. `failed` records each failure as a security event.
   */
  async checkPassword(
    account: Account,
    password: string,
    settings: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_MINUTES'>,
    failed: (reason: string, accountId?: string) => void,
    audit?: AuditTrail,
  ): Promise<boolean> {
    const now = this.clock.now();
    const connection = this.em.getConnection();
    const [taken] = await connection.execute<{ failed_attempts: number }[]>(
      `update access.account set failed_attempts = failed_attempts + 1
        where id = ? and failed_attempts < ? and (locked_until is null or locked_until <= ?)
        returning failed_attempts`,
      [account.id, settings.LOGIN_MAX_FAILURES, now],
    );
    if (!taken) {
      failed('LOCKED', account.id);
      const lockedUntil =
        account.lockedUntil && account.lockedUntil > now
          ? account.lockedUntil
          : addMinutes(now, settings.LOGIN_LOCKOUT_MINUTES);
      throw new AppError(
        'ACCOUNT_LOCKED',
        'Учётная запись временно заблокирована после нескольких неудачных попыток входа. Попробуйте позже.',
        { lockedUntil: lockedUntil.toISOString() },
      );
    }
    const valid = await verifyPassword(password, account.passwordHash);
    if (!valid) {
      failed('WRONG_PASSWORD', account.id);
      if (taken.failed_attempts >= settings.LOGIN_MAX_FAILURES) {
        const lockedUntil = addMinutes(now, settings.LOGIN_LOCKOUT_MINUTES);
        await connection.execute(
          'update access.account set locked_until = ?, failed_attempts = 0 where id = ?',
          [lockedUntil, account.id],
        );
        audit?.security('ACCOUNT_LOCKED', {
          entityId: account.id,
          after: { login: account.login, lockedUntil: lockedUntil.toISOString() },
        });
      }
      return false;
    }
    await connection.execute(
      'update access.account set failed_attempts = 0, locked_until = null where id = ?',
      [account.id],
    );
    return true;
  }

  async signOut(sessionId: string): Promise<boolean> {
    const session = await this.em.findOne(Session, { id: sessionId, revokedAt: null });
    if (!session) return false;
    session.revokedAt = this.clock.now();
    await this.em.flush();
    return true;
  }

  async setActive(id: string, active: boolean): Promise<Account> {
    const account = isUuid(id) ? await this.em.findOne(Account, { id }) : null;
    if (!account) throw new NotFoundError('Учётная запись', id);
    account.active = active;
    if (!active) {
      // Deactivation ends the account's sessions at once, not when they would expire.
      await this.em.nativeUpdate(Session, { account, revokedAt: null }, { revokedAt: this.clock.now() });
    }
    await this.em.flush();
    return account;
  }

  async unlock(id: string): Promise<Account> {
    const account = isUuid(id) ? await this.em.findOne(Account, { id }) : null;
    if (!account) throw new NotFoundError('Учётная запись', id);
    account.lockedUntil = null;
    account.failedAttempts = 0;
    await this.em.flush();
    return account;
  }

  /** Creates the first administrator from ADMIN_LOGIN/ADMIN_PASSWORD when there is none. */
  async ensureAdministrator(login: string, password: string): Promise<void> {
    const existing = await this.em
      .getConnection()
      .execute<{ n: string }[]>(`SELECT count(*) AS n FROM access.account WHERE 'ADMIN' = ANY(roles)`);
    if (Number(existing[0]?.n ?? 0) > 0) return;
    await this.create({ login, displayName: 'Администратор', password, roles: [Role.ADMIN] });
  }
}
