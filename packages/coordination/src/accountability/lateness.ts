import { ValidationError } from '@sl/core';
import { differenceInCalendarDays, parseISO } from 'date-fns';

/**
 * Days past the due date: of the completion for work done, of today for work still open (0 when on
 * time). Obligations and Council decisions are judged alike.
 */
export function daysLate(dueDate: string, completedOn: string | null, today: string): number {
  const end = completedOn ?? today;
  return Math.max(0, differenceInCalendarDays(parseISO(end), parseISO(dueDate)));
}

/**
 * The completion date as the person closing gives it (today when they give none): never after
 * today, never before `earliest` (the meeting that gave a decision, the start of a period).
 */
export function completionDate(
  given: string | null | undefined,
  today: string,
  field: string,
  earliest?: { date: string | null; message: string },
): string {
  const on = given ?? today;
  if (on > today) {
    throw new ValidationError('Дата выполнения не может быть в будущем', field, 'COMPLETION_DATE_IN_FUTURE');
  }
  if (earliest?.date && on < earliest.date) {
    throw new ValidationError(earliest.message, field, 'COMPLETION_DATE_TOO_EARLY');
  }
  return on;
}
