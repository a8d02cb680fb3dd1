import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  agencyIdOf,
  ConflictError,
  type ConnectionShape,
  isUuid,
  NotFoundError,
  type PageRequest,
  paginate,
} from '@sl/core';
import { comparable, oneLine } from '../text/clean.js';
import { Agency } from './agency.entity.js';
import { AGENCY_DIRECTORY } from './agency.fixture.js';
import type { CreateAgencyInput, UpdateAgencyInput } from './agency.inputs.js';
import { AgencyDirectory } from './agency-directory.js';

export class AgencyService {
  constructor(private readonly em: EntityManager) {}

  /** Adds the directory's agencies that are missing; an existing row is never duplicated. */
  async loadDirectory(directory = AGENCY_DIRECTORY): Promise<number> {
    const existing = await this.em.find(Agency, {}, { fields: ['id', 'region', 'name'] });
    const known = new Set(existing.flatMap((a) => [a.id, `${a.region}\u0000${a.name}`]));
    let added = 0;
    for (const [region, agencies] of Object.entries(directory)) {
      for (const seed of agencies) {
        // An agency an administrator renamed keeps its id: it is not added again under the old name.
        if (known.has(`${region}\u0000${seed.name}`) || known.has(agencyIdOf(region, seed.name))) continue;
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

  /** An administrator adds an agency; its id is `agencyIdOf(region, name)`, as the directory's. */
  async create(input: CreateAgencyInput): Promise<Agency> {
    const name = oneLine(input.name);
    const abbreviations = cleanAbbreviations(input.abbreviations);
    await this.assertDistinct(input.region, null, name, abbreviations);
    const agency = this.em.create(Agency, {
      id: agencyIdOf(input.region, name),
      region: input.region,
      name,
      abbreviations,
      kind: input.kind,
    });
    await this.em.flush();
    return agency;
  }

  /** Name, spellings and kind change; the id and region do not (accounts and items refer to it). */
  async update(input: UpdateAgencyInput): Promise<Agency> {
    const agency = await this.byId(input.id);
    if (!agency) throw new NotFoundError('Ведомство', input.id);
    const name = input.name === undefined ? agency.name : oneLine(input.name);
    const abbreviations =
      input.abbreviations === undefined ? agency.abbreviations : cleanAbbreviations(input.abbreviations);
    await this.assertDistinct(agency.region, agency.id, name, abbreviations);
    Object.assign(agency, { name, abbreviations, ...(input.kind ? { kind: input.kind } : {}) });
    await this.em.flush();
    return agency;
  }

  /**
   * Every name and spelling of a region stands for one agency: one that another agency already
   * answers to would make a roadmap's executors ambiguous.
   */
  private async assertDistinct(
    region: string,
    id: string | null,
    name: string,
    abbreviations: string[],
  ): Promise<void> {
    const others = (await this.em.find(Agency, { region })).filter((a) => a.id !== id);
    const taken = new Map(
      others.flatMap((a) => [a.name, ...a.abbreviations].map((s) => [comparable(s), a] as const)),
    );
    // A new agency's id comes from its name: one renamed from that name still holds the id.
    const owner =
      taken.get(comparable(name)) ??
      (id === null ? others.find((a) => a.id === agencyIdOf(region, name)) : undefined);
    if (owner) {
      throw new ConflictError('AGENCY_EXISTS', `В справочнике региона уже есть ведомство «${owner.name}»`, {
        field: 'name',
      });
    }
    for (const abbreviation of abbreviations) {
      const owner = taken.get(comparable(abbreviation));
      if (owner) {
        throw new ConflictError(
          'AGENCY_ABBREVIATION_TAKEN',
          `Сокращение «${abbreviation}» уже означает ведомство «${owner.name}»`,
          { field: 'abbreviations' },
        );
      }
    }
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

function cleanAbbreviations(list: string[]): string[] {
  const seen = new Set<string>();
  return list.map((a) => oneLine(a)).filter((a) => a && !seen.has(comparable(a)) && seen.add(comparable(a)));
}
