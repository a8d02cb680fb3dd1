import { agenciesOf, decisionStateText, measureState, measureStateText, periodsText } from './accounts.js';
import type { MeasureAccount } from './queries.js';

type Period = MeasureAccount['obligations'][number];
const period = (p: Partial<Period>): Period => ({
  periodLabel: '2025 год',
  dueDate: '2025-12-31',
  status: 'NOT_STARTED',
  completedOn: null,
  daysLate: 0,
  completedLate: false,
  reports: [],
  ...p,
});
const item = (obligations: Period[]): MeasureAccount => ({
  id: 'i',
  key: '1',
  number: '1',
  measure: 'Мероприятие',
  deadlineText: 'Ежегодно',
  withdrawn: false,
  executors: [],
  obligations,
});

describe('a measure’s state from its periods', () => {
  it('is late when any period is, done when every period is, and says how late', () => {
    expect(measureState(item([period({ status: 'DONE' }), period({ status: 'LATE', daysLate: 40 })]))).toBe(
      'LATE',
    );
    expect(
      measureStateText(
        item([period({ status: 'LATE', daysLate: 40 }), period({ status: 'LATE', daysLate: 5 })]),
      ),
    ).toBe('Просрочено на 40 дн.');
    // issue 20: a measure done five years late is not simply "done"
    expect(
      measureStateText(
        item([period({ status: 'DONE', completedOn: '2030-12-31', completedLate: true, daysLate: 1826 })]),
      ),
    ).toBe('Выполнено с опозданием на 1826 дн.');
    expect(measureState(item([period({ status: 'DONE' }), period({ status: 'NOT_STARTED' })]))).toBe(
      'IN_PROGRESS',
    );
    expect(measureState(item([period({ status: 'CANCELLED' })]))).toBe('NO_DEADLINE');
    expect(measureState(item([]))).toBe('NO_DEADLINE');
  });

  it('lists only the reporting year’s periods', () => {
    const account = item([
      period({ periodLabel: '2024 год', dueDate: '2024-12-31', status: 'DONE', completedOn: '2024-12-20' }),
      period({ periodLabel: '2025 год', status: 'LATE', daysLate: 15 }),
    ]);
    expect(periodsText(account, 2025)).toBe('2025 год (срок 31.12.2025): просрочено на 15 дн.');
    expect(periodsText(account, 2026)).toBe('Сроков в 2026 году нет');
  });
});

describe('executing agencies of an item', () => {
  it('names each agency once, responsible before co-executing, unresolved ones as written', () => {
    expect(
      agenciesOf([
        { role: 'CO_EXECUTOR', nameAsWritten: 'ОМС', agency: null },
        {
          role: 'RESPONSIBLE',
          nameAsWritten: 'Минсоцполитики',
          agency: { id: '1', name: 'Министерство социальной политики' },
        },
        {
          role: 'CO_EXECUTOR',
          nameAsWritten: 'Минсоц',
          agency: { id: '1', name: 'Министерство социальной политики' },
        },
      ]),
    ).toEqual([
      { name: 'Министерство социальной политики', role: 'RESPONSIBLE' },
      { name: 'ОМС', role: 'CO_EXECUTOR' },
    ]);
  });
});

describe('a Council decision’s state', () => {
  const decision = {
    reference: 'Протокол № 1, поручение 1',
    number: '1',
    text: 'Поручение',
    dueDate: '2025-04-01',
    assignee: { name: 'Министерство' },
  };
  it('tells done on time, done late, overdue and open apart', () => {
    expect(
      decisionStateText({
        ...decision,
        status: 'DONE',
        doneOn: '2025-03-28',
        daysLate: 0,
        doneLate: false,
        overdue: false,
      }),
    ).toBe('Выполнено 28.03.2025 в срок');
    expect(
      decisionStateText({
        ...decision,
        status: 'DONE',
        doneOn: '2025-04-11',
        daysLate: 10,
        doneLate: true,
        overdue: false,
      }),
    ).toBe('Выполнено 11.04.2025 с опозданием на 10 дн.');
    expect(
      decisionStateText({
        ...decision,
        status: 'OPEN',
        doneOn: null,
        daysLate: 3,
        doneLate: false,
        overdue: true,
      }),
    ).toBe('Просрочено на 3 дн.');
    expect(
      decisionStateText({
        ...decision,
        status: 'OPEN',
        doneOn: null,
        daysLate: 0,
        doneLate: false,
        overdue: false,
      }),
    ).toBe('В работе');
  });
});
