import { ManualClock, Role } from '@sl/core';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { startTestSystem, type TestSystem } from '../support/system.js';

const TODAY = '2026-01-15';

interface Indicators {
  peopleIdentified: number;
  trainingFlatPlaces: number;
  trainingFlatOccupied: number;
  reassessmentsOverdue: number;
  applications: { submitted: number; decided: number; decidedOnTime: number };
  roadmapTotals: { done: number; late: number };
  roadmapByAgency: { agencyName: string | null; late: number }[];
  peopleInEducation: number;
  peopleInVocationalEducation: number;
  peopleEmployed: number;
  peopleInSupportedEmployment: number;
  medicalConclusionsIssued: number;
}
interface MunicipalityFigures {
  municipality: string;
  applications: { submitted: number };
  peopleEmployed: number;
  peopleInSupportedEmployment: number;
  peopleInEducation: number | null;
  peopleIdentified: number | null;
}

// The ministries' figures as the reports name them (packages/gateway/src/reports/labels.ts).
const EDUCATION = 'Инвалидов, получающих образование';
const EMPLOYED = 'Трудоустроено инвалидов';
const SUPPORTED = 'Из них на сопровождаемом трудоустройстве (с наставником)';

describe('reports made from the live data', () => {
  let t: TestSystem;
  let live: Indicators;
  let series: {
    asOf: string;
    peopleIdentified: number;
    peopleEmployed: number;
    peopleInSupportedEmployment: number;
    peopleInEducation: number;
    applications: { submitted: number };
  }[];
  let municipalities: MunicipalityFigures[];
  let decisions: { text: string; status: string }[];
  let late: { totalCount: number; edges: { node: { item: { measure: string } } }[] };

  beforeAll(async () => {
    t = await startTestSystem({
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '30' },
      clock: new ManualClock(new Date(`${TODAY}T09:00:00Z`)),
    });
    const res = await t.gql<{
      indicators: Indicators;
      indicatorSeries: typeof series;
      lateObligations: typeof late;
      municipalityIndicators: MunicipalityFigures[];
      councilDecisions: { edges: { node: { text: string; status: string } }[] };
    }>(`{
      councilDecisions(first: 100) { edges { node { text status } } }
      indicators { peopleIdentified trainingFlatPlaces trainingFlatOccupied reassessmentsOverdue
        applications { submitted decided decidedOnTime } roadmapTotals { done late } roadmapByAgency { agencyName late }
        peopleInEducation peopleInVocationalEducation peopleEmployed peopleInSupportedEmployment medicalConclusionsIssued }
      indicatorSeries(from: "2026-01-01", to: "${TODAY}") { asOf peopleIdentified applications { submitted }
        peopleEmployed peopleInSupportedEmployment peopleInEducation }
      municipalityIndicators(asOf: "${TODAY}") { municipality applications { submitted }
        peopleEmployed peopleInSupportedEmployment peopleInEducation peopleIdentified }
      lateObligations(first: 100) { totalCount edges { node { item { measure } } } }
    }`);
    expect(res.errors).toBeUndefined();
    live = res.data!.indicators;
    series = res.data!.indicatorSeries;
    late = res.data!.lateObligations;
    municipalities = res.data!.municipalityIndicators;
    decisions = res.data!.councilDecisions.edges.map((e) => e.node);
    // the demo must give the reports something to show
    expect(live.peopleEmployed).toBeGreaterThan(0);
    expect(live.peopleInSupportedEmployment).toBeGreaterThan(0);
    expect(live.peopleInEducation).toBeGreaterThan(0);
    expect(municipalities.length).toBeGreaterThan(1);
  });
  afterAll(() => t.stop());

  async function download(name: string, as: Role | 'anonymous' = Role.COORDINATOR, query = `?asOf=${TODAY}`) {
    const req = t.http().get(`/reports/${name}${query}`);
    if (as !== 'anonymous') req.set('Authorization', `Bearer ${await t.tokenFor(as)}`);
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }

  async function workbook(body: Buffer) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    return book;
  }

  /** The value in the row whose first cell is `label`. */
  function cellBeside(sheet: ExcelJS.Worksheet, label: string, column = 2): unknown {
    let found: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) found = row.getCell(column).value;
    });
    return found;
  }

  /** The per-municipality sheet as `{ municipality: { column: value } }`. */
  function byMunicipality(sheet: ExcelJS.Worksheet) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const out: Record<string, Record<string, unknown>> = {};
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      out[String(values[0])] = Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]));
    });
    return { header, rows: out };
  }

  /** One row per municipality the graph lists, with the figures that exist per municipality only. */
  function checkMunicipalities(sheet: ExcelJS.Worksheet | undefined) {
    expect(sheet).toBeDefined();
    const { header, rows } = byMunicipality(sheet!);
    expect(Object.keys(rows).sort()).toEqual(municipalities.map((m) => m.municipality).sort());
    for (const m of municipalities)
      expect(rows[m.municipality]).toMatchObject({
        'Подано заявлений': m.applications.submitted,
        [EMPLOYED]: m.peopleEmployed,
        [SUPPORTED]: m.peopleInSupportedEmployment,
      });
    // regional figures (the register, education) have no column: null for every municipality
    expect(municipalities.every((m) => m.peopleInEducation === null && m.peopleIdentified === null)).toBe(
      true,
    );
    expect(header).not.toContain(EDUCATION);
    expect(header).not.toContain('Выявлено инвалидов, нуждающихся в сопровождаемом проживании');
  }

  it('writes the annual report to the federal ministry (seed 000 item 16) as a workbook of the live figures', async () => {
    const res = await download('annual-report');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`annual-report-${TODAY}.xlsx`);
    const book = await workbook(res.body as Buffer);
    const figures = book.getWorksheet('Показатели')!;
    expect(cellBeside(figures, 'Выявлено инвалидов, нуждающихся в сопровождаемом проживании')).toBe(
      live.peopleIdentified,
    );
    expect(cellBeside(figures, 'Мест в тренировочных квартирах')).toBe(live.trainingFlatPlaces);
    // seed 000 item 12: the target of 12 training places stands beside the figure
    expect(String(cellBeside(figures, 'Мест в тренировочных квартирах', 3))).toContain('12');
    expect(cellBeside(figures, 'Занято мест в тренировочных квартирах')).toBe(live.trainingFlatOccupied);
    expect(cellBeside(figures, 'Просрочено повторных оценок нуждаемости')).toBe(live.reassessmentsOverdue);
    expect(cellBeside(figures, 'Подано заявлений')).toBe(live.applications.submitted);
    expect(cellBeside(figures, 'Из них в срок (10 дней)')).toBe(live.applications.decidedOnTime);
    expect(cellBeside(figures, 'Мероприятий дорожной карты: просрочено')).toBe(live.roadmapTotals.late);
    const roadmap = book.getWorksheet('Дорожная карта')!;
    for (const a of live.roadmapByAgency)
      expect(cellBeside(roadmap, a.agencyName ?? 'Исполнитель не определён', 6)).toBe(a.late);
    expect(book.getWorksheet('Жильё')!.rowCount).toBeGreaterThan(1);
    // the ministries' figures, from the same Indicators
    expect(cellBeside(figures, EDUCATION)).toBe(live.peopleInEducation);
    expect(cellBeside(figures, 'Из них профессиональное образование')).toBe(live.peopleInVocationalEducation);
    expect(cellBeside(figures, EMPLOYED)).toBe(live.peopleEmployed);
    expect(cellBeside(figures, SUPPORTED)).toBe(live.peopleInSupportedEmployment);
    expect(cellBeside(figures, 'Выдано медицинских заключений (приказ 202н)')).toBe(
      live.medicalConclusionsIssued,
    );
    checkMunicipalities(book.getWorksheet('По муниципалитетам'));
  });

  it('writes the monitoring data for the Albrecht centre (seed 000 item 18) month by month', async () => {
    const res = await download('albrecht-monitoring');
    expect(res.status).toBe(200);
    const book = await workbook(res.body as Buffer);
    const sheet = book.getWorksheet('Мониторинг')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = series.map((m) => (sheet.getRow(series.indexOf(m) + 2).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual(series.map((m) => m.asOf));
    const identified = header.indexOf('peopleIdentified');
    const submitted = header.indexOf('applications.submitted');
    expect(identified).toBeGreaterThan(0);
    expect(rows.map((r) => r[identified])).toEqual(series.map((m) => m.peopleIdentified));
    expect(rows.map((r) => r[submitted])).toEqual(series.map((m) => m.applications.submitted));
    // the ministries' figures month by month: education, employment, supported employment
    for (const f of ['peopleInEducation', 'peopleEmployed', 'peopleInSupportedEmployment'] as const) {
      expect(header).toContain(f);
      expect(rows.map((r) => r[header.indexOf(f)])).toEqual(series.map((m) => m[f]));
    }
    expect(cellBeside(book.getWorksheet('Показатели')!, SUPPORTED)).toBe(live.peopleInSupportedEmployment);
    checkMunicipalities(book.getWorksheet('По муниципалитетам'));
  });

  it('writes the Council meeting brief as a document with the indicators, the late items and the decisions', async () => {
    const res = await download('council-brief', Role.COUNCIL_MEMBER);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: res.body as Buffer });
    expect(text).toContain('Справка к заседанию Совета по делам инвалидов');
    expect(text).toContain('По состоянию на 15.01.2026');
    expect(text).toMatch(new RegExp(`Мест в тренировочных квартирах\\s+${live.trainingFlatPlaces}\\s`));
    expect(text).toMatch(new RegExp(`Подано заявлений\\s+${live.applications.submitted}\\s`));
    expect(text).toContain(`Просроченные мероприятия (${late.totalCount})`);
    expect(late.totalCount).toBeGreaterThan(0);
    for (const e of late.edges) expect(text).toContain(e.node.item.measure);
    expect(text).toContain('Поручения Совета на контроле');
    const open = decisions.filter((d) => d.status === 'OPEN');
    expect(open.length).toBeGreaterThan(0);
    for (const d of open) expect(text).toContain(d.text);
    expect(text).toMatch(new RegExp(`${EMPLOYED}\\s+${live.peopleEmployed}\\s`));
    expect(text).toMatch(new RegExp(`${EDUCATION}\\s+${live.peopleInEducation}\\s`));
  });

  it('gives reports only to those who may read the indicators', async () => {
    expect((await download('council-brief', 'anonymous')).status).toBe(401);
    const admin = await download('annual-report', Role.ADMIN);
    expect(admin.status).toBe(403);
    expect(JSON.parse((admin.body as Buffer).toString()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download('no-such-report')).status).toBe(404);
    const badDate = await download('annual-report', Role.COORDINATOR, '?asOf=15.01.2026');
    expect(badDate.status).toBe(400);
    expect(JSON.parse((badDate.body as Buffer).toString()).errors[0].extensions.code).toBe('DATE_INVALID');
  });
});
