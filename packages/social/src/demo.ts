import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { LifeLimitations, Recipient, Representative } from './recipient/recipient.entity.js';
import {
  DisabilityGroup,
  LegalCapacity,
  LIFE_CATEGORIES,
  RepresentativeKind,
  Sex,
} from './recipient/recipient.enums.js';

const STREETS = ['ул. Ленина', 'ул. Гагарина', 'ул. Садовая', 'пр-т Мира', 'ул. Советская', 'ул. Молодёжная'];
const GROUPS = [
  DisabilityGroup.GROUP_1,
  DisabilityGroup.GROUP_2,
  DisabilityGroup.GROUP_2,
  DisabilityGroup.GROUP_3,
];

/** The person's record, filled deterministically from their index. */
export function demoRecipient(em: EntityManager, p: DemoPerson): Recipient {
  const i = p.index;
  const limitations = new LifeLimitations();
  LIFE_CATEGORIES.forEach((category, k) => {
    limitations[category] = (i + k * 2) % 4;
  });
  // Every tenth person has limitations of degree 0–1 only: not eligible (002 §2).
  if (i % 10 === 7) for (const category of LIFE_CATEGORIES) limitations[category] = (i + category.length) % 2;
  const capacity = i % 5 === 3 ? LegalCapacity.LIMITED : LegalCapacity.FULL;
  const representative =
    capacity === LegalCapacity.LIMITED
      ? Object.assign(new Representative(), {
          kind: i % 2 === 0 ? RepresentativeKind.LEGAL : RepresentativeKind.AUTHORISED,
          fullName: `${p.lastName} ${i % 2 === 0 ? 'Ирина Петровна' : 'Сергей Иванович'}`,
          identityDocument: `паспорт ${String(4500 + (i % 400)).padStart(4, '0')} ${String(100000 + i * 37).slice(0, 6)}`,
          authorityDocument:
            i % 2 === 0 ? `распоряжение опеки № ${100 + i}` : `доверенность № 40АА${String(1000 + i)}`,
        })
      : null;
  return em.create(Recipient, {
    id: p.id,
    snils: p.snils,
    lastName: p.lastName,
    firstName: p.firstName,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    sex: p.sex === 'MALE' ? Sex.MALE : Sex.FEMALE,
    municipality: p.municipality,
    address: `${p.municipality}, ${STREETS[i % STREETS.length]}, д. ${1 + (i % 48)}, кв. ${1 + ((i * 7) % 120)}`,
    phone: `+7 9${String(10 + (i % 90))} ${String(100 + ((i * 13) % 900))}-${String(10 + (i % 90))}-${String(10 + ((i * 3) % 90))}`,
    email: i % 3 === 0 ? `person${i}@example.ru` : null,
    legalCapacity: capacity,
    representative,
    disabilityGroup: GROUPS[i % GROUPS.length]!,
    ipraNumber: `${1000 + i}.${40 + (i % 10)}.${i % 2 === 0 ? '40' : '51'}/2025`,
    ipraDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    limitations,
  });
}

export async function seedSocialDemo(em: EntityManager, people: DemoPerson[]): Promise<void> {
  if ((await em.count(Recipient, {})) > 0) return;
  for (const p of people) demoRecipient(em, p);
  await em.flush();
}
