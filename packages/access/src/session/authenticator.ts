import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, type Clock, type Config, UnauthenticatedError } from '@sl/core';
import { addMinutes, differenceInSeconds } from 'date-fns';
import { CLIENT_PREFIX, SESSION_PREFIX, sameHash, sha256 } from '../account/tokens.js';
import { ApiClient } from '../client/api-client.entity.js';
import { BreakGlassGrant } from './break-glass.entity.js';
import { Session } from './session.entity.js';

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

  private async session(token: string): Promise<Actor> {
    const em = this.fork();
    const now = this.clock.now();
    const session = await em.findOne(Session, { tokenHash: sha256(token) }, { populate: ['account'] });
    const expired =
      !session ||
      session.revokedAt !== null ||
      session.expiresAt <= now ||
      addMinutes(session.lastSeenAt, this.config.SESSION_IDLE_MINUTES) <= now ||
      !session.account.active;
    if (expired) throw new UnauthenticatedError('Сеанс завершён. Войдите заново.');
    if (differenceInSeconds(now, session.lastSeenAt) >= TOUCH_EVERY_SECONDS) {
      await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: now });
    }
    const grants = await em.find(
      BreakGlassGrant,
      { account: session.account, expiresAt: { $gt: now } },
      { fields: ['recipientId'] },
    );
    const account = session.account;
    return {
      kind: 'user',
      id: account.id,
      name: account.login,
      agencyId: account.agencyId,
      roles: account.roles,
      providerId: account.providerId,
      sessionId: session.id,
      grants: [...new Set(grants.map((g) => g.recipientId))],
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
