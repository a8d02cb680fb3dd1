import { Field, ObjectType } from 'type-graphql';
import type { Recipient } from '../recipient/recipient.entity.js';
import { LegalCapacity, LIFE_CATEGORIES } from '../recipient/recipient.enums.js';
import type { RuleSet } from '../rules/rule-set.js';
import type { ApplicationDocumentKind, AppliedBy } from './application.enums.js';

@ObjectType({ description: 'Why the person does not (yet) qualify, with a stable code' })
export class EligibilityProblem {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

/** Full years between a birth date and a date, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

type Person = Pick<Recipient, 'birthDate' | 'legalCapacity' | 'limitations'>;

/** Problems that refuse an application outright, whatever else is still missing (002 §1–2). */
export function admissionProblems(person: Person, onDate: string): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const age = ageOn(person.birthDate, onDate);
  if (age < 18) {
    problems.push({
      code: 'NOT_ADULT',
      message: `Сопровождаемое проживание предоставляется с 18 лет; на дату заявления заявителю ${age}`,
    });
  }
  if (person.legalCapacity === LegalCapacity.INCAPABLE) {
    problems.push({
      code: 'LEGAL_CAPACITY_INELIGIBLE',
      message: 'Участником может быть только дееспособный или ограниченно дееспособный инвалид',
    });
  }
  return problems;
}

/** Every condition of a participant (002 §2): 18+, capable or limited, a degree 2–3 limitation. */
export function eligibilityProblems(person: Person, onDate: string): EligibilityProblem[] {
  const problems = admissionProblems(person, onDate);
  if (person.legalCapacity === null) {
    problems.push({ code: 'LEGAL_CAPACITY_UNKNOWN', message: 'Не указана дееспособность получателя' });
  }
  const limitations = person.limitations;
  const qualifying = LIFE_CATEGORIES.some((c) => (limitations?.[c] ?? 0) >= 2);
  if (!qualifying) {
    problems.push({
      code: 'NO_QUALIFYING_LIMITATION',
      message:
        'Нет ограничения 2 или 3 степени ни в одной основной категории жизнедеятельности (самообслуживание, передвижение, ориентация, общение, обучение, контроль поведения)',
    });
  }
  return problems;
}

const NAMES: Record<string, string> = {
  IDENTITY_DOCUMENT: 'документ, удостоверяющий личность',
  IPPSU: 'ИППСУ',
  MEDICAL_CONCLUSION: 'медицинское заключение',
  REPRESENTATIVE_IDENTITY: 'документ, удостоверяющий личность представителя',
  REPRESENTATIVE_AUTHORITY: 'документ, подтверждающий полномочия представителя',
  CONSENT_TO_ASSESSMENT: 'согласие на анкетирование (оценку)',
  CONSENT_TO_DATA_PROCESSING: 'согласие на обработку персональных данных',
};

/**
 * What the application still lacks for a grant: the documents of the region's checklist (rule-set
 * data: 001 §3 for Kaluga, 002 §9 for Murmansk) and the two consents of the form.
 */
export function missingForDecision(
  rules: RuleSet,
  application: {
    appliedBy: AppliedBy;
    consentToAssessmentOn: string | null;
    consentToDataProcessingOn: string | null;
  },
  received: readonly ApplicationDocumentKind[],
): string[] {
  const missing: string[] = missingDocumentsOf(rules, application.appliedBy, received);
  if (!application.consentToAssessmentOn) missing.push('CONSENT_TO_ASSESSMENT');
  if (!application.consentToDataProcessingOn) missing.push('CONSENT_TO_DATA_PROCESSING');
  return missing;
}

/** The documents of the region's checklist not received (the consents aside). */
export function missingDocumentsOf(
  rules: RuleSet,
  appliedBy: AppliedBy,
  received: readonly ApplicationDocumentKind[],
): ApplicationDocumentKind[] {
  return rules.data.documents[appliedBy].filter((k) => !received.includes(k));
}

export const describeMissing = (missing: string[]) => missing.map((m) => NAMES[m] ?? m).join(', ');
