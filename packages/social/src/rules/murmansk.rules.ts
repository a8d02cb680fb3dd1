import { ApplicationDocumentKind as Doc, RefusalGround } from '../application/application.enums.js';
import { federalAutonomyBands } from './federal-606n.js';
import type { RuleSetData } from './rule-set.schema.js';

/** Murmansk oblast, ministry order 506 of 15.08.2024 (seed 002). */
export const murmanskRules: RuleSetData = {
  region: 'murmansk',
  source: 'Приказ Министерства труда и социального развития Мурманской области от 15.08.2024 № 506',
  authority: 'Министерство труда и социального развития Мурманской области',
  ...federalAutonomyBands,
  // §15.3: two modes only. Periodic — help several times a week; regular — help every day.
  serviceTypes: [
    { code: 'PERIODIC', name: 'периодическое сопровождение', hours: { min: 4, max: 12, per: 'WEEK' } },
    { code: 'REGULAR', name: 'регулярное сопровождение', hours: { min: 4, max: 8, per: 'DAY' } },
  ],
  // Our reading of §15.3: slight and moderate loss of autonomy need help a few times a week,
  // marked and severe need it daily; the order names no mode above regular.
  serviceTypeByDegree: { I: 'PERIODIC', II: 'PERIODIC', III: 'REGULAR', IV: 'REGULAR' },
  // §9: decision within 10 calendar days; §11: re-assessment at least once in three years.
  decisionDays: 10,
  reassessmentYears: 3,
  // §9: the interagency requests; the order sets no term, so the federal one applies — an answer
  // within 5 working days (210-ФЗ art. 7.2 part 3).
  interagencyResponseWorkingDays: 5,
  // §15.2: readiness review no earlier than 6 months after training began, up to 4 times, every six months.
  training: { firstReviewAfterMonths: 6, reviewEveryMonths: 6, maxReviews: 4 },
  // §7: on the person's own application services end from the date it was filed; the order names
  // no date for the other grounds of 001 §17, so they take effect from the date of the ground.
  termination: {
    effectiveFrom: {
      PERSONAL_INITIATIVE: 'GROUND_DATE',
      TERM_EXPIRED: 'GROUND_DATE',
      CONTRACT_VIOLATION: 'GROUND_DATE',
      PERSISTENT_IMPAIRMENT: 'GROUND_DATE',
      DEATH: 'GROUND_DATE',
      PROVIDER_LIQUIDATED: 'GROUND_DATE',
    },
  },
  // §8: a refusal "including when the stationary form of service was decided"; §3, §9: the need
  // established by the 606н criteria and the documents of §9. The order knows no written refusal
  // of the assessment: its application form (appendix) itself carries the consent to it.
  refusalGrounds: [
    { ground: RefusalGround.NO_DEGREE, paragraph: 'п. 3, 8 Правил' },
    { ground: RefusalGround.DOCUMENTS_NOT_SUBMITTED, paragraph: 'п. 9 Правил' },
    { ground: RefusalGround.OTHER_FORM_CHOSEN, paragraph: 'п. 8 Правил (стационарная форма обслуживания)' },
  ],
  // §9: the identity document, and for a representative the document of authority; the need is
  // the recorded assessment. §9 does not list the ИППСУ.
  documents: {
    paragraph: 'п. 9 Правил',
    PERSON: [Doc.IDENTITY_DOCUMENT],
    REPRESENTATIVE: [Doc.IDENTITY_DOCUMENT, Doc.REPRESENTATIVE_AUTHORITY],
  },
};
