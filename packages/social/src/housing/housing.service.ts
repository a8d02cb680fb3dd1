import { LockMode, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  type AuditTrail,
  ConflictError,
  type ConnectionShape,
  escapeLike,
  isUuid,
  NotFoundError,
  type PageRequest,
  paginate,
  RecipientNotFoundError,
  ValidationError,
} from '@sl/core';
import { assertGrantInForce } from '../application/grant-status.js';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { HousingKind } from './housing.enums.js';
import type {
  AssignHousingInput,
  CreateHousingUnitInput,
  HousingUnitFilter,
  UpdateHousingUnitInput,
  VacateHousingInput,
} from './housing.inputs.js';
import { HousingOccupancy } from './housing-occupancy.entity.js';
import { HousingUnit } from './housing-unit.entity.js';

/** Kinds that by definition belong to a provider (001 §9.2: "of the provider"; 003 item 2.12: NGO). */
export const KINDS_WITH_OPERATOR: ReadonlySet<HousingKind> = new Set([
  HousingKind.TRAINING_FLAT,
  HousingKind.PROVIDER_UNIT,
  HousingKind.NGO_HOUSING,
  HousingKind.HOTEL,
]);

export function snapshotOccupancy(o: HousingOccupancy) {
  return { id: o.id, recipientId: o.recipientId, unitId: o.unit.id, fromDate: o.fromDate, toDate: o.toDate };
}

export class HousingService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit?: AuditTrail,
  ) {}

  list(filter: HousingUnitFilter = {}, page: PageRequest = {}): Promise<ConnectionShape<HousingUnit>> {
    const where: FilterQuery<HousingUnit> & Record<string, unknown> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.municipality) where.municipality = filter.municipality;
    if (filter.operatorId) where.operator = filter.operatorId;
    if (filter.address) where.address = { $ilike: `%${escapeLike(filter.address.trim())}%` };
    const conditions: FilterQuery<HousingUnit>[] = [where];
    // Open occupancies are counted in the same SELECT (the occupancy index on unit, to_date).
    if (filter.withFreePlaces) {
      conditions.push({
        [raw(
          (alias) =>
            `${alias}.places > (select count(*) from social.housing_occupancy o where o.unit_id = ${alias}.id and o.to_date is null)`,
        )]: [],
      } as FilterQuery<HousingUnit>);
    }
    return paginate(
      this.em,
      HousingUnit,
      conditions.length > 1 ? { $and: conditions } : where,
      [
        { field: 'address', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  async get(id: string): Promise<HousingUnit> {
    const found = isUuid(id) ? await this.em.findOne(HousingUnit, { id }) : null;
    if (!found) throw new NotFoundError('Жилое помещение', id);
    return found;
  }

  create(input: CreateHousingUnitInput): Promise<HousingUnit> {
    return this.em.transactional(async (em) => {
      const operator = await operatorFor(em, input.kind, input.operatorId ?? null);
      const unit = em.create(HousingUnit, {
        kind: input.kind,
        address: input.address.trim(),
        municipality: input.municipality.trim(),
        operator,
        places: input.places,
      });
      await em.flush();
      return unit;
    });
  }

  update(input: UpdateHousingUnitInput): Promise<HousingUnit> {
    return this.em.transactional(async (em) => {
      const unit = await lockUnit(em, input.id);
      const kind = input.kind ?? unit.kind;
      const operatorId = input.operatorId === undefined ? (unit.operator?.id ?? null) : input.operatorId;
      unit.operator = await operatorFor(em, kind, operatorId);
      unit.kind = kind;
      if (input.address !== undefined) unit.address = input.address.trim();
      if (input.municipality !== undefined) unit.municipality = input.municipality.trim();
      if (input.places !== undefined) {
        const occupied = await em.count(HousingOccupancy, { unit: unit.id, toDate: null });
        if (input.places < occupied) {
          throw new ValidationError(
            `Нельзя уменьшить число мест до ${input.places}: сейчас в помещении проживают ${occupied} чел.`,
            'places',
            'CAPACITY_EXCEEDED',
            { places: input.places, occupied },
          );
        }
        unit.places = input.places;
      }
      await em.flush();
      return unit;
    });
  }

  /**
   * Gives the person a place. The unit's row is locked (`SELECT … FOR UPDATE`) before the places
   * are counted, so two coordinators taking the last place at the same moment are serialised:
   * the second one counts after the first has committed and is refused.
   */
  assign(input: AssignHousingInput, today: string): Promise<HousingOccupancy> {
    const fromDate = input.fromDate ?? today;
    return this.em
      .transactional(async (em) => {
        const unit = await lockUnit(em, input.unitId);
        if (!(await em.count(Recipient, { id: input.recipientId }))) {
          throw new RecipientNotFoundError(input.recipientId);
        }
        const grant = await assertGrantInForce(em, input.recipientId, 'Заселение', 'recipientId');
        if (fromDate < grant.decidedOn) {
          throw new ValidationError(
            `Дата заселения раньше решения о предоставлении сопровождаемого проживания (${grant.decidedOn})`,
            'fromDate',
            'HOUSING_BEFORE_GRANT',
            { decidedOn: grant.decidedOn },
          );
        }
        const open = await em.findOne(HousingOccupancy, { recipientId: input.recipientId, toDate: null });
        if (open) {
          throw new ConflictError(
            'ALREADY_HOUSED',
            'У получателя уже есть место проживания: сначала освободите его',
            { field: 'recipientId', occupancyId: open.id },
          );
        }
        const later = await em.count(HousingOccupancy, {
          recipientId: input.recipientId,
          toDate: { $gt: fromDate },
        });
        if (later > 0) {
          throw new ValidationError(
            'Дата заселения приходится на период прежнего проживания получателя',
            'fromDate',
            'HOUSING_PERIOD_OVERLAP',
          );
        }
        const busiest = await busiestDayFrom(em, unit.id, fromDate);
        if (busiest.occupied >= unit.places) {
          throw new ConflictError(
            'CAPACITY_EXCEEDED',
            busiest.day === fromDate
              ? `В помещении нет свободных мест на ${fromDate}: занято ${busiest.occupied} из ${unit.places}`
              : `С ${fromDate} место не свободно на каждый день: ${busiest.day} заняты ${busiest.occupied} из ${unit.places}`,
            { field: 'unitId', places: unit.places, occupied: busiest.occupied, day: busiest.day },
          );
        }
        const occupancy = em.create(HousingOccupancy, { recipientId: input.recipientId, unit, fromDate });
        await em.flush();
        this.audit?.change({
          recipientId: input.recipientId,
          entity: 'HousingOccupancy',
          entityId: occupancy.id,
          action: 'create',
          before: null,
          after: snapshotOccupancy(occupancy),
        });
        return occupancy;
      })
      .catch((error: unknown) => {
        // The partial unique index is the last word when the same person is placed twice at once.
        if (error instanceof UniqueConstraintViolationException) {
          throw new ConflictError('ALREADY_HOUSED', 'У получателя уже есть место проживания', {
            field: 'recipientId',
          });
        }
        throw error;
      });
  }

  vacate(input: VacateHousingInput, today: string): Promise<HousingOccupancy> {
    const date = input.date ?? today;
    return this.em.transactional(async (em) => {
      const open = await em.findOne(
        HousingOccupancy,
        { recipientId: input.recipientId, toDate: null },
        { populate: ['unit'] },
      );
      if (!open) {
        throw new ValidationError('У получателя нет текущего места проживания', 'recipientId', 'NOT_HOUSED');
      }
      if (date < open.fromDate) {
        throw new ValidationError(
          `Дата выезда раньше даты заселения (${open.fromDate})`,
          'date',
          'DATE_BEFORE_START',
        );
      }
      const before = snapshotOccupancy(open);
      open.toDate = date;
      await em.flush();
      this.audit?.change({
        recipientId: input.recipientId,
        entity: 'HousingOccupancy',
        entityId: open.id,
        action: 'update',
        before,
        after: snapshotOccupancy(open),
      });
      return open;
    });
  }

  /**
   * Closes every open place of the person on `date` (termination, 001 §17), keeping the history.
   * Runs in the caller's transaction; a place taken after `date` ends on its first day.
   */
  static async vacateAll(
    em: EntityManager,
    recipientId: string,
    date: string,
    audit?: AuditTrail,
  ): Promise<HousingOccupancy[]> {
    const open = await em.find(HousingOccupancy, { recipientId, toDate: null }, { populate: ['unit'] });
    for (const occupancy of open) {
      const before = snapshotOccupancy(occupancy);
      occupancy.toDate = date < occupancy.fromDate ? occupancy.fromDate : date;
      audit?.change({
        recipientId,
        entity: 'HousingOccupancy',
        entityId: occupancy.id,
        action: 'update',
        before,
        after: snapshotOccupancy(occupancy),
      });
    }
    await em.flush();
    return open;
  }
}

/**
 * The day from `fromDate` on when most places of the unit are taken, and how many. A placement runs
 * open-ended from its first day, so it fits only if a place is free on every day from then on —
 * back-dated placements too. Occupancy periods are half-open: a place is free again on its `toDate`.
 * The count can only rise on a day someone moves in, so those days (and `fromDate`) are the ones to try.
 */
async function busiestDayFrom(
  em: EntityManager,
  unitId: string,
  fromDate: string,
): Promise<{ day: string; occupied: number }> {
  const [row] = (await em.getConnection().execute(
    `with o as (select from_date, to_date from social.housing_occupancy where unit_id = ?
                  and (to_date is null or to_date > ?::date)),
          days as (select ?::date as day union select from_date from o where from_date > ?::date)
     select to_char(d.day, 'YYYY-MM-DD') as day,
            (select count(*) from o where o.from_date <= d.day and (o.to_date is null or o.to_date > d.day))::int as occupied
       from days d order by occupied desc, d.day limit 1`,
    [unitId, fromDate, fromDate, fromDate],
    'all',
    em.getTransactionContext(),
  )) as { day: string; occupied: number }[];
  return row ?? { day: fromDate, occupied: 0 };
}

async function lockUnit(em: EntityManager, id: string): Promise<HousingUnit> {
  const unit = isUuid(id)
    ? await em.findOne(HousingUnit, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!unit) throw new NotFoundError('Жилое помещение', id);
  return unit;
}

async function operatorFor(
  em: EntityManager,
  kind: HousingKind,
  operatorId: string | null,
): Promise<Provider | null> {
  if (!operatorId) {
    if (KINDS_WITH_OPERATOR.has(kind)) {
      throw new ValidationError(
        'Для помещения этого вида укажите поставщика, в структуре которого оно находится',
        'operatorId',
        'OPERATOR_REQUIRED',
      );
    }
    return null;
  }
  const operator = await em.findOne(Provider, { id: operatorId });
  if (!operator) throw new NotFoundError('Поставщик социальных услуг', operatorId);
  return operator;
}
