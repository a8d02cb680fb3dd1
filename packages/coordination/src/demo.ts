import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { NeedRegistryEntry } from './need-registry/need-registry.entity.js';

const SOURCES = [
  'ГБСУ СО «Психоневрологический интернат»',
  'Отдел социальной защиты муниципалитета',
  'Заявление семьи',
];

export async function seedCoordinationDemo(em: EntityManager, people: DemoPerson[]): Promise<void> {
  if ((await em.count(NeedRegistryEntry, {})) > 0) return;
  for (const p of people) {
    em.create(NeedRegistryEntry, {
      recipientId: p.id,
      identifiedOn: `202${3 + (p.index % 3)}-${String(1 + (p.index % 12)).padStart(2, '0')}-10`,
      source: SOURCES[p.index % SOURCES.length]!,
    });
  }
  await em.flush();
}
