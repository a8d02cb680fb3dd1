import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { seedHousingDemo } from './housing/housing.demo.js';
import { Provider } from './provider/provider.entity.js';
import { ProviderService } from './provider/provider.service.js';
import { Recipient } from './recipient/recipient.entity.js';
import { seedServicesDemo } from './services/services.demo.js';
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
  // The Murmansk registry is real reference data: in any region's demo it serves as the registry.
  await ProviderService.seedRegistry(em, 'murmansk');
  const providers = await em.find(Provider, {}, { orderBy: { name: 'asc' } });
  seedHousingDemo(em, people, providers);
  seedServicesDemo(em, people, providers);
  seedStageDemo(em, people);
  await em.flush();
}
