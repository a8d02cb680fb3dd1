import { Migration } from '@mikro-orm/migrations';
import { agencyIdOf, isUuid } from '@sl/core';

/**
 * Accounts and API clients name their agency by its directory id (`agencyIdOf`), no longer by a
 * free-text name. The demo's old labels become the demo region's agencies; any other name is
 * matched, without case, to a name or abbreviation of the directory when it lives in this same
 * database; an account's name that matches nothing is cleared for an administrator to choose again
 * (an API client's, which cannot be empty, stays until the client is issued anew).
 */
const DEMO_LABELS: Record<string, string | null> = {
  минсоцразвития: 'Министерство социальной политики Калининградской области',
  минздрав: 'Министерство здравоохранения Калининградской области',
  минобразования: 'Министерство образования Калининградской области',
  'центр занятости': 'Центр занятости населения Калининградской области',
  'совет при губернаторе': 'Совет по делам инвалидов при Губернаторе Калининградской области',
};

export class Migration20261203100000_agency_ids extends Migration {
  override name = 'Migration20261203100000_agency_ids';

  override async up(): Promise<void> {
    const known = new Map<string, string>();
    for (const [label, name] of Object.entries(DEMO_LABELS))
      if (name) known.set(label, agencyIdOf('kaliningrad', name));
    const [directory] = await this.execute(
      `select to_regclass('coordination.agency') is not null as present`,
    );
    if (directory?.present) {
      const agencies = (await this.execute(
        'select region, name, abbreviations from coordination.agency',
      )) as { region: string; name: string; abbreviations: string[] | string }[];
      for (const a of agencies) {
        const id = agencyIdOf(a.region, a.name);
        const spellings = typeof a.abbreviations === 'string' ? JSON.parse(a.abbreviations) : a.abbreviations;
        for (const spelling of [a.name, ...(spellings as string[])])
          known.set(spelling.trim().toLowerCase(), id);
      }
    }
    for (const table of ['account', 'api_client']) {
      const rows = (await this.execute(
        `select distinct agency_id from access.${table} where agency_id is not null`,
      )) as { agency_id: string }[];
      for (const { agency_id: value } of rows) {
        const id = known.get(value.trim().toLowerCase()) ?? null;
        if (isUuid(value) || (id === null && table === 'api_client')) continue;
        await this.execute(`update access.${table} set agency_id = ? where agency_id = ?`, [id, value]);
      }
    }
  }

  override down(): void {
    // A directory id stays a valid agency of the version before (a free-text column): nothing to undo.
  }
}
