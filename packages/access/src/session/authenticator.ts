import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, type Clock, type Config, type Role, UnauthenticatedError } from '@sl/core';
import { addMinutes, differenceInSeconds } from 'date-fns';
import { CLIENT_PREFIX, SESSION_PREFIX, sameHash, sha256 } from '../account/tokens.js';
import { ApiClient } from '../client/api-client.entity.js';
import { Session } from './session.entity.js';

interface SessionRow {
  session_id: string;
  // Timestamps as the driver gives them (a Date or its text); read through `new Date`.
  revoked_at: Date | string | null;
  expires_at: Date | string;
  last_seen_at: Date | string;
  id: string;
  login: string;
  agency_id: string | null;
  roles: string[];
  provider_id: string | null;
  active: boolean;
  must_change_password: boolean;
  grants: string[];
}

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_SECONDS = 60;

/**
 * Turns the `Authorization` header into the actor of the request. No header: an anonymous request
 * (it may only sign in). A header that is malformed, forged, expired or revoked: UNAUTHENTICATED, so
 * the dashboard knows to ask for the password again.
 */
export class Authenticator {
  constructor(
    private readonly fork: () => EntityManager,
    private readonly config: Pick<Config, 'SESSION_IDLE_MINUTES'>,
    private readonly clock: Clock,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Actor | null> {
    if (!authorization) return null;
    const match = /^Bearer ([A-Za-z0-9_.-]{8,300})$/.exec(authorization.trim());
    const token = match?.[1];
    if (token?.startsWith(SESSION_PREFIX)) return this.session(token);
    if (token?.startsWith(CLIENT_PREFIX)) return this.client(token);
    throw new UnauthenticatedError('Недействительный токен доступа. Войдите заново.');
  }

  /**
   * The session, its account and the account's open break-the-glass grants in one statement: it
   * runs before every request a signed-in user sends.
   */
  private async session(token: string): Promise<Actor> {
    const em = this.fork();
    const now = this.clock.now();
    const row = (await em.getConnection().execute(
      `select s.id as session_id, s.revoked_at, s.expires_at, s.last_seen_at,
         a.id, a.login, a.agency_id, a.roles, a.provider_id, a.active, a.must_change_password,
         array(select distinct g.recipient_id::text from access.break_glass_grant g
           where g.account_id = a.id and g.expires_at > ?) as grants
       from access.session s join access.account a on a.id = s.account_id
       where s.token_hash = ?`,
      [now, sha256(token)],
      'get',
    )) as unknown as SessionRow | undefined;
    const lastSeenAt = row && new Date(row.last_seen_at);
    const expired =
      !row ||
      !lastSeenAt ||
      row.revoked_at !== null ||
      new Date(row.expires_at) <= now ||
      addMinutes(lastSeenAt, this.config.SESSION_IDLE_MINUTES) <= now ||
      !row.active;
    if (expired) throw new UnauthenticatedError('Сеанс завершён. Войдите заново.');
    if (differenceInSeconds(now, lastSeenAt) >= TOUCH_EVERY_SECONDS) {
      await em.nativeUpdate(Session, { id: row.session_id }, { lastSeenAt: now });
    }
    return {
      kind: 'user',
      id: row.id,
      name: row.login,
      agencyId: row.agency_id,
      roles: row.roles as Role[],
      providerId: row.provider_id,
      sessionId: row.session_id,
      grants: row.grants,
      ...(row.must_change_password ? { passwordChangeRequired: true } : {}),
    };
  }

  /** `slc_<client id>.<secret>`: the id finds the client, the secret is compared by its hash. */
  private async client(token: string): Promise<Actor> {
    const [id, secret] = token.slice(CLIENT_PREFIX.length).split('.');
    const refused = new UnauthenticatedError('Неверные учётные данные системы-партнёра.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw refused;
    const now = this.clock.now();
    const client = await this.fork().findOne(ApiClient, { id, revokedAt: null });
    if (!client) throw refused;
    const hash = sha256(secret);
    const current = sameHash(hash, client.secretHash);
    const previous =
      client.previousSecretHash !== null &&
      client.previousSecretValidUntil !== null &&
      client.previousSecretValidUntil > now &&
      sameHash(hash, client.previousSecretHash);
    if (!current && !previous) throw refused;
    return {
      kind: 'client',
      id: client.id,
      name: client.name,
      agencyId: client.agencyId,
      roles: client.roles,
      providerId: null,
      grants: [],
      allowedOperations: client.allowedOperations,
    };
  }
}
