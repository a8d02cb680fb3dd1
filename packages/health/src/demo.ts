import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';

const ORGANISATIONS = [
  'ГБУЗ «Областная клиническая больница»',
  'ГБУЗ «Городская поликлиника № 2»',
  'ГБУЗ «Центральная районная больница»',
];

export async function seedHealthDemo(em: EntityManager, people: DemoPerson[]): Promise<void> {
  if ((await em.count(MedicalConclusion, {})) > 0) return;
  for (const p of people) {
    // Two in three applicants bring the optional conclusion (seed 001 §3).
    if (p.index % 3 === 2) continue;
    const year = 2024 + (p.index % 3);
    em.create(MedicalConclusion, {
      recipientId: p.id,
      issuedOn: `${year}-0${1 + (p.index % 9)}-15`,
      contraindicationsPresent: p.index % 17 === 0,
      organisation: ORGANISATIONS[p.index % ORGANISATIONS.length]!,
      validUntil: `${year + 1}-0${1 + (p.index % 9)}-14`,
    });
  }
  await em.flush();
}
