import { ruDate } from './labels.js';
import { type DecisionRef, type ExecutorRef, executorName, type MeasureAccount } from './queries.js';

/** Where a measure stands, from its periods: late if any is, done when all are, and so on. */
export type MeasureState = 'LATE' | 'IN_PROGRESS' | 'NOT_STARTED' | 'DONE' | 'NO_DEADLINE';

export const MEASURE_STATES: Record<MeasureState, string> = {
  DONE: 'Выполнено',
  IN_PROGRESS: 'В работе',
  NOT_STARTED: 'Не начато',
  LATE: 'Просрочено',
  NO_DEADLINE: 'Без срока',
};

export function measureState(item: MeasureAccount): MeasureState {
  const open = item.obligations.filter((o) => o.status !== 'CANCELLED');
  if (!open.length) return 'NO_DEADLINE';
  if (open.some((o) => o.status === 'LATE')) return 'LATE';
  if (open.every((o) => o.status === 'DONE')) return 'DONE';
  if (open.some((o) => o.status === 'IN_PROGRESS' || o.status === 'DONE')) return 'IN_PROGRESS';
  return 'NOT_STARTED';
}

/** The state in words, with the lateness a reader must see (issue 20: done five years late is not "done"). */
export function measureStateText(item: MeasureAccount): string {
  const state = measureState(item);
  if (state === 'LATE') {
    const days = Math.max(...item.obligations.filter((o) => o.status === 'LATE').map((o) => o.daysLate));
    return `${MEASURE_STATES.LATE} на ${days} дн.`;
  }
  const late = item.obligations.filter((o) => o.status === 'DONE' && o.completedLate);
  if (state === 'DONE' && late.length)
    return `${MEASURE_STATES.DONE} с опозданием на ${Math.max(...late.map((o) => o.daysLate))} дн.`;
  return MEASURE_STATES[state];
}

/** Each period as «2025: выполнено 20.03.2025» — what the item required and when it was done. */
export function periodsText(item: MeasureAccount, year: number): string {
  const periods = item.obligations.filter((o) => Number(o.dueDate.slice(0, 4)) === year);
  if (!periods.length) return `Сроков в ${year} году нет`;
  return periods
    .map((o) => {
      const done = o.completedOn
        ? `выполнено ${ruDate(o.completedOn)}${o.completedLate ? ` (с опозданием на ${o.daysLate} дн.)` : ''}`
        : o.status === 'LATE'
          ? `просрочено на ${o.daysLate} дн.`
          : o.status === 'CANCELLED'
            ? 'отменено'
            : o.status === 'IN_PROGRESS'
              ? 'в работе'
              : 'не начато';
      return `${o.periodLabel} (срок ${ruDate(o.dueDate)}): ${done}`;
    })
    .join('; ');
}

type Report = MeasureAccount['obligations'][number]['reports'][number];

/** The reports filed within the year (up to the date), oldest first, each with its author's agency. */
export function reportsOf(item: MeasureAccount, year: number, asOf: string, agency?: string): Report[] {
  return item.obligations
    .flatMap((o) => o.reports)
    .filter((r) => Number(r.reportedOn.slice(0, 4)) === year && r.reportedOn <= asOf)
    .filter((r) => agency === undefined || r.agency?.name === agency)
    .sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
}

export const reportText = (r: Report) =>
  `${ruDate(r.reportedOn)}, ${r.agency?.name ?? 'ведомство не указано'}${r.authorName ? ` (${r.authorName})` : ''}: ${r.text}`;

export const evidenceText = (reports: Report[]) =>
  reports.flatMap((r) => r.evidence.map((e) => e.displayName)).join('; ') || '—';

/** Every agency the item names, responsible first, each once (its role: the strongest). */
export function agenciesOf(executors: ExecutorRef[]): { name: string; role: ExecutorRef['role'] }[] {
  const out = new Map<string, ExecutorRef['role']>();
  for (const e of [...executors].sort((a, b) => (a.role === b.role ? 0 : a.role === 'RESPONSIBLE' ? -1 : 1)))
    if (!out.has(executorName(e))) out.set(executorName(e), e.role);
  return [...out].map(([name, role]) => ({ name, role }));
}

export const ROLE_LABELS: Record<ExecutorRef['role'], string> = {
  RESPONSIBLE: 'Ответственный исполнитель',
  CO_EXECUTOR: 'Соисполнитель',
};

/** A Council decision's state as the brief tells it, lateness included. */
export function decisionStateText(d: DecisionRef): string {
  if (d.status === 'CANCELLED') return 'Отменено';
  if (d.status === 'DONE' && d.doneOn)
    return d.doneLate
      ? `Выполнено ${ruDate(d.doneOn)} с опозданием на ${d.daysLate} дн.`
      : `Выполнено ${ruDate(d.doneOn)} в срок`;
  return d.overdue ? `Просрочено на ${d.daysLate} дн.` : 'В работе';
}
