import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowFactory } from '@sl/core';
import { Provider } from '../provider/provider.entity.js';
import type { DemoStageOutcome } from '../stage/stage.demo.js';
import { RehabilitationRoute, RouteGoal } from './rehabilitation-route.entity.js';
import { ServicePlan } from './service-plan.entity.js';
import { GoalStatus, StaffRole } from './services.enums.js';
import { StaffMember } from './staff-member.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import { Visit } from './visit.entity.js';

/** The demo's "recent weeks" end on this Monday, so the data is the same on every machine. */
export const DEMO_LAST_WEEK = '2026-11-16';
const WEEKS = 6;
const TEAM_ROLES = [
  StaffRole.SOCIAL_WORKER,
  StaffRole.SOCIAL_WORK_SPECIALIST,
  StaffRole.REHABILITATION_SPECIALIST,
  StaffRole.PSYCHOLOGIST,
];
const GOALS = [
  'Самостоятельно готовить простые блюда',
  'Планировать покупки и оплачивать их',
  'Пользоваться общественным транспортом по знакомому маршруту',
  'Соблюдать режим дня и приёма лекарств',
  'Поддерживать порядок в комнате',
  'Записываться на приём к врачу',
];
const STAFF_NAMES = [
  'Иванова',
  'Смирнова',
  'Кузнецов',
  'Попова',
  'Васильев',
  'Петрова',
  'Соколова',
  'Михайлов',
  'Новикова',
  'Фёдоров',
  'Морозова',
  'Волков',
  'Алексеева',
];
const INITIALS = [
  'А. С.',
  'Е. В.',
  'О. Н.',
  'И. П.',
  'М. А.',
  'Т. Г.',
  'Н. Д.',
  'С. Ю.',
  'В. К.',
  'Л. М.',
  'Д. И.',
];
const HOURS_PER_WEEK = [6, 10, 12, 20, 28];

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Four team members per provider, keyed by the provider's id. */
export function seedStaff(em: EntityManager, providers: readonly Provider[]): Map<string, StaffMember[]> {
  let n = 0;
  const staff = new Map<string, StaffMember[]>();
  for (const provider of providers) {
    staff.set(
      provider.id,
      TEAM_ROLES.map((role) => {
        n += 1;
        const fullName = `${STAFF_NAMES[n % STAFF_NAMES.length]} ${INITIALS[(n * 7) % INITIALS.length]}`;
        return em.create(StaffMember, { fullName, role, provider });
      }),
    );
  }
  return staff;
}

/**
 * For every person from the day their training stage began, a service plan with the stage's
 * provider (the main stage's hours when they are in it), a team of two or three of its staff
 * (`staff`: the staff ids per provider id), a rehabilitation route with goals, and two visits a
 * week in the recent `weeks` the plan covers (delivered, except the last week's second visit,
 * still ahead). A termination closed the plan and the team on its date; such people have no
 * recent visits.
 */
export function seedServicesPeople(
  rows: RowFactory,
  outcomes: readonly DemoStageOutcome[],
  staff: ReadonlyMap<string, readonly string[]>,
  today: string,
  weeks = WEEKS,
): void {
  const firstWeek = addDays(DEMO_LAST_WEEK, -7 * (weeks - 1));
  // Everyone's visits fall on the same days: worked out once, not for each person.
  const visitDays = Array.from({ length: weeks }, (_, w) => {
    const monday = addDays(firstWeek, 7 * w);
    return [1, 3].map((day, slot) => {
      const on = addDays(monday, day);
      return { w, slot, on, at: Date.parse(`${on}T${10 + slot * 4}:00:00+03:00`) };
    });
  }).flat();
  for (const { person, provider: stageProvider, trainingFrom, terminatedOn, mainHoursPerWeek } of outcomes) {
    if (!trainingFrom) continue;
    const provider = rows.getReference(Provider, stageProvider.id);
    const members = staff.get(provider.id)!.map((id) => rows.getReference(StaffMember, id));
    const fromDate = trainingFrom;
    const toDate = terminatedOn;
    rows.create(ServicePlan, {
      recipientId: person.id,
      provider,
      hoursPerWeek: mainHoursPerWeek ?? HOURS_PER_WEEK[person.index % HOURS_PER_WEEK.length]!,
      fromDate,
      toDate,
    });
    const team = members.slice(0, 2 + (person.index % 2));
    for (const staffMember of team) {
      rows.create(TeamAssignment, { recipientId: person.id, staffMember, fromDate, toDate });
    }
    const route = rows.create(RehabilitationRoute, {
      recipientId: person.id,
      provider,
      approvedOn: fromDate,
    });
    for (let g = 0; g < 2 + (person.index % 3); g += 1) {
      rows.create(RouteGoal, {
        route,
        recipientId: person.id,
        text: GOALS[(person.index + g) % GOALS.length]!,
        targetDate: addDays(fromDate, 90 * (g + 1)),
        status: g === 0 && person.index % 4 === 0 ? GoalStatus.ACHIEVED : GoalStatus.IN_PROGRESS,
      });
    }
    if (toDate) continue;
    for (const { w, slot, on, at } of visitDays) {
      if (on < fromDate || on > today) continue;
      const last = w === weeks - 1 && slot === 1;
      rows.create(Visit, {
        recipientId: person.id,
        staffMember: team[(w + slot) % team.length]!,
        plannedAt: new Date(at),
        delivered: !last,
        hoursDelivered: last ? null : 1.5 + ((person.index + w + slot) % 4) * 0.5,
      });
    }
  }
}
