import { ApplicationDocumentKind as Doc, RefusalGround } from '../application/application.enums.js';
import { federalAutonomyBands } from './federal-606n.js';
import type { RuleSetData } from './rule-set.schema.js';

/** Kaluga oblast, ministry order 2840-п of 09.09.2024 (seed 001). */
export const kalugaRules: RuleSetData = {
  region: 'kaluga',
  source: 'Приказ министерства труда и социальной защиты Калужской области от 09.09.2024 № 2840-п',
  authority: 'Министерство труда и социальной защиты Калужской области',
  ...federalAutonomyBands,
  // §9.1: four types of periodicity with hours per week or per day.
  serviceTypes: [
    { code: 'TYPE_1', name: 'по запросу', hours: { min: 4, max: 12, per: 'WEEK' } },
    { code: 'TYPE_2', name: 'периодическое', hours: { min: 12, max: 28, per: 'WEEK' } },
    { code: 'TYPE_3', name: 'регулярное', hours: { min: 4, max: 8, per: 'DAY' } },
    { code: 'TYPE_4', name: 'постоянное', hours: { min: 8, max: 24, per: 'DAY' } },
  ],
  serviceTypeByDegree: { I: 'TYPE_1', II: 'TYPE_2', III: 'TYPE_3', IV: 'TYPE_4' },
  // §14: decision within 10 calendar days; §15: re-assessment at least every 3 years.
  decisionDays: 10,
  reassessmentYears: 3,
  // §4: the interagency requests; the order sets no term, so the federal one applies — an answer
  // within 5 working days (210-ФЗ art. 7.2 part 3).
  interagencyResponseWorkingDays: 5,
  // Kaluga's order sets no training-stage reviews of its own; the federal practice of seed 002 §15.2 applies.
  training: { firstReviewAfterMonths: 6, reviewEveryMonths: 6, maxReviews: 4 },
  // §12: on the person's own initiative services end from the date named in the application;
  // §17 names no date for the other grounds, so they take effect from the date of the ground.
  termination: {
    effectiveFrom: {
      PERSONAL_INITIATIVE: 'REQUESTED_DATE',
      TERM_EXPIRED: 'GROUND_DATE',
      CONTRACT_VIOLATION: 'GROUND_DATE',
      PERSISTENT_IMPAIRMENT: 'GROUND_DATE',
      DEATH: 'GROUND_DATE',
      PROVIDER_LIQUIDATED: 'GROUND_DATE',
    },
  },
  // §16 а–г: the four grounds of refusal.
  refusalGrounds: [
    { ground: RefusalGround.NO_DEGREE, paragraph: 'п. 16 «а»' },
    { ground: RefusalGround.DOCUMENTS_NOT_SUBMITTED, paragraph: 'п. 16 «б»' },
    { ground: RefusalGround.ASSESSMENT_REFUSED, paragraph: 'п. 16 «в»' },
    { ground: RefusalGround.OTHER_FORM_CHOSEN, paragraph: 'п. 16 «г»' },
  ],
  // §3 б, г (the degree, в, comes from the recorded assessment; the medical conclusion, д, is the
  // person's choice); ж: a representative also brings their identity document and their authority.
  documents: {
    paragraph: 'п. 3',
    PERSON: [Doc.IDENTITY_DOCUMENT, Doc.IPPSU],
    REPRESENTATIVE: [
      Doc.IDENTITY_DOCUMENT,
      Doc.IPPSU,
      Doc.REPRESENTATIVE_IDENTITY,
      Doc.REPRESENTATIVE_AUTHORITY,
    ],
  },
};
