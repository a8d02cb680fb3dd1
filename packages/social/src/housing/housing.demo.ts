import type { DemoPerson, RowFactory } from '@sl/core';
import { Provider } from '../provider/provider.entity.js';
import type { DemoStageOutcome } from '../stage/stage.demo.js';
import { HousingKind } from './housing.enums.js';
import { KINDS_WITH_OPERATOR } from './housing.service.js';
import { HousingOccupancy } from './housing-occupancy.entity.js';
import { HousingUnit } from './housing-unit.entity.js';

/** Places per kind: a 12-place training department as in seed 000 item 12, flats of 1–4. */
const PLACES: Record<HousingKind, number> = {
  [HousingKind.TRAINING_FLAT]: 4,
  [HousingKind.PROVIDER_UNIT]: 12,
  [HousingKind.RENTED_FLAT]: 2,
  [HousingKind.OWN_FLAT]: 1,
  [HousingKind.SOCIAL_TENANCY]: 1,
  [HousingKind.SPECIALISED_STOCK]: 6,
  [HousingKind.NGO_HOUSING]: 4,
  [HousingKind.DORMITORY]: 10,
  [HousingKind.HOTEL]: 8,
};
const STREETS = ['ул. Ленина', 'ул. Советская', 'ул. Мира', 'пр. Победы', 'ул. Гагарина', 'ул. Садовая'];

const plus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The units' ids and places, filled in order; more units when a large profile fills them. */
export interface HousingDemoState {
  units: { id: string; places: number; taken: number }[];
  cursor: number;
  grow: boolean;
  /** The registry's providers' ids (the operators of the units built later). */
  providers: string[];
}

/** Two units of each kind (the demo's housing stock). */
export function seedHousingUnits(
  rows: RowFactory,
  people: readonly DemoPerson[],
  providers: readonly Provider[],
  offset = 0,
): HousingUnit[] {
  if (people.length === 0) return [];
  const units: HousingUnit[] = [];
  Object.values(HousingKind).forEach((kind, k) => {
    for (let copy = 0; copy < 2; copy += 1) {
      const n = k * 2 + copy;
      const operator =
        KINDS_WITH_OPERATOR.has(kind) || n % 3 === 0 ? (providers[n % providers.length] ?? null) : null;
      const house = offset + n;
      units.push(
        rows.create(HousingUnit, {
          kind,
          address: `${STREETS[house % STREETS.length]}, д. ${3 + house * 2}, кв. ${10 + n}`,
          municipality: people[n % people.length]!.municipality,
          operator,
          places: PLACES[kind],
        }),
      );
    }
  });
  return units;
}

/**
 * A place for every person from the day their training stage began (001 §9.2: training flats and
 * the provider's units serve the stages), filled in order and never beyond a unit's places; a
 * terminated person's place ends on the termination's date (001 §17). Every ninth person moved
 * once (a closed place in the history). The demo's two units of each kind run out (the rest have
 * no place yet); a large profile builds two more of each kind whenever they do.
 */
export function seedHousingPlaces(
  rows: RowFactory,
  people: readonly DemoPerson[],
  outcomes: readonly DemoStageOutcome[],
  state: HousingDemoState,
  today: string,
): void {
  const { units } = state;
  for (const { person, trainingFrom, terminatedOn } of outcomes) {
    if (!trainingFrom) continue;
    // Only open places take a place now; a vacated one leaves its unit's count as it was.
    while (state.cursor < units.length && units[state.cursor]!.taken >= units[state.cursor]!.places) {
      state.cursor += 1;
    }
    if (state.cursor >= units.length && state.grow) {
      const operators = state.providers.map((id) => rows.getReference(Provider, id));
      const built = seedHousingUnits(rows, people, operators, units.length);
      units.push(...built.map((u) => ({ id: u.id, places: u.places, taken: 0 })));
    }
    const unit = units[state.cursor];
    if (!unit) break;
    let fromDate = trainingFrom;
    const moved = plus(trainingFrom, 30);
    if (person.index % 9 === 0 && moved <= (terminatedOn ?? today)) {
      rows.create(HousingOccupancy, {
        recipientId: person.id,
        unit: rows.getReference(HousingUnit, units[(state.cursor + 5) % units.length]!.id),
        fromDate: trainingFrom,
        toDate: plus(moved, -1),
      });
      fromDate = moved;
    }
    rows.create(HousingOccupancy, {
      recipientId: person.id,
      unit: rows.getReference(HousingUnit, unit.id),
      fromDate,
      toDate: terminatedOn,
    });
    if (!terminatedOn) unit.taken += 1;
  }
}
