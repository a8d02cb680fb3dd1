import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { Recipient } from './recipient/recipient.entity.js';
import { seedStageDemo } from './stage/stage.demo.js';

export async function seedSocialDemo(em: EntityManager, people: DemoPerson[]): Promise<void> {
  if ((await em.count(Recipient, {})) > 0) return;
  for (const p of people) {
    em.create(Recipient, {
      id: p.id,
      snils: p.snils,
      lastName: p.lastName,
      firstName: p.firstName,
      patronymic: p.patronymic,
      birthDate: p.birthDate,
      municipality: p.municipality,
    });
  }
  await em.flush();
  seedStageDemo(em, people);
  await em.flush();
}
