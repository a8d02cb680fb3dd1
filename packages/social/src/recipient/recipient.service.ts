import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  type ConnectionShape,
  isUuid,
  NotFoundError,
  normalizeSnils,
  type PageRequest,
  paginate,
  type SortKey,
} from '@sl/core';
import { Recipient } from './recipient.entity.js';
import { type RecipientFilter, type RecipientOrder, RecipientSortField } from './recipient.inputs.js';

const SORT_KEYS: Record<RecipientSortField, (keyof Recipient & string)[]> = {
  [RecipientSortField.NAME]: ['lastName', 'firstName', 'patronymic', 'id'],
  [RecipientSortField.BIRTH_DATE]: ['birthDate', 'id'],
};

export class RecipientService {
  constructor(private readonly em: EntityManager) {}

  list(
    filter: RecipientFilter = {},
    order?: RecipientOrder,
    page: PageRequest = {},
  ): Promise<ConnectionShape<Recipient>> {
    const where: FilterQuery<Recipient> = {};
    if (filter.municipality) where.municipality = filter.municipality;
    if (filter.snils) where.snils = normalizeSnils(filter.snils);
    const direction = order?.direction ?? 'ASC';
    const keys: SortKey[] = SORT_KEYS[order?.field ?? RecipientSortField.NAME].map((field) => ({
      field,
      direction,
    }));
    return paginate(this.em, Recipient, where, keys, page);
  }

  async get(id: string): Promise<Recipient> {
    const found = isUuid(id) ? await this.em.findOne(Recipient, { id }) : null;
    if (!found) throw new NotFoundError('Получатель', id);
    return found;
  }
}
