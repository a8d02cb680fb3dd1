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
    const text = meaningfulReason(reason);
    const now = this.clock.now();
    const grant = this.em.create(BreakGlassGrant, {
      account: this.em.getReference(Account, actor.id),
      recipientId,
      reason: text,
      grantedAt: now,
      expiresAt: addMinutes(now, minutes),
    });
    await this.em.flush();
    audit?.brokenGlass.add(recipientId);
    audit?.security('BREAK_GLASS', {
      recipientId,
      entityId: grant.id,
      after: { reason: grant.reason, expiresAt: grant.expiresAt.toISOString() },
    });
    return grant;
  }
}

/**
 * The reason auditors will read: trimmed, spaces collapsed, and meaningful — at least 10
 * characters with two words of letters, not a run of one character or a keyboard mash.
 */
export function meaningfulReason(reason: string): string {
  const text = reason.trim().replace(/\s+/g, ' ');
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const distinct = new Set(text.toLowerCase().replace(/[^\p{L}]/gu, '')).size;
  if (text.length < 10 || text.length > 1000 || words.length < 2 || distinct < 5) {
    throw new ValidationError(
      'Опишите причину экстренного доступа словами (не меньше 10 знаков, хотя бы два слова): её прочтут аудиторы',
      'reason',
      'BREAK_GLASS_REASON_INVALID',
    );
  }
  return text;
}
