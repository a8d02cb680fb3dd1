import { AppError } from '@sl/core';
import { RuleSet } from '../rules/rule-set.js';
import { RefusalGround } from './application.enums.js';
import { assertRefusalMatchesFacts, type RefusalFacts } from './refusal.rules.js';

const kaluga = RuleSet.for('kaluga');
const murmansk = RuleSet.for('murmansk');
const facts: RefusalFacts = {
  decidedOn: '2026-03-10',
  validAssessment: null,
  missingDocuments: [],
  assessmentRefusedOn: null,
  otherFormChosenOn: null,
};
const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? [error.code, error.details.field] : error;
  }
};

describe('refusal grounds match the record (seed 001 §16)', () => {
  // seed 001 §16 а: no degree established — not when an assessment in force gives one
  it('refuses NO_DEGREE while an assessment in force gives a degree', () => {
    const withDegree = { ...facts, validAssessment: { assessedOn: '2026-03-04', degree: 'III' } };
    expect(codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.NO_DEGREE, withDegree))).toEqual([
      'REFUSAL_GROUND_CONTRADICTED',
      'refusalGround',
    ]);
    expect(codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.NO_DEGREE, facts))).toBeNull();
  });

  // seed 001 §16 б: documents not submitted — not when the checklist is complete
  it('refuses DOCUMENTS_NOT_SUBMITTED when nothing is missing', () => {
    expect(
      codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.DOCUMENTS_NOT_SUBMITTED, facts)),
    ).toEqual(['REFUSAL_GROUND_CONTRADICTED', 'refusalGround']);
    expect(
      codeOf(() =>
        assertRefusalMatchesFacts(kaluga, RefusalGround.DOCUMENTS_NOT_SUBMITTED, {
          ...facts,
          missingDocuments: ['IPPSU'],
        }),
      ),
    ).toBeNull();
  });

  // seed 001 §16 в: a written refusal of the assessment, received by the decision day
  it('needs the written refusal of the assessment recorded on or before the decision', () => {
    expect(codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.ASSESSMENT_REFUSED, facts))).toEqual([
      'ASSESSMENT_REFUSAL_NOT_RECORDED',
      'assessmentRefusedOn',
    ]);
    const later = { ...facts, assessmentRefusedOn: '2026-03-11' };
    expect(codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.ASSESSMENT_REFUSED, later))).toEqual([
      'ASSESSMENT_REFUSAL_NOT_RECORDED',
      'assessmentRefusedOn',
    ]);
    const recorded = { ...facts, assessmentRefusedOn: '2026-03-05' };
    expect(
      codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.ASSESSMENT_REFUSED, recorded)),
    ).toBeNull();
  });

  // seed 001 §16 г: the person's written choice of another form of service
  it('needs the written choice of another form of service recorded', () => {
    expect(codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.OTHER_FORM_CHOSEN, facts))).toEqual([
      'OTHER_FORM_CHOICE_NOT_RECORDED',
      'otherFormChosenOn',
    ]);
    const recorded = { ...facts, otherFormChosenOn: '2026-03-06' };
    expect(
      codeOf(() => assertRefusalMatchesFacts(kaluga, RefusalGround.OTHER_FORM_CHOSEN, recorded)),
    ).toBeNull();
  });

  // seed 002 §8–9: Murmansk's act knows no written refusal of the assessment as a ground
  it('refuses a ground the region’s act does not list, from the rule set’s data', () => {
    const recorded = { ...facts, assessmentRefusedOn: '2026-03-05' };
    expect(
      codeOf(() => assertRefusalMatchesFacts(murmansk, RefusalGround.ASSESSMENT_REFUSED, recorded)),
    ).toEqual(['REFUSAL_GROUND_NOT_IN_REGION', 'refusalGround']);
    expect(murmansk.refusalParagraph(RefusalGround.OTHER_FORM_CHOSEN)).toMatch(/п\. 8/);
    expect(kaluga.refusalParagraph(RefusalGround.ASSESSMENT_REFUSED)).toBe('п. 16 «в»');
  });
});
