import { ValidationError } from '@sl/core';
import type { RuleSet } from '../rules/rule-set.js';
import { RefusalGround } from './application.enums.js';

/** What the record says when a refusal is decided: the facts each ground of 001 §16 rests on. */
export interface RefusalFacts {
  decidedOn: string;
  /** The assessment in force on the decision day, if any (it always gives a degree, 001 §9). */
  validAssessment: { assessedOn: string; degree: string } | null;
  /** Documents of the region's checklist not received (consents aside). */
  missingDocuments: readonly string[];
  /** The day the person's written refusal of the assessment was received (001 §16 в). */
  assessmentRefusedOn: string | null;
  /** The day the person's written choice of another form of service was received (001 §16 г). */
  otherFormChosenOn: string | null;
}

/**
 * Seed 001 §16 (Murmansk: 002 §8–9): a refusal stands only on a ground the region's act lists and
 * the record bears out — no degree only without an assessment in force; missing documents only
 * while some are missing; a refusal of the assessment or a choice of another form only when the
 * person's written statement is recorded, dated no later than the decision.
 */
export function assertRefusalMatchesFacts(rules: RuleSet, refusal: RefusalGround, facts: RefusalFacts): void {
  const paragraph = rules.refusalParagraph(refusal);
  if (!paragraph) {
    const allowed = rules.data.refusalGrounds.map((g) => g.ground);
    throw new ValidationError(
      `Такого основания отказа нет в порядке региона; возможны: ${rules.data.refusalGrounds.map((g) => g.paragraph).join('; ')}`,
      'refusalGround',
      'REFUSAL_GROUND_NOT_IN_REGION',
      { allowed },
    );
  }
  switch (refusal) {
    case RefusalGround.NO_DEGREE:
      if (facts.validAssessment) {
        throw new ValidationError(
          `Основание «${paragraph}» противоречит делу: по действующей оценке от ${facts.validAssessment.assessedOn} установлена степень ${facts.validAssessment.degree}`,
          'refusalGround',
          'REFUSAL_GROUND_CONTRADICTED',
          { assessedOn: facts.validAssessment.assessedOn, degree: facts.validAssessment.degree },
        );
      }
      return;
    case RefusalGround.DOCUMENTS_NOT_SUBMITTED:
      if (facts.missingDocuments.length === 0) {
        throw new ValidationError(
          `Основание «${paragraph}» противоречит делу: все документы по перечню (${rules.data.documents.paragraph}) представлены`,
          'refusalGround',
          'REFUSAL_GROUND_CONTRADICTED',
        );
      }
      return;
    case RefusalGround.ASSESSMENT_REFUSED:
      if (!facts.assessmentRefusedOn || facts.assessmentRefusedOn > facts.decidedOn) {
        throw new ValidationError(
          `Для отказа по «${paragraph}» сначала запишите письменный отказ гражданина от оценки (дату его получения)`,
          'assessmentRefusedOn',
          'ASSESSMENT_REFUSAL_NOT_RECORDED',
        );
      }
      return;
    case RefusalGround.OTHER_FORM_CHOSEN:
      if (!facts.otherFormChosenOn || facts.otherFormChosenOn > facts.decidedOn) {
        throw new ValidationError(
          `Для отказа по «${paragraph}» сначала запишите письменное решение гражданина об иной форме обслуживания`,
          'otherFormChosenOn',
          'OTHER_FORM_CHOICE_NOT_RECORDED',
        );
      }
      return;
  }
}
