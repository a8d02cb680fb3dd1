/// <reference types="jest" />
// Run by the root jest (SWC), type-checked with the dashboard: the globals are jest's.
import { columnsOf, csvOf, readable, tableOf } from './table';

const LABELS: Record<string, string> = {
  'resources.councilDecisions.fields.number': '№',
  'resources.councilDecisions.fields.text': 'Текст',
  'resources.councilDecisions.fields.dueDate': 'Срок',
  'resources.councilDecisions.fields.status': 'Статус',
  'resources.councilDecisions.fields.assignee': 'Исполнитель',
  'resources.councilDecisions.fields.overdue': 'Просрочено',
};
const translate = (key: string, options?: Record<string, unknown>) =>
  LABELS[key] ?? String(options?._ ?? key);

const RECORDS = [
  {
    __typename: 'CouncilDecision',
    id: '5b0f4a4e-7d3c-4a52-9a59-111111111111',
    meetingId: '5b0f4a4e-7d3c-4a52-9a59-222222222222',
    number: '1',
    text: 'Открыть квартиру; "учебную"',
    dueDate: '2027-03-01',
    status: 'DONE',
    overdue: false,
    assignee: {
      __typename: 'Agency',
      id: '5b0f4a4e-7d3c-4a52-9a59-333333333333',
      name: 'Министерство образования',
    },
    peopleIndicator: 'PEOPLE_EMPLOYED',
  },
];

describe('the shared export', () => {
  it('writes CSV as Excel opens it in Russian: a BOM, `;`, Russian headers, names, dates and words', () => {
    const csv = csvOf(tableOf(RECORDS, columnsOf('councilDecisions', RECORDS, translate)));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe('№;Текст;Срок;Статус;Просрочено;Исполнитель');
    expect(row).toBe('1;"Открыть квартиру; ""учебную""";01.03.2027;Исполнено;Нет;Министерство образования');
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(csv).not.toMatch(/__typename|CouncilDecision|DONE|PEOPLE_EMPLOYED/);
  });

  it('leaves out a field nobody labelled rather than export its code name', () => {
    const columns = columnsOf('councilDecisions', RECORDS, translate).map((c) => c.source);
    expect(columns).not.toContain('peopleIndicator');
    expect(columns).not.toContain('meetingId');
  });

  it('reads a value as a person would', () => {
    expect(readable({ lastName: 'Орлова', firstName: 'Вера', patronymic: null })).toBe('Орлова Вера');
    expect(readable(['ADMIN', 'AUDITOR'], 'Role')).toBe('Администратор; Аудитор');
    expect(readable('2026-12-03T07:16:00.000Z')).toMatch(/^03\.12\.2026 \d\d:\d\d$/);
    expect(readable('5b0f4a4e-7d3c-4a52-9a59-333333333333')).toBe('');
    expect(readable(true)).toBe('Да');
  });
});
