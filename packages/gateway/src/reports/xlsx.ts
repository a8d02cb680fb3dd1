import ExcelJS from 'exceljs';
import { figureRows, housingLabel } from './figures.js';
import { FIGURE_LABELS, ruDate, STAGE_LABELS } from './labels.js';
import type { ReportData, ReportShape } from './report-data.js';

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: (string | number | null)[][]) {
  const ws = book.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, n) => {
    c.width = n === 0 ? 60 : 18;
  });
  return ws;
}

const agencyRows = (data: ReportData) =>
  (data.indicators.roadmapByAgency ?? []).map((a) => [
    a.agencyName ?? 'Исполнитель не определён',
    a.total,
    a.done,
    a.inProgress,
    a.notStarted,
    a.late,
  ]);

/**
 * One row per municipality with the figures that exist per municipality: a figure every subgraph
 * withholds from municipalities (null in every row: the register, the roadmap, health, education)
 * gets no column, so the table shows only what can honestly be told apart.
 */
export function municipalitySheet(book: ExcelJS.Workbook, data: ReportData, shape: ReportShape) {
  const rows = data.municipalities ?? [];
  const numbers = shape.indicatorNumbers.filter((f) =>
    rows.some((m) => m[f.name] !== null && m[f.name] !== undefined),
  );
  const stages = Object.keys(STAGE_LABELS);
  sheet(
    book,
    'По муниципалитетам',
    [
      'Муниципальное образование',
      'Подано заявлений',
      'Принято решений по заявлениям',
      'Из них в срок (10 дней)',
      ...stages.map((s) => `Участников: ${STAGE_LABELS[s]}`),
      ...numbers.map((f) => FIGURE_LABELS[f.name] ?? f.label),
    ],
    rows.map((m) => [
      m.municipality,
      m.applications.submitted,
      m.applications.decided,
      m.applications.decidedOnTime,
      ...stages.map((s) => m.peopleByStage.find((p) => p.key === s)?.people ?? 0),
      ...numbers.map((f) => (m[f.name] as number | null) ?? null),
    ]),
  );
}

/**
 * Annual report to the federal ministry (seed 000 item 16: accounting and reporting on supported
 * living, "Доклад в Минтруд России"): the indicators as of the date with their targets, housing,
 * and the roadmap's execution by agency.
 */
export async function annualReportXlsx(
  data: ReportData,
  shape: ReportShape,
  region: string,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Сопровождаемое проживание';
  const asOf = ruDate(data.indicators.asOf);
  const ws = sheet(
    book,
    'Показатели',
    ['Показатель', `Значение на ${asOf}`, 'Целевое значение'],
    figureRows(data, shape).map((r) => [r.label, r.value, r.target]),
  );
  ws.insertRow(1, [`Доклад о сопровождаемом проживании инвалидов (${region}) по состоянию на ${asOf}`]).font =
    {
      bold: true,
    };
  sheet(
    book,
    'Жильё',
    ['Вид жилого помещения', 'Помещений', 'Мест', 'Занято'],
    data.indicators.housing.map((h) => [housingLabel(h.kind), h.units, h.places, h.occupied]),
  );
  sheet(
    book,
    'Дорожная карта',
    ['Ответственный исполнитель', 'Всего', 'Выполнено', 'В работе', 'Не начато', 'Просрочено'],
    agencyRows(data),
  );
  municipalitySheet(book, data, shape);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Monitoring data for the Albrecht centre (seed 000 item 18: monitoring of the development of
 * supported living, "Направление сведений в ФГБУ ФНОЦ МСЭ и Р им. Г.А. Альбрехта"): the figures
 * month by month over the period, so the centre sees the dynamics, not one date.
 */
export async function albrechtMonitoringXlsx(data: ReportData, shape: ReportShape): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Сопровождаемое проживание';
  const stages = Object.keys(STAGE_LABELS);
  const header = [
    'На дату',
    ...shape.indicatorNumbers.map((f) => f.name),
    'applications.submitted',
    'applications.decided',
    'applications.decidedOnTime',
    'applications.shareDecidedOnTime',
    ...stages.map((s) => `peopleByStage.${s}`),
  ];
  const rows = data.series.map((m) => [
    m.asOf,
    ...shape.indicatorNumbers.map((f) => (m[f.name] as number | null) ?? null),
    m.applications.submitted,
    m.applications.decided,
    m.applications.decidedOnTime,
    m.applications.shareDecidedOnTime,
    ...stages.map((s) => m.peopleByStage.find((p) => p.key === s)?.people ?? 0),
  ]);
  const ws = sheet(book, 'Мониторинг', header, rows);
  ws.getRow(1).font = { bold: true };
  sheet(
    book,
    'Показатели',
    ['Показатель', `Значение на ${ruDate(data.indicators.asOf)}`, 'Целевое значение'],
    figureRows(data, shape).map((r) => [r.label, r.value, r.target]),
  );
  municipalitySheet(book, data, shape);
  return Buffer.from(await book.xlsx.writeBuffer());
}
