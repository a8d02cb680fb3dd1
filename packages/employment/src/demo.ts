import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { Placement } from './placement/placement.entity.js';

const JOBS: [string, string][] = [
  ['ООО «Чистый город»', 'Уборщик территории'],
  ['АО «Хлебозавод»', 'Укладчик-упаковщик'],
  ['ИП Смирнова О. В.', 'Помощник повара'],
  ['ГБУ «Центр социального обслуживания»', 'Курьер'],
];

export async function seedEmploymentDemo(em: EntityManager, people: DemoPerson[]): Promise<void> {
  if ((await em.count(Placement, {})) > 0) return;
  for (const p of people) {
    if (p.index % 4 !== 0) continue;
    const [employerName, position] = JOBS[p.index % JOBS.length]!;
    em.create(Placement, {
      recipientId: p.id,
      employerName,
      position,
      startDate: `2025-0${1 + (p.index % 9)}-01`,
      endDate: null,
      supported: p.index % 8 === 0,
    });
  }
  await em.flush();
}
