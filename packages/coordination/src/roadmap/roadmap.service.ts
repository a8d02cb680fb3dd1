import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  type ConnectionShape,
  escapeLike,
  isUuid,
  NotFoundError,
  type PageRequest,
  paginate,
} from '@sl/core';
import { ItemExecutor, Roadmap, RoadmapItem } from './roadmap.entity.js';

export interface ItemFilter {
  roadmapId?: string | undefined;
  region?: string | undefined;
  sectionId?: string | undefined;
  agencyId?: string | undefined;
  search?: string | undefined;
}

/**
 * A picker's search: a number (`1.2`) finds that item and the items under it (1.2.3), never 1.20;
 * words find the measures holding every one of them, any case.
 */
export function itemSearch(search: string): FilterQuery<RoadmapItem> | null {
  const text = search.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)*\.?$/.test(text)) {
    const number = text.replace(/\.$/, '');
    return { $or: [{ number }, { number: { $like: `${escapeLike(number)}.%` } }] };
  }
  const words = text.split(/\s+/).filter(Boolean);
  return { $and: words.map((w) => ({ measure: { $ilike: `%${escapeLike(w)}%` } })) };
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
    if (filter.roadmapId || filter.region) {
      where.roadmap = {
        ...(filter.roadmapId ? { id: filter.roadmapId } : {}),
        ...(filter.region ? { region: filter.region } : {}),
      };
    }
    if (filter.sectionId) where.section = filter.sectionId;
    if (filter.agencyId) {
      const rows = await this.em.find(ItemExecutor, { agency: filter.agencyId }, { fields: ['item'] });
      where.id = { $in: rows.map((r) => r.item.id) };
    }
    const search = filter.search ? itemSearch(filter.search) : null;
    if (search) Object.assign(where, search);
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
