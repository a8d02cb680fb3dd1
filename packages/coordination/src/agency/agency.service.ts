import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { agencyIdOf, type ConnectionShape, isUuid, type PageRequest, paginate } from '@sl/core';
import { Agency } from './agency.entity.js';
import { AGENCY_DIRECTORY } from './agency.fixture.js';
import { AgencyDirectory } from './agency-directory.js';

export class AgencyService {
  constructor(private readonly em: EntityManager) {}

  /** Adds the directory's agencies that are missing; an existing row is never duplicated. */
  async loadDirectory(directory = AGENCY_DIRECTORY): Promise<number> {
    const existing = await this.em.find(Agency, {}, { fields: ['region', 'name'] });
    const known = new Set(existing.map((a) => `${a.region}\u0000${a.name}`));
    let added = 0;
    for (const [region, agencies] of Object.entries(directory)) {
      for (const seed of agencies) {
        if (known.has(`${region}\u0000${seed.name}`)) continue;
        this.em.create(Agency, {
          id: agencyIdOf(region, seed.name),
          region,
          name: seed.name,
          abbreviations: seed.abbreviations,
          kind: seed.kind,
        });
        added += 1;
      }
    }
    await this.em.flush();
    return added;
  }

  list(region: string | undefined, page: PageRequest): Promise<ConnectionShape<Agency>> {
    const where: FilterQuery<Agency> = region ? { region } : {};
    return paginate(
      this.em,
      Agency,
      where,
      [
        { field: 'region', direction: 'ASC' },
        { field: 'name', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  /** One agency by id; null when the directory has none (ids that are not UUIDs included). */
  byId(id: string): Promise<Agency | null> {
    return isUuid(id) ? this.em.findOne(Agency, { id }) : Promise.resolve(null);
  }

  async directory(region: string): Promise<AgencyDirectory> {
    const agencies = await this.em.find(Agency, { region });
    return new AgencyDirectory(agencies);
  }

  async resolve(region: string, text: string): Promise<Agency | null> {
    const agencies = await this.em.find(Agency, { region });
    const found = new AgencyDirectory(agencies).resolve(text);
    return found ? (agencies.find((a) => a.id === found.id) ?? null) : null;
  }
}
