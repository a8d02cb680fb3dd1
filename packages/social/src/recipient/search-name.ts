import type { Recipient } from './recipient.entity.js';

/** Exactly the `search_name` column's expression, so that the duplicate check can compare by it. */
export function searchNameOf(r: Pick<Recipient, 'lastName' | 'firstName' | 'patronymic'>): string {
  return `${r.lastName} ${r.firstName} ${r.patronymic}`.toLowerCase().replaceAll('ё', 'е').trimEnd();
}
