import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  consentBoundMinistries,
  pgTextArray as pgArray,
  RecipientNotFoundError,
  type SharingCheck,
  ValidationError,
} from '@sl/core';
import { type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ConsentEvent } from './consent.entity.js';
import { ConsentAction, ConsentKind, type Ministry } from './consent.enums.js';
import type { ConsentScopeInput, GiveConsentInput, WithdrawConsentInput } from './consent.inputs.js';
import { latestByScope, scopeKey, sharingState } from './consent.rules.js';

/** Checks the scope's shape; returns it normalised (an agency name trimmed). */
function scopeOf(input: ConsentScopeInput) {
  const sharing = input.kind === ConsentKind.SHARING;
  if (sharing && !input.sharedWith) {
    throw new ValidationError(
      'Для согласия на передачу сведений укажите ведомство',
      'sharedWith',
      'CONSENT_MINISTRY_REQUIRED',
    );
  }
  if (!sharing && (input.sharedWith || input.agencyId)) {
    throw new ValidationError(
      'Ведомство указывается только для согласия на передачу сведений',
      'sharedWith',
      'CONSENT_MINISTRY_NOT_APPLICABLE',
    );
  }
  return {
    kind: input.kind,
    sharedWith: sharing ? (input.sharedWith as Ministry) : null,
    agencyId: sharing ? input.agencyId?.trim() || null : null,
  };
}

export class ConsentService {
  constructor(private readonly em: EntityManager) {}

  give(ctx: SocialContext, input: GiveConsentInput): Promise<ConsentEvent> {
    return this.append(ctx, input, ConsentAction.GIVEN, input.givenOn, 'givenOn');
  }

  withdraw(ctx: SocialContext, input: WithdrawConsentInput): Promise<ConsentEvent> {
    return this.append(ctx, input, ConsentAction.WITHDRAWN, input.withdrawnOn, 'withdrawnOn');
  }

  /**
   * Appends one fact to the person's consent history. The person's row is locked for the
   * transaction, so two coordinators recording at once are put in order and each sees the other's
   * fact; a fact may not predate the scope's last one (the history reads forward in time).
   */
  private append(
    ctx: SocialContext,
    input: ConsentScopeInput,
    action: ConsentAction,
    on: string,
    dateField: string,
  ): Promise<ConsentEvent> {
    const scope = scopeOf(input);
    const today = todayOf(ctx);
    if (on > today) {
      throw new ValidationError('Дата не может быть позже сегодняшней', dateField, 'DATE_IN_FUTURE');
    }
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(
        Recipient,
        { id: input.recipientId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] },
      );
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
      const history = await em.find(ConsentEvent, { recipientId: recipient.id, kind: scope.kind });
      const last = latestByScope(history, '9999-12-31').get(scopeKey(scope)) ?? null;
      if (last && on < last.effectiveOn) {
        throw new ValidationError(
          `Дата не может быть раньше последней записи об этом согласии (${last.effectiveOn})`,
          dateField,
          'CONSENT_DATE_BEFORE_LAST',
        );
      }
      if (action === ConsentAction.GIVEN && last?.action === ConsentAction.GIVEN) {
        throw new ConflictError('CONSENT_ALREADY_GIVEN', 'Это согласие уже дано и не отозвано');
      }
      if (action === ConsentAction.WITHDRAWN && last?.action !== ConsentAction.GIVEN) {
        throw new ConflictError('CONSENT_NOT_IN_FORCE', 'Отозвать можно только действующее согласие');
      }
      const fact = em.create(ConsentEvent, {
        recipientId: recipient.id,
        ...scope,
        action,
        effectiveOn: on,
        document: input.document?.trim() || null,
        recordedAt: ctx.clock.now(),
        recordedBy: ctx.actor?.name ?? 'system',
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'ConsentEvent',
        entityId: fact.id,
        action: 'create',
        before: null,
        after: snapshot(fact),
      });
      return fact;
    });
  }
}

/**
 * Social's sharing rule for ministry officers (docs/access.md, "Consent"): one statement for all
 * the people of a request, reading only the facts that can matter to this officer.
 */
export function consentSharing(em: EntityManager, today: () => string): SharingCheck {
  return async (actor, recipientIds) => {
    const ministries = consentBoundMinistries(actor);
    const states = new Map<string, ReturnType<typeof sharingState>>();
    if (recipientIds.length === 0) return states;
    const rows = await em.getConnection().execute<
      {
        recipient_id: string;
        kind: ConsentKind;
        shared_with: Ministry | null;
        agency_id: string | null;
        action: ConsentAction;
        effective_on: string;
        recorded_at: Date;
      }[]
    >(
      `select recipient_id, kind, shared_with, agency_id, action, to_char(effective_on, 'YYYY-MM-DD') effective_on, recorded_at
         from social.consent_event
        where recipient_id = any(?::uuid[])
          and (kind = 'PERSONAL_DATA' or (kind = 'SHARING' and shared_with = any(?::text[])))`,
      [pgArray(recipientIds), pgArray(ministries)],
    );
    const byPerson = new Map<string, typeof rows>();
    for (const row of rows) byPerson.set(row.recipient_id, [...(byPerson.get(row.recipient_id) ?? []), row]);
    const day = today();
    for (const id of recipientIds) {
      const facts = (byPerson.get(id) ?? []).map((r) => ({
        kind: r.kind,
        sharedWith: r.shared_with,
        agencyId: r.agency_id,
        action: r.action,
        effectiveOn: r.effective_on,
        recordedAt: new Date(r.recorded_at),
      }));
      states.set(id, sharingState(facts, ministries, actor.agencyId, day));
    }
    return states;
  };
}
