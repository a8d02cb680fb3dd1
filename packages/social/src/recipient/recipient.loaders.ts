import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Recipient } from './recipient.entity.js';
import { searchNameOf } from './search-name.js';

/**
 * Other people with the same full name (case- and ё-insensitive) and birth date: probably the same
 * person entered twice. One query per request for the whole page.
 */
export function possibleDuplicatesLoader(em: EntityManager): DataLoader<Recipient, Recipient[]> {
  const keyOf = (r: Recipient) => `${searchNameOf(r)}|${r.birthDate}`;
  return new DataLoader<Recipient, Recipient[], string>(
    async (people) => {
      const pairs = [
        ...new Map(
          people.map((p) => [keyOf(p), { searchName: searchNameOf(p), birthDate: p.birthDate }]),
        ).values(),
      ];
      const rows = await em.find(Recipient, { $or: pairs }, { orderBy: { lastName: 'asc', id: 'asc' } });
      const groups = new Map<string, Recipient[]>();
      for (const row of rows) {
        const key = keyOf(row);
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      return people.map((p) => (groups.get(keyOf(p)) ?? []).filter((r) => r.id !== p.id));
    },
    { cacheKeyFn: (r) => r.id },
  );
}
