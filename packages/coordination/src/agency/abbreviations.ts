import { agencyIdOf } from '@sl/core';
import { comparable } from '../text/clean.js';
import { AgencyKind } from './agency.kind.js';
import { AgencyDirectory, type DirectoryEntry } from './agency-directory.js';

export interface ListedAbbreviation {
  abbreviation: string;
  name: string;
}

/**
 * A document's own list of abbreviations: seed 003 closes with «Применяемые сокращения:» and
 * `ABBR – full name;` entries, one or more per line.
 */
export function parseAbbreviationList(text: string): ListedAbbreviation[] {
  const start = text.search(
    /Применяемые сокращения|Список (используемых )?сокращений|^\s*Сокращения\s*:?\s*$/im,
  );
  if (start < 0) return [];
  const body = text.slice(start).split('\n').slice(1).join('\n');
  return body
    .split(/;\s*|\.\s*$/m)
    .map((entry) => entry.replace(/\s+/g, ' ').trim())
    .filter((entry) => entry.length > 0)
    .flatMap((entry) => {
      // The separator is a dash with spaces around it; the full names themselves hold dashes
      // only inside words («медико-социальной») or after the first separator.
      const match = /^(.+?)\s+[–—-]\s+(.+)$/.exec(entry);
      if (!match) return [];
      const abbreviation = match[1]!.trim().slice(0, 500);
      const name = match[2]!.replace(/\.$/, '').trim().slice(0, 500);
      return [{ abbreviation, name }];
    });
}

/** The kind a full name says («министерство …», «органы местного самоуправления …»). */
export function kindOfName(name: string): AgencyKind {
  const n = name.toLowerCase();
  if (/российской федерации|федеральн/.test(n)) return AgencyKind.FEDERAL;
  if (/^правительство/.test(n)) return AgencyKind.GOVERNMENT;
  if (/^министерство/.test(n)) return AgencyKind.MINISTRY;
  if (/^агентство/.test(n)) return AgencyKind.AGENCY;
  if (/местного самоуправления|муниципальн[а-я]+ образовани/.test(n)) return AgencyKind.MUNICIPALITY;
  if (/^совет/.test(n)) return AgencyKind.COUNCIL;
  if (/некоммерческ|общественн[а-я]+ организаци/.test(n)) return AgencyKind.NGO;
  return AgencyKind.INSTITUTION;
}

export interface DirectoryAddition {
  id: string;
  name: string;
  abbreviation: string;
  kind: AgencyKind;
  /** A new agency of the directory, or an existing one that gains the document's abbreviation. */
  isNew: boolean;
}

/**
 * The region's directory completed by the document's list: an agency the list names that the
 * directory lacks is added (by its name-based id), one it has gains the abbreviation it lacks.
 */
export function withListedAgencies(
  stored: DirectoryEntry[],
  region: string,
  listed: ListedAbbreviation[],
): { directory: AgencyDirectory; additions: DirectoryAddition[] } {
  const entries = stored.map((e) => ({ ...e, abbreviations: [...e.abbreviations] }));
  const additions: DirectoryAddition[] = [];
  for (const { abbreviation, name } of listed) {
    const known = new AgencyDirectory(entries);
    const entry = known.resolve(name) ?? known.resolve(abbreviation);
    if (!entry) {
      const kind = kindOfName(name);
      const id = agencyIdOf(region, name);
      entries.push({ id, name, abbreviations: [abbreviation] });
      additions.push({ id, name, abbreviation, kind, isNew: true });
    } else if (
      ![entry.name, ...entry.abbreviations].some((s) => comparable(s) === comparable(abbreviation))
    ) {
      const target = entries.find((e) => e.id === entry.id)!;
      target.abbreviations.push(abbreviation);
      additions.push({
        id: entry.id,
        name: entry.name,
        abbreviation,
        kind: kindOfName(entry.name),
        isNew: false,
      });
    }
  }
  return { directory: new AgencyDirectory(entries), additions };
}
