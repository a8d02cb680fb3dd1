import { useMemo } from 'react';
import { useGetList } from 'react-admin';

export interface Choice {
  id: string;
  name: string;
}

const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, 'ru');

/**
 * The agency directory (coordination's `agencies`), of one region or all, as picker choices, and
 * a reader for a stored agency: accounts and API clients keep the directory's id; older accounts
 * kept a name, shown as it is.
 */
export function useAgencies(region?: string): { choices: Choice[]; nameOf: (id: unknown) => string } {
  const { data = [] } = useGetList('agencies', {
    pagination: { page: 1, perPage: 200 },
    filter: region ? { region } : {},
  });
  return useMemo(() => {
    const choices = data.map((a) => ({ id: String(a.id), name: String(a.name) })).sort(byName);
    const names = new Map(choices.map((c) => [c.id, c.name]));
    return {
      choices,
      nameOf: (id: unknown) => (id == null || id === '' ? '—' : (names.get(String(id)) ?? String(id))),
    };
  }, [data]);
}

/** Providers of the registry as picker choices, by their short name. */
export function useProviders(): Choice[] {
  const { data = [] } = useGetList('providers', { pagination: { page: 1, perPage: 200 } });
  return useMemo(
    () => data.map((p) => ({ id: String(p.id), name: String(p.shortName ?? p.name) })).sort(byName),
    [data],
  );
}

/** Search-as-you-type over a choice's name, any part of it, in any case. */
export const matchName = (filter: string, choice: unknown): boolean =>
  String((choice as Choice).name)
    .toLocaleLowerCase('ru')
    .includes(filter.trim().toLocaleLowerCase('ru'));
