import { useMemo } from 'react';
import { useGetList } from 'react-admin';

export interface Choice {
  id: string;
  name: string;
}

/**
 * The agency directory (coordination's `agencies`) as picker choices, and a reader for a stored
 * agency: accounts and API clients keep the directory's id; older accounts kept a name, shown as is.
 */
export function useAgencies(): { choices: Choice[]; nameOf: (id: unknown) => string } {
  const { data = [] } = useGetList('agencies', { pagination: { page: 1, perPage: 200 } });
  return useMemo(() => {
    const choices = data
      .map((a) => ({ id: String(a.id), name: String(a.name) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    const names = new Map(choices.map((c) => [c.id, c.name]));
    return {
      choices,
      nameOf: (id: unknown) => (id == null || id === '' ? '—' : (names.get(String(id)) ?? String(id))),
    };
  }, [data]);
}

/** Search-as-you-type over a choice's name, any part of it, in any case. */
export const matchName = (filter: string, choice: unknown): boolean =>
  String((choice as Choice).name)
    .toLocaleLowerCase('ru')
    .includes(filter.trim().toLocaleLowerCase('ru'));
