import type { DemoPerson, DemoSeeder, RowFactory } from '@sl/core';
import { EducationLevel, Enrolment, EnrolmentStatus, StudyForm } from './enrolment/enrolment.entity.js';
import { GuidanceSession } from './guidance/guidance-session.entity.js';
import { PmpkRecommendation } from './pmpk/pmpk-recommendation.entity.js';

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

export const educationDemo: DemoSeeder<null> = {
  hasData: async (em) => (await em.count(Enrolment, {})) > 0,
  reference: async () => null,
  people: (rows, people) => seedEducationPeople(rows, people),
};

function seedEducationPeople(rows: RowFactory, people: readonly DemoPerson[]): void {
  const forms = Object.values(StudyForm);
  for (const p of people) {
    // seed 003 item 2.14: a ПМПК recommendation comes before general education.
    if (p.index % 10 === 3) {
      rows.create(PmpkRecommendation, {
        recipientId: p.id,
        issuedOn: '2024-06-14',
        commission: 'Центральная психолого-медико-педагогическая комиссия',
        programme: 'Адаптированная основная общеобразовательная программа (вариант 2)',
        conditions: 'Сопровождение тьютора, обучение в малой группе',
      });
    }
    // seed 003 item 2.16: vocational guidance, mostly for people preparing for the main stage.
    if (p.index % 8 === 2 || p.index % 8 === 3) {
      rows.create(GuidanceSession, {
        recipientId: p.id,
        heldOn: `2025-${String(1 + (p.index % 12)).padStart(2, '0')}-20`,
        organisation: 'Профессионально-педагогический колледж',
        suggestedProfessions: ['Садовник', 'Укладчик-упаковщик'],
      });
    }
    if (p.journey.education === 'NONE') continue;
    const [level, organisation, programme] = PROGRAMMES[p.index % PROGRAMMES.length]!;
    const completed = p.journey.education === 'COMPLETED';
    rows.create(Enrolment, {
      recipientId: p.id,
      level,
      organisation,
      programme,
      form: forms[p.index % forms.length]!,
      startDate: `202${4 + (p.index % 2)}-09-01`,
      endDate: completed ? `202${5 + (p.index % 2)}-06-30` : null,
      status: completed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.ACTIVE,
    });
  }
}
