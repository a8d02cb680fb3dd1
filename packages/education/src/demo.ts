import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '@sl/core';
import { EducationLevel, Enrolment, EnrolmentStatus } from './enrolment/enrolment.entity.js';

const PROGRAMMES: [EducationLevel, string, string][] = [
  [EducationLevel.VOCATIONAL, 'ГАПОУ «Колледж информационных технологий»', 'Оператор ЭВМ'],
  [EducationLevel.VOCATIONAL, 'ГБПОУ «Техникум сервиса»', 'Повар'],
  [
    EducationLevel.FURTHER_PROFESSIONAL,
    'Центр дополнительного образования',
    'Основы работы с офисными программами',
  ],
  [EducationLevel.GENERAL, 'Вечерняя (сменная) школа № 1', 'Основное общее образование'],
];

export async function seedEducationDemo(em: EntityManager, people: DemoPerson[]): Promise<void> {
  if ((await em.count(Enrolment, {})) > 0) return;
  for (const p of people) {
    if (p.index % 5 !== 1) continue;
    const [level, organisation, programme] = PROGRAMMES[p.index % PROGRAMMES.length]!;
    const completed = p.index % 2 === 0;
    em.create(Enrolment, {
      recipientId: p.id,
      level,
      organisation,
      programme,
      startDate: `202${4 + (p.index % 2)}-09-01`,
      endDate: completed ? `202${5 + (p.index % 2)}-06-30` : null,
      status: completed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.ACTIVE,
    });
  }
  await em.flush();
}
