import { ValidationError } from '../errors/errors.js';

/** A period that has begun by `today` and, when it has an end, does not end before it starts. */
export function checkStartedPeriod(
  startDate: string,
  endDate: string | null | undefined,
  today: string,
): void {
  if (startDate > today) {
    throw new ValidationError('Дата начала не может быть позже сегодняшней', 'startDate', 'DATE_IN_FUTURE');
  }
  if (endDate && endDate < startDate) {
    throw new ValidationError('Окончание раньше начала', 'endDate', 'DATES_ORDER_INVALID');
  }
}
