import { ManualClock, Role } from '@sl/core';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { pdfText } from '../support/pdf-text.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const TODAY = '2026-01-15';
// The demo's roadmap and Council are Kaliningrad's (seed 000); the deployment's own region differs.
const REGION = 'kaliningrad';
const REGION_NAME = 'Калининградская область';

interface Indicators {
  peopleIdentified: number;
  trainingFlatPlaces: number;
  trainingFlatOccupied: number;
  reassessmentsOverdue: number;
  applications: { submitted: number; decided: number; decidedOnTime: number };
  roadmapTotals: { done: number; late: number };
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
interface Item {
  id: string;
  number: string | null;
  key: string;
  measure: string;
  withdrawn: boolean;
  reference: string;
  executors: { role: string; agency: { id: string; name: string } | null }[];
  obligations: { reports: { reportedOn: string; text: string }[] }[];
}
interface ItemPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Item }[];
}
interface Late {
  periodLabel: string;
  item: { measure: string; reference: string; executors: { agency: { name: string } | null }[] };
}

// The ministries' figures as the reports name them (packages/gateway/src/reports/labels.ts).
const EDUCATION = 'Инвалидов, получающих образование';
const EMPLOYED = 'Трудоустроено инвалидов';
const SUPPORTED = 'Из них на сопровождаемом трудоустройстве (с наставником)';
const IDENTIFIED = 'Выявлено инвалидов, нуждающихся в сопровождаемом проживании';

/** Text as a reader compares it: wrapped lines and table cells joined by single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** PDF table cells wrap inside words: compare what is printed, spaces aside. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('reports made from the live data, as a secretary sends them', () => {
  let t: TestSystem;
  let live: Indicators;
  let series: { asOf: string; peopleIdentified: number; applications: { submitted: number } }[];
  let municipalities: MunicipalityFigures[];
  let items: Item[];
  let late: Late[];
  let meeting: {
    id: string;
    agenda: string;
    protocolNumber: string;
    decisions: { reference: string; text: string }[];
  };
  let openDecisions: { reference: string; text: string }[];

  beforeAll(async () => {
    t = await startTestSystem({
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '30' },
      clock: new ManualClock(new Date(`${TODAY}T09:00:00Z`)),
    });
    const res = await t.gql<{
      indicators: Indicators;
      indicatorSeries: typeof series;
      lateObligations: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: Late }[] };
      municipalityIndicators: MunicipalityFigures[];
      councilMeetings: { edges: { node: typeof meeting }[] };
      councilDecisions: { edges: { node: { reference: string; text: string } }[] };
      roadmaps: { edges: { node: { id: string } }[] };
    }>(
      `query($region: String!) {
        indicators(region: $region) { peopleIdentified trainingFlatPlaces trainingFlatOccupied reassessmentsOverdue
          applications { submitted decided decidedOnTime } roadmapTotals { done late }
          peopleInEducation peopleInVocationalEducation peopleEmployed peopleInSupportedEmployment medicalConclusionsIssued }
        indicatorSeries(from: "2026-01-01", to: "${TODAY}", region: $region) { asOf peopleIdentified applications { submitted } }
        municipalityIndicators(asOf: "${TODAY}") { municipality applications { submitted }
          peopleEmployed peopleInSupportedEmployment peopleInEducation peopleIdentified }
        lateObligations(first: 200, filter: { region: $region }) { totalCount pageInfo { hasNextPage }
          edges { node { periodLabel item { measure reference executors { agency { name } } } } } }
        councilMeetings(region: $region) { edges { node { id agenda protocolNumber decisions { reference text } } } }
        councilDecisions(first: 200, filter: { region: $region, status: "OPEN" }) { edges { node { reference text } } }
        roadmaps(region: $region) { edges { node { id } } }
      }`,
      { region: REGION },
    );
    expect(res.errors).toBeUndefined();
    const data = res.data!;
    live = data.indicators;
    series = data.indicatorSeries;
    municipalities = data.municipalityIndicators;
    expect(data.lateObligations.pageInfo.hasNextPage).toBe(false);
    late = data.lateObligations.edges.map((e) => e.node);
    meeting = data.councilMeetings.edges[0]!.node;
    openDecisions = data.councilDecisions.edges.map((e) => e.node);
    items = [];
    for (const r of data.roadmaps.edges) {
      let after: string | null = null;
      do {
        const page: { errors?: unknown; data?: { roadmapItems: ItemPage } | null } = await t.gql<{
          roadmapItems: ItemPage;
        }>(
          `query($id: ID!, $after: String) { roadmapItems(roadmapId: $id, first: 20, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { node { id number key measure withdrawn reference executors { role agency { id name } }
              obligations { reports { reportedOn text } } } } } }`,
          { id: r.node.id, after },
        );
        expect(page.errors).toBeUndefined();
        const list = page.data!.roadmapItems;
        items.push(...list.edges.map((e) => e.node).filter((i) => !i.withdrawn));
        after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
      } while (after);
    }
    // the demo must give the reports something to show
    expect(items.length).toBeGreaterThan(10);
    expect(late.length).toBeGreaterThan(0);
    expect(live.peopleEmployed).toBeGreaterThan(0);
    expect(municipalities.length).toBeGreaterThan(1);
  });
  afterAll(() => t.stop());

  async function download(file: string, query: string, as: Role | 'anonymous' = Role.COORDINATOR) {
    const req = t.http().get(`/reports/${file}${query}`);
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

  const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

  /** The table of a sheet whose header row starts with `first`: its header and the rows under it. */
  function tableOf(sheet: ExcelJS.Worksheet, first: string) {
    let header: string[] | null = null;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const v = values(row);
      if (header === null) {
        if (v[0] === first) header = v.map(String);
      } else if (v.length) rows.push(v);
    });
    expect(header).not.toBeNull();
    return { header: header as unknown as string[], rows };
  }

  function cellBeside(sheet: ExcelJS.Worksheet, label: string, column = 2): unknown {
    let found: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) found = row.getCell(column).value;
    });
    return found;
  }

  /** One row per municipality the graph lists, with the figures that exist per municipality only. */
  function checkMunicipalities(sheet: ExcelJS.Worksheet | undefined) {
    expect(sheet).toBeDefined();
    const { header, rows } = tableOf(sheet!, 'Муниципальное образование');
    const byName = new Map(
      rows.map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]))]),
    );
    expect([...byName.keys()].sort()).toEqual(municipalities.map((m) => m.municipality).sort());
    for (const m of municipalities)
      expect(byName.get(m.municipality)).toMatchObject({
        'Подано заявлений': m.applications.submitted,
        [EMPLOYED]: m.peopleEmployed,
        [SUPPORTED]: m.peopleInSupportedEmployment,
      });
    expect(header).not.toContain(EDUCATION);
    expect(header).not.toContain(IDENTIFIED);
  }

  describe('the annual report to Минтруд (seed 000 item 16)', () => {
    it('is titled with the period, the date and the region’s name, and counts measures, not periods', async () => {
      const res = await download('annual-report.xlsx', `?asOf=${TODAY}&region=${REGION}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(`annual-report-${REGION}-${TODAY}.xlsx`);
      const book = await workbook(res.body as Buffer);
      const summary = book.getWorksheet('Сводка')!;
      const top = [1, 2, 3, 4, 5].map((n) => String(summary.getRow(n).getCell(1).value ?? ''));
      expect(top[0]).toBe(
        'Доклад о реализации мероприятий по организации сопровождаемого проживания инвалидов за 2026 год',
      );
      expect(top).toEqual(
        expect.arrayContaining([
          REGION_NAME,
          'Отчётный период: 01.01.2026 — 31.12.2026',
          'Сведения по состоянию на 15.01.2026',
        ]),
      );
      expect(top.join(' ')).not.toMatch(/kaluga|kaliningrad/);
      // the measure count is the roadmap's measures (items), not its periods
      expect(cellBeside(summary, `Мероприятий дорожных карт: ${items.length}.`, 1)).toBe(
        `Мероприятий дорожных карт: ${items.length}.`,
      );
      const measures = tableOf(book.getWorksheet('Мероприятия')!, 'Дорожная карта');
      expect(measures.rows).toHaveLength(items.length);
      expect(measures.rows.map((r) => r[2]).sort()).toEqual(items.map((i) => i.measure).sort());
      // the figures of the year, as before
      const figures = book.getWorksheet('Показатели')!;
      expect(cellBeside(figures, IDENTIFIED)).toBe(live.peopleIdentified);
      expect(cellBeside(figures, 'Мест в тренировочных квартирах')).toBe(live.trainingFlatPlaces);
      expect(String(cellBeside(figures, 'Мест в тренировочных квартирах', 3))).toContain('12');
      expect(cellBeside(figures, 'Подано заявлений')).toBe(live.applications.submitted);
      expect(cellBeside(figures, 'Мероприятий дорожной карты: просрочено')).toBe(live.roadmapTotals.late);
      expect(cellBeside(figures, EMPLOYED)).toBe(live.peopleEmployed);
      expect(cellBeside(figures, SUPPORTED)).toBe(live.peopleInSupportedEmployment);
      expect(cellBeside(figures, EDUCATION)).toBe(live.peopleInEducation);
      checkMunicipalities(book.getWorksheet('По муниципалитетам'));
    });

    it('accounts for each measure of the reporting year with its report text, per executing agency', async () => {
      const res = await download('annual-report.xlsx', `?year=2025&region=${REGION}`);
      expect(res.status).toBe(200);
      const book = await workbook(res.body as Buffer);
      expect(String(book.getWorksheet('Сводка')!.getRow(1).getCell(1).value)).toContain('за 2025 год');
      const measures = tableOf(book.getWorksheet('Мероприятия')!, 'Дорожная карта');
      const reported = items.filter((i) =>
        i.obligations.some((o) => o.reports.some((r) => r.reportedOn.startsWith('2025'))),
      );
      expect(reported.length).toBeGreaterThan(0);
      for (const item of reported) {
        const row = measures.rows.find((r) => r[2] === item.measure)!;
        const text = item.obligations
          .flatMap((o) => o.reports)
          .find((r) => r.reportedOn.startsWith('2025'))!.text;
        expect(String(row[8])).toContain(text);
      }
      // every executing agency, co-executors included, counts the measures that name it
      const agencies = tableOf(book.getWorksheet('По ведомствам')!, 'Ведомство');
      const named = new Map<string, number>();
      for (const i of items)
        for (const name of new Set(i.executors.flatMap((e) => (e.agency ? [e.agency.name] : []))))
          named.set(name, (named.get(name) ?? 0) + 1);
      // seed 000 items 9, 15, 20 name the ministry of education second: it is counted too
      expect(named.get('Министерство образования Калининградской области')).toBeGreaterThanOrEqual(3);
      for (const [name, count] of named) expect(agencies.rows.find((r) => r[0] === name)?.[1]).toBe(count);
      // and has its own account of its measures
      const own = tableOf(book.getWorksheet('Отчёты ведомств')!, 'Дорожная карта');
      expect(own.rows.length).toBeGreaterThanOrEqual([...named.values()].reduce((a, b) => a + b, 0));
    });

    it('comes as PDF with extractable text, and as DOCX, with the same content', async () => {
      const pdf = await download('annual-report.pdf', `?asOf=${TODAY}&region=${REGION}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = flat(await pdfText(pdf.body as Buffer));
      expect(text).toContain(
        'Доклад о реализации мероприятий по организации сопровождаемого проживания инвалидов за 2026 год',
      );
      expect(text).toContain(REGION_NAME);
      expect(text).toContain(`Мероприятий дорожных карт: ${items.length}.`);
      for (const item of items) expect(squash(text)).toContain(squash(item.measure));
      const docx = await download('annual-report.docx', `?asOf=${TODAY}&region=${REGION}`);
      expect(docx.status).toBe(200);
      const { value } = await mammoth.extractRawText({ buffer: docx.body as Buffer });
      expect(value).toContain(`Мероприятий дорожных карт: ${items.length}.`);
      for (const item of items) expect(value).toContain(item.measure);
    });

    it('is for the region of the caller’s own agency when none is asked', async () => {
      const agency = items.flatMap((i) => i.executors).find((e) => e.agency)!.agency!;
      const token = await t.tokenFor({ role: Role.COORDINATOR, agencyId: agency.id });
      const res = await t
        .http()
        .get(`/reports/annual-report.xlsx?asOf=${TODAY}`)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain(`-${REGION}-`);
      const book = await workbook(res.body as Buffer);
      expect(book.getWorksheet('Сводка')!.getRow(2).getCell(1).value).toBe(REGION_NAME);
    });
  });

  describe('the Albrecht centre’s monitoring (seed 000 item 18)', () => {
    it('gives the figures month by month under Russian headers', async () => {
      const res = await download('albrecht-monitoring.xlsx', `?asOf=${TODAY}&region=${REGION}`);
      expect(res.status).toBe(200);
      const book = await workbook(res.body as Buffer);
      const { header, rows } = tableOf(book.getWorksheet('Мониторинг')!, 'Наименование показателя');
      expect(header).toEqual([
        'Наименование показателя',
        'N строки',
        ...series.map((m) => `${m.asOf.slice(8, 10)}.${m.asOf.slice(5, 7)}.${m.asOf.slice(0, 4)}`),
      ]);
      // no English left: every header and every figure's name is Russian
      for (const name of [...header, ...rows.map((r) => String(r[0]))])
        expect(name).not.toMatch(/[A-Za-z]{2,}/);
      const line = (label: string) => rows.find((r) => r[0] === label)!.slice(2);
      expect(line(IDENTIFIED)).toEqual(series.map((m) => m.peopleIdentified));
      expect(line('Подано заявлений о предоставлении сопровождаемого проживания, единица')).toEqual(
        series.map((m) => m.applications.submitted),
      );
      const flats = tableOf(
        book.getWorksheet('Квартиры')!,
        'Квартиры для сопровождаемого проживания инвалидов',
      );
      expect(flats.header).toEqual([
        'Квартиры для сопровождаемого проживания инвалидов',
        'N строки',
        'Всего',
        'Мест, единица',
        'Из них занято, единица',
      ]);
      checkMunicipalities(book.getWorksheet('По муниципалитетам'));
      const pdf = await download('albrecht-monitoring.pdf', `?asOf=${TODAY}&region=${REGION}`);
      const text = flat(await pdfText(pdf.body as Buffer));
      expect(text).toContain('Сведения мониторинга развития сопровождаемого проживания инвалидов');
      expect(text).toContain('Наименование показателя');
      expect(text).toContain(REGION_NAME);
    });
  });

  describe('the brief for a chosen Council meeting', () => {
    it('gives the agenda, the figures, every late item of the region by agency and the decisions by protocol', async () => {
      const res = await download('council-brief.docx', `?meetingId=${meeting.id}`, Role.COUNCIL_MEMBER);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const { value: text } = await mammoth.extractRawText({ buffer: res.body as Buffer });
      expect(text).toContain('Справка к заседанию Совета по делам инвалидов');
      expect(text).toContain(REGION_NAME);
      expect(text).toContain(`протокол № ${meeting.protocolNumber}`);
      expect(text).toContain(meeting.agenda);
      expect(text).toMatch(new RegExp(`Мест в тренировочных квартирах\\s+${live.trainingFlatPlaces}\\s`));
      expect(text).toContain(`Просроченные мероприятия дорожных карт региона (${late.length})`);
      // every late item of the region, with its roadmap named, under each agency executing it
      for (const o of late) {
        expect(text).toContain(o.item.reference);
        for (const e of o.item.executors)
          if (e.agency) expect(text).toContain(`${e.agency.name} — просрочено:`);
      }
      // decisions named by protocol and number, never by a bare number
      expect(meeting.decisions.length).toBeGreaterThan(0);
      for (const d of [...meeting.decisions, ...openDecisions]) {
        expect(d.reference).toMatch(new RegExp(`^Протокол № ${meeting.protocolNumber}, поручение \\d+$`));
        expect(text).toContain(d.reference);
        expect(text).toContain(d.text);
      }
    });

    it('comes as PDF whose text lists every late item', async () => {
      const res = await download('council-brief.pdf', `?meetingId=${meeting.id}`, Role.COUNCIL_MEMBER);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = flat(await pdfText(res.body as Buffer));
      expect(text).toContain('Справка к заседанию Совета по делам инвалидов');
      for (const o of late) expect(squash(text)).toContain(squash(o.item.reference));
      for (const d of meeting.decisions) expect(text).toContain(d.reference);
    });
  });

  it('gives reports only to those who may read the indicators, and refuses bad requests', async () => {
    expect((await download('council-brief.pdf', '', 'anonymous')).status).toBe(401);
    const admin = await download('annual-report.xlsx', `?region=${REGION}`, Role.ADMIN);
    expect(admin.status).toBe(403);
    expect(JSON.parse((admin.body as Buffer).toString()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download('no-such-report.pdf', '')).status).toBe(404);
    expect((await download('annual-report.exe', '')).status).toBe(404);
    const code = async (file: string, query: string) =>
      JSON.parse(((await download(file, query)).body as Buffer).toString()).errors[0].extensions.code;
    expect(await code('annual-report.xlsx', '?asOf=15.01.2026')).toBe('DATE_INVALID');
    expect(await code('annual-report.xlsx', '?year=2031')).toBe('YEAR_INVALID');
    expect(await code('council-brief.pdf', '?meetingId=42')).toBe('VALIDATION_FAILED');
    expect(await code('council-brief.pdf', '?meetingId=00000000-0000-4000-8000-000000000000')).toBe(
      'NOT_FOUND',
    );
  });
});
