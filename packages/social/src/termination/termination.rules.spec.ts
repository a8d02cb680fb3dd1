import { AppError } from '@sl/core';
import { RuleSet } from '../rules/rule-set.js';
import { TerminationReason } from './termination.enums.js';
import { terminationEffectiveDate } from './termination.rules.js';

const kaluga = RuleSet.for('kaluga');
const murmansk = RuleSet.for('murmansk');

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('termination effective date', () => {
  const own = TerminationReason.PERSONAL_INITIATIVE;

  // seed 001 §12: services end from the date named in the application
  it('kaluga: own initiative takes effect from the date named in the application', () => {
    expect(
      terminationEffectiveDate(kaluga, { reason: own, groundOn: '2027-03-01', requestedOn: '2027-03-15' }),
    ).toBe('2027-03-15');
    expect(codeOf(() => terminationEffectiveDate(kaluga, { reason: own, groundOn: '2027-03-01' }))).toBe(
      'TERMINATION_REQUESTED_DATE_REQUIRED',
    );
  });

  // seed 002 §7: services end from the date the application is filed
  it('murmansk: own initiative takes effect from the filing date', () => {
    expect(
      terminationEffectiveDate(murmansk, { reason: own, groundOn: '2027-03-01', requestedOn: '2027-03-15' }),
    ).toBe('2027-03-01');
    expect(terminationEffectiveDate(murmansk, { reason: own, groundOn: '2027-03-01' })).toBe('2027-03-01');
  });

  // seed 001 §17: the other grounds name no date of their own — the date of the ground applies
  it.each(Object.values(TerminationReason).filter((r) => r !== own))(
    '%s takes effect from the ground date',
    (reason) => {
      for (const rules of [kaluga, murmansk]) {
        expect(terminationEffectiveDate(rules, { reason, groundOn: '2027-05-10' })).toBe('2027-05-10');
      }
    },
  );

  it('refuses a requested date before the application with TERMINATION_REQUESTED_BEFORE_GROUND', () => {
    expect(
      codeOf(() =>
        terminationEffectiveDate(kaluga, { reason: own, groundOn: '2027-03-01', requestedOn: '2027-02-01' }),
      ),
    ).toBe('TERMINATION_REQUESTED_BEFORE_GROUND');
  });

  // seed 001 §17: six grounds, each with a rule in every region's data
  it('lists the six grounds of seed 001 §17 in both rule sets', () => {
    expect(Object.values(TerminationReason)).toHaveLength(6);
    for (const rules of [kaluga, murmansk]) {
      expect(Object.keys(rules.data.termination.effectiveFrom).sort()).toEqual(
        Object.values(TerminationReason).sort(),
      );
    }
  });
});
