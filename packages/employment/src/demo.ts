import { DEMO_TODAY, type DemoPerson, type DemoSeeder, type RowFactory } from '@sl/core';
import { Employer } from './employer/employer.entity.js';
import { withInnCheckDigits } from './employer/inn.js';
import { WorkRecommendation, WorkVerdict } from './ipra/work-recommendation.entity.js';
import { Placement } from './placement/placement.entity.js';
import { EmploymentSupport, SupportKind } from './support/employment-support.entity.js';
import { Vacancy, WorkplaceOrigin } from './vacancy/vacancy.entity.js';
import { WorkKind } from './work-kind.js';

const EMPLOYERS: [string, string][] = [
  ['ООО «Чистый город»', '390100001'],
  ['АО «Хлебозавод»', '390200002'],
  ['ИП Смирнова О. В.', '3901000003'],
  ['ГБУ «Центр социального обслуживания»', '390400004'],
];
const JOBS: [number, string, WorkKind, boolean, WorkplaceOrigin][] = [
  [0, 'Уборщик территории', WorkKind.CLEANING, true, WorkplaceOrigin.REGULAR],
  [1, 'Укладчик-упаковщик', WorkKind.PACKING, true, WorkplaceOrigin.EQUIPPED],
  [2, 'Помощник повара', WorkKind.FOOD_SERVICE, false, WorkplaceOrigin.CREATED],
  [3, 'Курьер', WorkKind.COURIER, false, WorkplaceOrigin.ABOVE_QUOTA],
];
const MENTORS = ['Иванова Т. П.', 'Петров С. А.', 'Кузнецова Е. В.'];

const DAY = 86_400_000;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Employment follows the person's journey (core's `demoJourney`, which social's case follows too):
 * jobs only for people whose application was granted, most of those in the main stage working
 * (from a date by which the journey has reached it), some in training in supported employment.
 */
function placementStart(p: DemoPerson): string {
  const { appliedOn, mainStage } = p.journey;
  const start = plusDays(appliedOn, mainStage ? 530 + (p.index % 30) : 30 + (p.index % 60));
  return start < DEMO_TODAY ? start : plusDays(DEMO_TODAY, -1);
}

/** The employers' ids, in the order of EMPLOYERS. */
interface EmploymentDemoState {
  employers: string[];
}

export const employmentDemo: DemoSeeder<EmploymentDemoState> = {
  hasData: async (em) => (await em.count(Employer, {})) > 0,
  async reference(em, people) {
    const employers = EMPLOYERS.map(([name, prefix], i) =>
      em.create(Employer, {
        name,
        inn: withInnCheckDigits(prefix),
        municipality: people[i]?.municipality ?? null,
      }),
    );
    JOBS.forEach(([employer, position, workKind, quota, origin], i) => {
      em.create(Vacancy, {
        employer: employers[employer]!,
        position,
        workKind,
        quota,
        origin,
        openedOn: `2025-0${1 + i}-10`,
        // The vacancies filled are closed; the others stay open.
        closedOn: i === 0 ? '2025-04-01' : null,
      });
    });
    await em.flush();
    return { employers: employers.map((e) => e.id) };
  },
  people: (rows, people, state) => seedEmploymentPeople(rows, people, state),
};

function seedEmploymentPeople(
  rows: RowFactory,
  people: readonly DemoPerson[],
  state: EmploymentDemoState,
): void {
  const employers = state.employers.map((id) => rows.getReference(Employer, id));
  for (const p of people) {
    const employed = p.journey.job !== 'NONE';
    if (p.index % 5 === 0 || employed) {
      const base = {
        recipientId: p.id,
        ipraNumber: `${1000 + p.index}.5.39/2024`,
        ipraIssuedOn: '2024-11-01',
      };
      rows.create(WorkRecommendation, {
        ...base,
        workKind: WorkKind.LIGHT_MANUAL,
        verdict: WorkVerdict.RECOMMENDED,
      });
      rows.create(WorkRecommendation, {
        ...base,
        workKind: WorkKind.WORK_AT_HEIGHT,
        verdict: WorkVerdict.FORBIDDEN,
      });
      rows.create(WorkRecommendation, {
        ...base,
        workKind: WorkKind.NIGHT_SHIFT,
        verdict: WorkVerdict.FORBIDDEN,
      });
    }
    if (employed) {
      const [employer, position, workKind, quota] = JOBS[p.index % JOBS.length]!;
      const supported = p.journey.job === 'SUPPORTED';
      rows.create(Placement, {
        recipientId: p.id,
        employer: employers[employer]!,
        position,
        workKind,
        startDate: placementStart(p),
        supported,
        mentorName: supported ? MENTORS[p.index % MENTORS.length]! : null,
        quota,
      });
    } else if (p.journey.mainStage || p.index % 4 === 2) {
      // Those without work in the main stage are on the agency's register (004 п. 2.1).
      rows.create(EmploymentSupport, {
        recipientId: p.id,
        kind: SupportKind.UNEMPLOYMENT_REGISTRATION,
        startDate: '2025-06-02',
      });
      if (p.index % 3 === 0) {
        rows.create(EmploymentSupport, {
          recipientId: p.id,
          kind: SupportKind.VOCATIONAL_TRAINING,
          programme: 'Оператор котельной',
          startDate: '2025-09-01',
          endDate: '2026-06-30',
        });
      }
    }
    if (p.index % 9 === 4) {
      rows.create(EmploymentSupport, {
        recipientId: p.id,
        kind: SupportKind.VOCATIONAL_GUIDANCE,
        startDate: '2025-05-15',
        endDate: '2025-05-15',
      });
    }
  }
}
