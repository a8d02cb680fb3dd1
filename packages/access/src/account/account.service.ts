import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
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
import { Session } from '../session/session.entity.js';
import { Account } from './account.entity.js';
import type { CreateAccountInput } from './account.inputs.js';
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password.js';
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
   * `demo` only for the demo's accounts: a fixed id, and the hash of their shared published
   * password computed once rather than once per account (scrypt costs a few hundred ms each).
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
   * Checks the password and opens a session. Failed attempts are counted and committed even though
   * the sign-in fails; after LOGIN_MAX_FAILURES in a row the account is locked for a while.
   */
  async signIn(login: string, password: string, settings: SessionSettings, ip?: string): Promise<SignedIn> {
    const now = this.clock.now();
    const account = await this.em.findOne(Account, { login: login.trim().toLowerCase() });
    if (!account) {
      await verifyPassword(password, UNKNOWN_ACCOUNT_HASH);
      throw INVALID_CREDENTIALS();
    }
    if (account.lockedUntil && account.lockedUntil > now) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        'Учётная запись временно заблокирована после нескольких неудачных попыток входа. Попробуйте позже.',
        { lockedUntil: account.lockedUntil.toISOString() },
      );
    }
    const valid = await verifyPassword(password, account.passwordHash);
    if (!valid || !account.active) {
      if (!valid) {
        account.failedAttempts += 1;
        if (account.failedAttempts >= settings.LOGIN_MAX_FAILURES) {
          account.lockedUntil = addMinutes(now, settings.LOGIN_LOCKOUT_MINUTES);
          account.failedAttempts = 0;
        }
        await this.em.flush();
      }
      throw INVALID_CREDENTIALS();
    }
    account.failedAttempts = 0;
    account.lockedUntil = null;
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

  /** Replaces the account's roles (under the same combination rule as at creation). */
  async setRoles(id: string, roles: Role[]): Promise<{ account: Account; before: Role[] }> {
    checkRoleCombination(roles);
    const account = isUuid(id) ? await this.em.findOne(Account, { id }) : null;
    if (!account) throw new NotFoundError('Учётная запись', id);
    if (roles.includes(Role.PROVIDER_STAFF) && !account.providerId) {
      throw new ValidationError(
        'Для сотрудника поставщика укажите поставщика',
        'providerId',
        'PROVIDER_REQUIRED',
      );
    }
    const before = account.roles;
    account.roles = [...new Set(roles)];
    await this.em.flush();
    return { account, before };
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
