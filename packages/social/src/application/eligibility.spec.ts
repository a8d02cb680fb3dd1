import { LifeLimitations } from '../recipient/recipient.entity.js';
import { LegalCapacity } from '../recipient/recipient.enums.js';
import { RuleSet } from '../rules/rule-set.js';
import { ApplicationDocumentKind, AppliedBy } from './application.enums.js';
import { ageOn, eligibilityProblems, missingForDecision } from './eligibility.js';

const kaluga = RuleSet.for('kaluga');
const murmansk = RuleSet.for('murmansk');

const limits = (values: Partial<LifeLimitations>) => Object.assign(new LifeLimitations(), values);
const adult = {
  birthDate: '1990-05-10',
  legalCapacity: LegalCapacity.FULL,
  limitations: limits({ orientation: 2 }),
};
const codes = (p: typeof adult) => eligibilityProblems(p, '2026-03-02').map((x) => x.code);

describe('eligibility of a participant (seed 002 §2)', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('2008-03-02', '2026-03-02')).toBe(18);
    expect(ageOn('2008-03-03', '2026-03-02')).toBe(17);
  });

  // seed 002 §1–2: an adult, capable or of limited capacity, with a degree 2–3 limitation
  it('admits a capable or limited-capacity adult with a degree 2 or 3 limitation', () => {
    expect(codes(adult)).toEqual([]);
    expect(
      codes({ ...adult, legalCapacity: LegalCapacity.LIMITED, limitations: limits({ learning: 3 }) }),
    ).toEqual([]);
  });

  it('names each unmet condition with a stable code', () => {
    expect(codes({ ...adult, birthDate: '2008-03-03' })).toEqual(['NOT_ADULT']);
    expect(codes({ ...adult, legalCapacity: LegalCapacity.INCAPABLE })).toEqual([
      'LEGAL_CAPACITY_INELIGIBLE',
    ]);
    expect(codes({ ...adult, legalCapacity: null as never })).toEqual(['LEGAL_CAPACITY_UNKNOWN']);
    expect(codes({ ...adult, limitations: limits({ selfCare: 1, movement: 1 }) })).toEqual([
      'NO_QUALIFYING_LIMITATION',
    ]);
  });

  // seed 001 §3 б, г, ж and the consents of the 002 appendix form
  it('lists the documents and consents a grant still lacks, more for a representative', () => {
    const application = {
      appliedBy: AppliedBy.PERSON,
      consentToAssessmentOn: '2026-03-02',
      consentToDataProcessingOn: null,
    };
    expect(missingForDecision(kaluga, application, [ApplicationDocumentKind.IDENTITY_DOCUMENT])).toEqual([
      'IPPSU',
      'CONSENT_TO_DATA_PROCESSING',
    ]);
    expect(
      missingForDecision(
        kaluga,
        { ...application, appliedBy: AppliedBy.REPRESENTATIVE, consentToDataProcessingOn: '2026-03-02' },
        [ApplicationDocumentKind.IDENTITY_DOCUMENT, ApplicationDocumentKind.IPPSU],
      ),
    ).toEqual(['REPRESENTATIVE_IDENTITY', 'REPRESENTATIVE_AUTHORITY']);
  });

  // seed 002 §9: the identity document, the representative's authority, the need — no ИППСУ
  it('murmansk asks for the documents of 002 §9 only: no ИППСУ, no representative identity', () => {
    const application = {
      appliedBy: AppliedBy.PERSON,
      consentToAssessmentOn: '2026-03-02',
      consentToDataProcessingOn: '2026-03-02',
    };
    expect(missingForDecision(murmansk, application, [ApplicationDocumentKind.IDENTITY_DOCUMENT])).toEqual(
      [],
    );
    expect(missingForDecision(murmansk, application, [])).toEqual(['IDENTITY_DOCUMENT']);
    expect(
      missingForDecision(murmansk, { ...application, appliedBy: AppliedBy.REPRESENTATIVE }, [
        ApplicationDocumentKind.IDENTITY_DOCUMENT,
      ]),
    ).toEqual(['REPRESENTATIVE_AUTHORITY']);
    // seed 001 §3 г: Kaluga asks for the ИППСУ
    expect(missingForDecision(kaluga, application, [ApplicationDocumentKind.IDENTITY_DOCUMENT])).toEqual([
      'IPPSU',
    ]);
  });
});
