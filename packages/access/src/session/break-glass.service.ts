import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, type AuditTrail, type Clock, ValidationError } from '@sl/core';
import { addMinutes } from 'date-fns';
import { Account } from '../account/account.entity.js';
import { BreakGlassGrant } from './break-glass.entity.js';

export class BreakGlassService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens one person's record to a user outside their usual scope, for BREAK_GLASS_MINUTES, with a
   * reason that auditors read. The grant itself is an audited change flagged as break-the-glass.
   */
  async open(actor: Actor, recipientId: string, reason: string, minutes: number, audit?: AuditTrail) {
    if (actor.kind !== 'user') {
      throw new ValidationError(
        'Экстренный доступ выдаётся только пользователю',
        undefined,
        'BREAK_GLASS_USERS_ONLY',
      );
    }
    const now = this.clock.now();
    const grant = this.em.create(BreakGlassGrant, {
      account: this.em.getReference(Account, actor.id),
      recipientId,
      reason: reason.trim(),
      grantedAt: now,
      expiresAt: addMinutes(now, minutes),
    });
    await this.em.flush();
    audit?.brokenGlass.add(recipientId);
    audit?.change({
      recipientId,
      entity: 'BreakGlassGrant',
      entityId: grant.id,
      action: 'create',
      before: null,
      after: { reason: grant.reason, expiresAt: grant.expiresAt.toISOString() },
    });
    return grant;
  }
}
