import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '@sl/core';
import { type HealthContext, snapshot, todayOf } from '../common.js';
import { MedicalConclusion } from './medical-conclusion.entity.js';
import { ICD10, type MedicalConclusionFields } from './medical-conclusion.inputs.js';

/** Domain checks of a conclusion, before anything is written (order 202н). */
export function checkConclusion(fields: MedicalConclusionFields, today: string): void {
  if (fields.issuedOn > today) {
    throw new ValidationError(
      'Дата заключения не может быть позже сегодняшней',
      'issuedOn',
      'DATE_IN_FUTURE',
    );
  }
  if (fields.validUntil && fields.validUntil < fields.issuedOn) {
    throw new ValidationError(
      'Срок действия заключения не может закончиться раньше даты выдачи',
      'validUntil',
      'VALID_UNTIL_BEFORE_ISSUE',
    );
  }
  const bad = fields.conditions.find((c) => !ICD10.test(c.trim().toUpperCase()));
  if (bad !== undefined) {
    throw new ValidationError(`Неверный код МКБ-10: ${bad}`, 'conditions', 'ICD10_INVALID');
  }
  if (fields.contraindicationsPresent && fields.conditions.length === 0) {
    throw new ValidationError(
      'Укажите заболевания (коды МКБ-10), являющиеся противопоказаниями',
      'conditions',
      'CONDITIONS_REQUIRED',
    );
  }
  if (!fields.contraindicationsPresent && fields.conditions.length > 0) {
    throw new ValidationError(
      'Противопоказания не выявлены: список заболеваний должен быть пуст',
      'conditions',
      'CONDITIONS_WITHOUT_CONTRAINDICATIONS',
    );
  }
}

export class MedicalConclusionService {
  constructor(private readonly em: EntityManager) {}

  /** Writes a conclusion in the caller's transaction; records the change in the audit trail. */
  static create(
    em: EntityManager,
    ctx: HealthContext,
    recipientId: string,
    fields: MedicalConclusionFields,
  ): MedicalConclusion {
    checkConclusion(fields, todayOf(ctx));
    const conclusion = em.create(MedicalConclusion, {
      recipientId,
      issuedOn: fields.issuedOn,
      contraindicationsPresent: fields.contraindicationsPresent,
      conditions: [...new Set(fields.conditions.map((c) => c.trim().toUpperCase()))],
      organisation: fields.organisation.trim(),
      validUntil: fields.validUntil ?? null,
    });
    ctx.audit?.change({
      recipientId,
      entity: 'MedicalConclusion',
      entityId: conclusion.id,
      action: 'create',
      before: null,
      after: snapshot(conclusion),
    });
    return conclusion;
  }

  record(
    ctx: HealthContext,
    recipientId: string,
    fields: MedicalConclusionFields,
  ): Promise<MedicalConclusion> {
    return this.em.transactional(async (em) => {
      const conclusion = MedicalConclusionService.create(em, ctx, recipientId, fields);
      await em.flush();
      return conclusion;
    });
  }
}
