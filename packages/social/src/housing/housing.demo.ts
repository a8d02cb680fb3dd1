import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import type { Provider } from '../provider/provider.entity.js';
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

/**
 * Two units of each kind; a place for every person from the day their training stage began
 * (001 §9.2: training flats and the provider's units serve the stages), filled in order and never
 * beyond a unit's places; a terminated person's place ends on the termination's date (001 §17).
 * Every ninth person moved once (a closed place in the history).
 */
export function seedHousingDemo(
  em: EntityManager,
  people: DemoPerson[],
  providers: Provider[],
  outcomes: readonly DemoStageOutcome[],
  today: string,
): void {
  if (people.length === 0) return;
  const units: HousingUnit[] = [];
  Object.values(HousingKind).forEach((kind, k) => {
    for (let copy = 0; copy < 2; copy += 1) {
      const n = k * 2 + copy;
      const operator =
        KINDS_WITH_OPERATOR.has(kind) || n % 3 === 0 ? (providers[n % providers.length] ?? null) : null;
      units.push(
        em.create(HousingUnit, {
          kind,
          address: `${STREETS[n % STREETS.length]}, д. ${3 + n * 2}, кв. ${10 + n}`,
          municipality: people[n % people.length]!.municipality,
          operator,
          places: PLACES[kind],
        }),
      );
    }
  });
  const taken = new Map<HousingUnit, number>();
  let u = 0;
  for (const { person, trainingFrom, terminatedOn } of outcomes) {
    if (!trainingFrom) continue;
    // Only open places take a place now; a vacated one leaves its unit's count as it was.
    while (u < units.length && (taken.get(units[u]!) ?? 0) >= units[u]!.places) u += 1;
    const unit = units[u];
    if (!unit) break;
    let fromDate = trainingFrom;
    const moved = plus(trainingFrom, 30);
    if (person.index % 9 === 0 && moved <= (terminatedOn ?? today)) {
      em.create(HousingOccupancy, {
        recipientId: person.id,
        unit: units[(u + 5) % units.length]!,
        fromDate: trainingFrom,
        toDate: plus(moved, -1),
      });
      fromDate = moved;
    }
    em.create(HousingOccupancy, { recipientId: person.id, unit, fromDate, toDate: terminatedOn });
    if (!terminatedOn) taken.set(unit, (taken.get(unit) ?? 0) + 1);
  }
}
