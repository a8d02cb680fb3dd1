import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type ConnectionShape, isUuid, NotFoundError, type PageRequest, paginate } from '@sl/core';
import { ItemExecutor, Roadmap, RoadmapItem } from './roadmap.entity.js';

export interface ItemFilter {
  roadmapId?: string | undefined;
  sectionId?: string | undefined;
  agencyId?: string | undefined;
}

export class RoadmapService {
  constructor(private readonly em: EntityManager) {}

  list(region: string | undefined, page: PageRequest): Promise<ConnectionShape<Roadmap>> {
    return paginate(
      this.em,
      Roadmap,
      region ? { region } : {},
      [
        { field: 'region', direction: 'ASC' },
        { field: 'importedAt', direction: 'DESC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  async get(id: string): Promise<Roadmap> {
    const found = isUuid(id) ? await this.em.findOne(Roadmap, { id }) : null;
    if (!found) throw new NotFoundError('Дорожная карта', id);
    return found;
  }

  async items(filter: ItemFilter, page: PageRequest): Promise<ConnectionShape<RoadmapItem>> {
    const where: FilterQuery<RoadmapItem> = { withdrawn: false };
    if (filter.roadmapId) where.roadmap = filter.roadmapId;
    if (filter.sectionId) where.section = filter.sectionId;
    if (filter.agencyId) {
      const rows = await this.em.find(ItemExecutor, { agency: filter.agencyId }, { fields: ['item'] });
      where.id = { $in: rows.map((r) => r.item.id) };
    }
    return paginate(
      this.em,
      RoadmapItem,
      where,
      [
        { field: 'roadmap', direction: 'ASC' },
        { field: 'position', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
      50,
    );
  }
}
