import { ValidationError } from '@sl/core';
import type { RuleSet } from '../rules/rule-set.js';
import type { TerminateParticipationInput } from './termination.inputs.js';

/**
 * The date a termination takes effect, by the region's rule: Kaluga (seed 001 §12) ends services on
 * the person's own initiative from the date named in the application; Murmansk (seed 002 §7) from
 * the date the application was filed; every other ground of 001 §17 from the date of the ground.
 */
export function terminationEffectiveDate(
  rules: RuleSet,
  input: Pick<TerminateParticipationInput, 'reason' | 'groundOn' | 'requestedOn'>,
): string {
  if (input.requestedOn && input.requestedOn < input.groundOn) {
    throw new ValidationError(
      `Дата прекращения из заявления (${input.requestedOn}) не может быть раньше даты заявления (${input.groundOn})`,
      'requestedOn',
      'TERMINATION_REQUESTED_BEFORE_GROUND',
    );
  }
  if (rules.terminationEffectiveFrom(input.reason) === 'GROUND_DATE') return input.groundOn;
  if (!input.requestedOn) {
    throw new ValidationError(
      'Укажите дату прекращения, названную в заявлении: услуги прекращаются с этой даты',
      'requestedOn',
      'TERMINATION_REQUESTED_DATE_REQUIRED',
    );
  }
  return input.requestedOn;
}
