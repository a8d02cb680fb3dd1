import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type DemoSeeder, systemClock } from '@sl/core';
import { Agency } from './agency/agency.entity.js';
import { CouncilDecision, CouncilMeeting, DecisionStatus } from './council/council.entity.js';
import { NeedRegistryEntry } from './need-registry/need-registry.entity.js';
import { Obligation, ProgressReport, StoredObligationStatus } from './obligation/obligation.entity.js';
import { Roadmap, RoadmapItem } from './roadmap/roadmap.entity.js';
import { RoadmapImportService } from './roadmap/roadmap-import.service.js';

const SOURCES = [
  'ГБСУ СО «Психоневрологический интернат»',
  'Отдел социальной защиты муниципалитета',
  'Заявление семьи',
];

export const DEMO_ROADMAP_REGION = 'kaliningrad';
/** Seed 000 as committed with the package (copied into dist by the build). */
const DEMO_ROADMAP = new URL('./fixtures/seeds/kaliningrad-000.txt', import.meta.url);

/** The need registry for every person; the roadmap (reference data) once. */
export const coordinationDemo: DemoSeeder<null> = {
  hasData: async (em) => (await em.count(NeedRegistryEntry, {})) > 0,
  async reference(em) {
    if ((await em.count(Roadmap, { region: DEMO_ROADMAP_REGION })) === 0) await seedRoadmapDemo(em);
    return null;
  },
  people(rows, people) {
    for (const p of people) {
      rows.create(NeedRegistryEntry, {
        recipientId: p.id,
        identifiedOn: `202${3 + (p.index % 3)}-${String(1 + (p.index % 12)).padStart(2, '0')}-10`,
        source: SOURCES[p.index % SOURCES.length]!,
      });
    }
  },
};

/**
 * The real Kaliningrad roadmap (seed 000) with a plausible execution: what was due by mid-2025 is
 * done except items 3 and 13 (late from then on), item 16 in progress, and one Council meeting
 * with a decision done, one overdue and one ahead. Fixed dates, so the demo is the same everywhere.
 */
async function seedRoadmapDemo(em: EntityManager): Promise<void> {
  const result = await new RoadmapImportService(em, systemClock).import({
    region: DEMO_ROADMAP_REGION,
    filename: 'kaliningrad-312-rp.txt',
    contentBase64: readFileSync(DEMO_ROADMAP).toString('base64'),
  });
  const roadmap = result.roadmap!;
  const obligations = await em.find(
    Obligation,
    { roadmap },
    { populate: ['item'], orderBy: { dueDate: 'asc', id: 'asc' } },
  );
  for (const o of obligations) {
    const key = o.item.key;
    if (o.dueDate <= '2025-06-30' && key !== '3' && key !== '13') {
      o.status = StoredObligationStatus.DONE;
      o.completedOn = o.dueDate;
      em.create(ProgressReport, {
        obligation: o,
        agency: o.responsibleAgency,
        reportedOn: o.dueDate,
        text: `Выполнено: ${o.item.measure.slice(0, 120)}`,
        figures: o.item.targets.map((t) => ({ targetIndex: t.index, value: t.value })),
      });
    } else if (key === '16') {
      o.status = StoredObligationStatus.IN_PROGRESS;
      em.create(ProgressReport, {
        obligation: o,
        agency: o.responsibleAgency,
        reportedOn: '2025-11-20',
        text: 'Подготовлены формы федерального статистического наблюдения, идёт сбор данных',
        figures: [],
      });
    }
  }
  const social = await em.findOneOrFail(Agency, {
    region: DEMO_ROADMAP_REGION,
    name: 'Министерство социальной политики Калининградской области',
  });
  const education = await em.findOneOrFail(Agency, {
    region: DEMO_ROADMAP_REGION,
    name: 'Министерство образования Калининградской области',
  });
  const items = new Map((await em.find(RoadmapItem, { roadmap })).map((i) => [i.key, i]));
  const meeting = em.create(CouncilMeeting, {
    region: DEMO_ROADMAP_REGION,
    heldOn: '2025-02-14',
    agenda:
      'О ходе реализации плана мероприятий («дорожной карты») по развитию сопровождаемого проживания инвалидов',
    attendees: [
      'Председатель Совета по делам инвалидов при Губернаторе Калининградской области',
      'Министр социальной политики Калининградской области',
      'Министр образования Калининградской области',
      'Представитель регионального отделения ВОИ',
    ],
    protocolNumber: '1',
    protocol: 'Заслушан доклад о создании учебно-тренировочного отделения на 12 мест и учебных квартир.',
  });
  const decisions: [string, string, Agency, string, string[], DecisionStatus, string | null][] = [
    [
      '1',
      'Обеспечить работу учебно-тренировочного отделения «Яблоневый сад» на 12 мест',
      social,
      '2025-04-01',
      ['12'],
      DecisionStatus.DONE,
      '2025-03-28',
    ],
    [
      '2',
      'Завершить организацию учебно-тренировочной квартиры «Особый ребенок»',
      social,
      '2025-09-01',
      ['13'],
      DecisionStatus.OPEN,
      null,
    ],
    [
      '3',
      'Представить предложения по обучению инвалидов на сопровождаемом проживании',
      education,
      '2027-03-01',
      ['9', '20'],
      DecisionStatus.OPEN,
      null,
    ],
  ];
  for (const [number, text, assignee, dueDate, keys, status, doneOn] of decisions) {
    const decision = em.create(CouncilDecision, { meeting, number, text, assignee, dueDate, status, doneOn });
    for (const key of keys) decision.items.add(items.get(key)!);
  }
  await em.flush();
}
