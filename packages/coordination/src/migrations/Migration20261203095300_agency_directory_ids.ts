import { Migration } from '@mikro-orm/migrations';
import { agencyIdOf } from '@sl/core';

/**
 * The directory's agencies take their name-based ids (`agencyIdOf(region, name)`), by which
 * accounts and API clients of the access subgraph name them; the references follow (`on update
 * cascade`, migration `accountability`).
 */
export class Migration20261203095300_agency_directory_ids extends Migration {
  override name = 'Migration20261203095300_agency_directory_ids';

  override async up(): Promise<void> {
    const agencies = (await this.execute('select id, region, name from coordination.agency')) as {
      id: string;
      region: string;
      name: string;
    }[];
    for (const a of agencies) {
      const id = agencyIdOf(a.region, a.name);
      if (id !== a.id) await this.execute('update coordination.agency set id = ? where id = ?', [id, a.id]);
    }
  }

  override down(): void {
    // Name-based ids are valid ids of the version before too: nothing to undo.
  }
}
