import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionShape,
  isUuid,
  NotFoundError,
  type PageRequest,
  paginate,
} from '@sl/core';
import { murmanskProviders } from './murmansk-providers.data.js';
import { Provider } from './provider.entity.js';
import type { CreateProviderInput, ProviderFilter, UpdateProviderInput } from './provider.inputs.js';
import type { ProviderRecord } from './provider-import.js';

/** The regions whose published list of providers is shipped as reference data. */
const REGISTRIES: Record<string, ProviderRecord[]> = { murmansk: murmanskProviders };

export class ProviderService {
  constructor(private readonly em: EntityManager) {}

  list(filter: ProviderFilter = {}, page: PageRequest = {}): Promise<ConnectionShape<Provider>> {
    const where: FilterQuery<Provider> = {};
    if (filter.municipality) where.municipality = filter.municipality;
    if (filter.form) where.forms = { $contains: [filter.form] };
    return paginate(
      this.em,
      Provider,
      where,
      [
        { field: 'shortName', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  async get(id: string): Promise<Provider> {
    const found = isUuid(id) ? await this.em.findOne(Provider, { id }) : null;
    if (!found) throw new NotFoundError('Поставщик социальных услуг', id);
    return found;
  }

  async create(input: CreateProviderInput): Promise<Provider> {
    return this.em.transactional(async (em) => {
      await assertNameFree(em, input.name);
      const provider = em.create(Provider, {
        name: input.name.trim(),
        shortName: input.shortName.trim(),
        postalAddress: input.postalAddress.trim(),
        municipality: input.municipality.trim(),
        phone: input.phone ?? null,
        email: input.email ?? null,
        forms: input.forms,
        inn: input.inn ?? null,
      });
      await em.flush();
      return provider;
    });
  }

  async update(input: UpdateProviderInput): Promise<Provider> {
    return this.em.transactional(async (em) => {
      const provider = await new ProviderService(em).get(input.id);
      if (input.name !== undefined && input.name.trim() !== provider.name) {
        await assertNameFree(em, input.name);
      }
      const { id: _id, ...changes } = input;
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        (provider as unknown as Record<string, unknown>)[key] =
          typeof value === 'string' ? value.trim() : value;
      }
      await em.flush();
      return provider;
    });
  }

  /**
   * Upserts the region's published registry by the provider's name: running it at every start
   * neither duplicates a provider nor loses one a coordinator added by hand.
   */
  static async seedRegistry(em: EntityManager, region: string): Promise<number> {
    const records = REGISTRIES[region];
    if (!records) return 0;
    const existing = await em.find(Provider, { name: { $in: records.map((r) => r.name) } });
    const byName = new Map(existing.map((p) => [p.name, p]));
    for (const record of records) {
      const { name, ...data } = record;
      const found = byName.get(name);
      if (found) em.assign(found, data);
      else em.create(Provider, { name, ...data });
    }
    await em.flush();
    return records.length;
  }
}

async function assertNameFree(em: EntityManager, name: string): Promise<void> {
  if (await em.count(Provider, { name: name.trim() })) {
    throw new ConflictError(
      'PROVIDER_EXISTS',
      `Поставщик с наименованием «${name.trim()}» уже есть в реестре`,
      {
        field: 'name',
      },
    );
  }
}
