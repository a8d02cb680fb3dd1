import { testConfig } from '@sl/core';
import { startSystem } from '@sl/gateway';
import { docxOf, kaliningradTable, seedText, sql, toBase64, xlsxOf } from '../support/roadmap-files.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const IMPORT = /* GraphQL */ `
  mutation Import($input: RoadmapImportInput!) {
    importRoadmap(input: $input) {
      outcome title sectionCount itemCount created updated withdrawn warnings
      unresolvedExecutors { itemKey name }
      roadmap { id version periodStartYear periodEndYear sections { key number title parentKey level executorsText } }
    }
  }
`;
const PREVIEW = /* GraphQL */ `
  mutation Preview($input: RoadmapImportInput!) {
    previewRoadmapImport(input: $input) {
      outcome sectionCount itemCount roadmap { id }
      items { key number measure deadlineText executors { nameAsWritten agencyName coExecutor } }
    }
  }
`;
const ITEMS = /* GraphQL */ `
  query Items($roadmapId: ID, $first: Int, $after: String) {
    roadmapItems(roadmapId: $roadmapId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        key number ordinal measure deadlineText documentType problem expectedResult
        deadline { kind date start year month firstYear lastYear dueDay yearOffset }
        targets { index value unit comparator }
        section { key }
        executors { nameAsWritten role agency { name } }
        obligations { periodKey dueDate status }
      } }
    }
  }
`;

interface Item {
  key: string;
  number: string | null;
  ordinal: number | null;
  measure: string;
  deadlineText: string | null;
  documentType: string | null;
  problem: string | null;
  expectedResult: string | null;
  deadline: Record<string, unknown>[];
  targets: { index: number; value: number; unit: string | null; comparator: string }[];
  section: { key: string } | null;
  executors: { nameAsWritten: string; role: string; agency: { name: string } | null }[];
  obligations: { periodKey: string; dueDate: string; status: string }[];
}
interface ImportResult {
  outcome: string;
  title: string;
  sectionCount: number;
  itemCount: number;
  created: number;
  updated: number;
  withdrawn: number;
  warnings: string[];
  unresolvedExecutors: { itemKey: string; name: string }[];
  roadmap: {
    id: string;
    version: number;
    periodStartYear: number | null;
    periodEndYear: number | null;
    sections: {
      key: string;
      number: string | null;
      title: string;
      parentKey: string | null;
      level: number;
      executorsText: string | null;
    }[];
  };
}

describe('roadmap import through the gateway', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t.stop());

  const importRoadmap = async (input: Record<string, unknown>) =>
    t.gql<{ importRoadmap: ImportResult }>(IMPORT, { input });
  const allItems = async (roadmapId: string): Promise<Item[]> => {
    const res = await t.gql<{ roadmapItems: { edges: { node: Item }[] } }>(ITEMS, { roadmapId, first: 200 });
    expect(res.errors).toBeUndefined();
    return res.data!.roadmapItems.edges.map((e) => e.node);
  };
  const byKey = (items: Item[], key: string) => {
    const found = items.find((i) => i.key === key);
    if (!found) throw new Error(`no item ${key}`);
    return found;
  };
  const counts = async () =>
    (
      await sql<Record<string, unknown>>(
        t.database.url,
        `SELECT (SELECT count(*) FROM coordination.roadmap)::int AS roadmaps,
              (SELECT count(*) FROM coordination.roadmap_item)::int AS items,
              (SELECT count(*) FROM coordination.obligation)::int AS obligations,
              (SELECT count(*) FROM coordination.item_executor)::int AS executors`,
      )
    )[0];

  it('imports seed 000 (Kaliningrad): 3 sections, 17 items, every deadline shape, 12 places', async () => {
    // seed 000: 20 numbered rows in 3 sections; rows 1, 6 and 19 are the sections
    const res = await importRoadmap({
      region: 'kaliningrad',
      filename: '312-рп.txt',
      contentBase64: toBase64(seedText('kaliningrad-000')),
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.importRoadmap;
    expect(r).toMatchObject({
      outcome: 'CREATED',
      sectionCount: 3,
      itemCount: 17,
      created: 17,
      warnings: [],
    });
    expect(r.title).toMatch(/^ПЛАН мероприятий .*на период до 2026 года$/);
    expect(r.roadmap).toMatchObject({ version: 1, periodStartYear: 2024, periodEndYear: 2026 });
    expect(r.roadmap.sections.map((s) => s.number)).toEqual(['1', '6', '19']);
    expect(r.unresolvedExecutors).toEqual([]);

    const items = await allItems(r.roadmap.id);
    expect(items.map((i) => i.number)).toEqual([
      '2',
      '3',
      '4',
      '5',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '20',
    ]);
    // A row cut by a page break is joined back: «30 июня» + «2025 года».
    const four = byKey(items, '4');
    expect(four.measure).toMatch(
      /^Привлечение негосударственных организаций различных организационно-правовых форм/,
    );
    expect(four.deadline).toEqual([expect.objectContaining({ kind: 'DATE', date: '2025-06-30' })]);
    expect(four.section).toEqual({ key: '1' });
    expect(four.documentType).toMatch(/^Соглашение о предоставлении субсидий/);
    // seed 000 item 12: «Организация 12 мест» — the 12-place training department
    expect(byKey(items, '12').targets).toEqual([
      { index: 0, value: 12, unit: 'мест', comparator: 'EXACTLY' },
    ]);
    expect(byKey(items, '12').deadline).toEqual([
      expect.objectContaining({ kind: 'DATE', date: '2025-01-01' }),
    ]);
    // «Ежегодно»: one obligation per year of the roadmap's period (2024–2026)
    expect(byKey(items, '7').obligations.map((o) => o.dueDate)).toEqual([
      '2024-12-31',
      '2025-12-31',
      '2026-12-31',
    ]);
    // «31 декабря 2024 года, далее – ежегодно»
    expect(byKey(items, '10').deadlineText).toBe('31 декабря 2024 года, далее – ежегодно');
    expect(byKey(items, '10').obligations.map((o) => o.dueDate)).toEqual([
      '2024-12-31',
      '2025-12-31',
      '2026-12-31',
    ]);
    // seed 000 item 16: «Ежегодно с 01 марта 2026 года» (federal statistical reporting)
    expect(byKey(items, '16').deadline).toEqual([
      expect.objectContaining({ kind: 'ANNUAL', start: '2026-03-01', firstYear: 2026, dueDay: '03-01' }),
    ]);
    expect(byKey(items, '16').obligations.map((o) => o.dueDate)).toEqual(['2026-03-01']);
    // seed 000 item 18: monitoring to the Albrecht centre «ежегодно к 01 октября года, следующего за отчетным»
    expect(byKey(items, '18').deadline).toEqual([
      expect.objectContaining({
        kind: 'ANNUAL',
        firstYear: 2024,
        lastYear: 2025,
        dueDay: '10-01',
        yearOffset: 1,
      }),
    ]);
    expect(byKey(items, '18').obligations.map((o) => o.dueDate)).toEqual(['2025-10-01', '2026-10-01']);
    // Two responsible ministries, both resolved.
    expect(byKey(items, '9').executors.map((e) => [e.agency?.name, e.role])).toEqual([
      ['Министерство социальной политики Калининградской области', 'RESPONSIBLE'],
      ['Министерство образования Калининградской области', 'RESPONSIBLE'],
    ]);
  });

  it('imports seed 003 (Novosibirsk): 3 sections, 33 items, ranges, co-executors after «во взаимодействии с»', async () => {
    const res = await importRoadmap({
      region: 'novosibirsk',
      filename: 'nso-2021-2024.txt',
      contentBase64: toBase64(seedText('novosibirsk-003')),
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.importRoadmap;
    expect(r).toMatchObject({ outcome: 'CREATED', sectionCount: 3, itemCount: 33 });
    expect(r.roadmap).toMatchObject({ periodStartYear: 2021, periodEndYear: 2024 });
    const items = await allItems(r.roadmap.id);
    expect(items.filter((i) => i.section?.key === '1')).toHaveLength(10);
    expect(items.filter((i) => i.section?.key === '2')).toHaveLength(20);
    expect(items.filter((i) => i.section?.key === '3')).toHaveLength(3);
    const first = byKey(items, '1.1');
    expect(first.deadline).toEqual([
      expect.objectContaining({ kind: 'RANGE', start: '2021-01-01', date: '2024-12-31' }),
    ]);
    expect(first.executors.map((e) => [e.nameAsWritten, e.role, e.agency !== null])).toEqual([
      ['Минтруда и соцразвития НСО', 'RESPONSIBLE', true],
      ['ОМС НСО', 'CO_EXECUTOR', true],
      ['ГУ ССО', 'CO_EXECUTOR', true],
      ['КЦСОН', 'CO_EXECUTOR', true],
      ['СО НКО', 'CO_EXECUTOR', true],
    ]);
    // A name broken by a line break («Минтруда\nи соцразвития НСО») is one agency.
    expect(byKey(items, '1.2').executors.map((e) => e.agency?.name)).toEqual([
      'министерство труда и социального развития Новосибирской области',
    ]);
    // «Минтруд и соцразвития НСО» (item 2.20, a typo in the source) still resolves.
    expect(byKey(items, '2.20').executors[0]!.agency?.name).toBe(
      'министерство труда и социального развития Новосибирской области',
    );
    expect(byKey(items, '2.10').deadline).toEqual([
      expect.objectContaining({ kind: 'RANGE', start: '2020-01-01' }),
    ]);
    // seed 003 item 2.3: «не менее 200 специалистов»
    expect(byKey(items, '2.3').targets).toEqual([
      expect.objectContaining({ value: 200, unit: 'специалистов', comparator: 'AT_LEAST' }),
    ]);
    // Names not in the directory are kept and reported, never dropped.
    expect(r.unresolvedExecutors).toContainEqual({
      itemKey: '2.3',
      name: 'профессиональными образовательными учреждениями среднего профессионального и высшего образования',
    });
    expect(byKey(items, '2.3').executors.at(-1)).toMatchObject({ agency: null, role: 'CO_EXECUTOR' });
  });

  it('imports seed 004 (Astrakhan): hierarchical numbers, the restarted 2.1 inside 4.4, months, ≥ 80 %', async () => {
    const res = await importRoadmap({
      region: 'astrakhan',
      filename: 'astrakhan.txt',
      title: 'Дорожная карта комплексной реабилитации и абилитации инвалидов Астраханской области',
      contentBase64: toBase64(seedText('astrakhan-004')),
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.importRoadmap;
    expect(r).toMatchObject({ outcome: 'CREATED', sectionCount: 18, itemCount: 62, warnings: [] });
    const sections = r.roadmap.sections;
    expect(sections.filter((s) => s.level === 1).map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    // seed 004: numbering restarts at 2.1 inside section 4.4 — kept as written, placed under 4.4
    expect(sections.find((s) => s.key === '4.4/2.1')).toMatchObject({
      number: '2.1',
      parentKey: '4.4',
      level: 3,
    });
    expect(sections.find((s) => s.key === '2.1')).toMatchObject({ parentKey: '2', level: 2 });
    expect(sections.find((s) => s.key === '1.1')!.executorsText).toBe(
      'Министерство социального развития и труда АО',
    );
    const items = await allItems(r.roadmap.id);
    const restarted = byKey(items, '4.4/2.1.1');
    expect(restarted).toMatchObject({ number: '2.1.1', ordinal: null, section: { key: '4.4/2.1' } });
    expect(byKey(items, '2.1.1')).toMatchObject({ ordinal: 17, section: { key: '2.1' } });
    expect(restarted.deadline).toEqual([
      expect.objectContaining({ kind: 'MONTH', year: 2022, month: 11 }),
      expect.objectContaining({ kind: 'MONTH', year: 2023, month: 3 }),
    ]);
    // Unnumbered rows (empty № column) are imported with their hierarchical number.
    expect(byKey(items, '3.1.1')).toMatchObject({ ordinal: null, number: '3.1.1' });
    // seed 004 item 1.1.1: «охват не менее 80%»
    const informing = byKey(items, '1.1.1');
    expect(informing.targets).toEqual([{ index: 0, value: 80, unit: '%', comparator: 'AT_LEAST' }]);
    expect(informing.deadline).toEqual([expect.objectContaining({ kind: 'MONTH', year: 2021, month: 4 })]);
    expect(informing.obligations.map((o) => o.dueDate)).toEqual(['2021-04-30']);
    expect(informing.problem).toMatch(/^Недостаточный уровень информированности/);
    // «2021 ноябрь 2022 ноябрь 2023 ноябрь»: three periods
    expect(byKey(items, '1.2.3').obligations.map((o) => o.dueDate)).toEqual([
      '2021-11-30',
      '2022-11-30',
      '2023-11-30',
    ]);
    // month before year: «ноябрь 2021 ноябрь 2022 ноябрь 2023»
    expect(byKey(items, '4.1.13').obligations.map((o) => o.periodKey)).toEqual([
      '2021-11',
      '2022-11',
      '2023-11',
    ]);
    // seed 004 item 4.1.6: «Планируемый охват 300 детей»; 4.3.7: «Не менее 50 волонтеров»; 4.3.4: «не менее 20»
    expect(byKey(items, '4.1.6').targets).toContainEqual(
      expect.objectContaining({ value: 300, unit: 'детей' }),
    );
    expect(byKey(items, '4.3.7').targets).toEqual([
      expect.objectContaining({ value: 50, unit: 'волонтеров', comparator: 'AT_LEAST' }),
    ]);
    expect(byKey(items, '4.3.4').targets.map((t) => [t.value, t.comparator])).toEqual([
      [20, 'AT_LEAST'],
      [12, 'AT_LEAST'],
    ]);
    // Executors separated only by line breaks are each resolved (4.1.9).
    expect(byKey(items, '4.1.9').executors.map((e) => e.agency?.name)).toEqual([
      'Министерство социального развития и труда Астраханской области',
      'Министерство культуры и туризма Астраханской области',
    ]);
    expect(byKey(items, '4.1.13').executors[0]!.agency?.name).toBe(
      'Министерство физической культуры и спорта Астраханской области',
    );
  });

  it('changes nothing when the same document is imported again', async () => {
    const before = await counts();
    const snapshot = await sql<Record<string, unknown>>(
      t.database.url,
      'SELECT * FROM coordination.roadmap ORDER BY id',
    );
    const res = await importRoadmap({
      region: 'kaliningrad',
      filename: '312-рп.txt',
      contentBase64: toBase64(seedText('kaliningrad-000')),
    });
    expect(res.data!.importRoadmap).toMatchObject({ outcome: 'UNCHANGED', created: 0, updated: 0 });
    expect(await counts()).toEqual(before);
    expect(
      await sql<Record<string, unknown>>(t.database.url, 'SELECT * FROM coordination.roadmap ORDER BY id'),
    ).toEqual(snapshot);
  });

  it('updates a new version in place by number and keeps obligations', async () => {
    const original = seedText('kaliningrad-000');
    const changed = original.replace('Организация 12 мест', 'Организация 14 мест');
    const before = await counts();
    const first = await t.gql<{ roadmaps: { edges: { node: { id: string } }[] } }>(
      '{ roadmaps(region: "kaliningrad") { edges { node { id } } } }',
    );
    const roadmapId = first.data!.roadmaps.edges[0]!.node.id;
    const itemIdBefore = (
      await sql<Record<string, unknown>>(
        t.database.url,
        `SELECT id FROM coordination.roadmap_item WHERE roadmap_id = $1 AND key = '12'`,
        [roadmapId],
      )
    )[0]!.id;
    const res = await importRoadmap({
      region: 'kaliningrad',
      filename: 'v2.txt',
      contentBase64: toBase64(changed),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importRoadmap).toMatchObject({
      outcome: 'UPDATED',
      created: 0,
      updated: 1,
      withdrawn: 0,
    });
    expect(res.data!.importRoadmap.roadmap).toMatchObject({ id: roadmapId, version: 2 });
    expect(await counts()).toEqual(before);
    const items = await allItems(roadmapId);
    expect(byKey(items, '12').targets[0]!.value).toBe(14);
    const itemIdAfter = (
      await sql<Record<string, unknown>>(
        t.database.url,
        `SELECT id FROM coordination.roadmap_item WHERE roadmap_id = $1 AND key = '12'`,
        [roadmapId],
      )
    )[0]!.id;
    expect(itemIdAfter).toBe(itemIdBefore);
    // back to the original for the other tests
    await importRoadmap({ region: 'kaliningrad', filename: '312-рп.txt', contentBase64: toBase64(original) });
  });

  it('previews without writing', async () => {
    const before = await counts();
    const res = await t.gql<{
      previewRoadmapImport: {
        outcome: string;
        itemCount: number;
        roadmap: null;
        items: { key: string; executors: { agencyName: string | null; coExecutor: boolean }[] }[];
      };
    }>(PREVIEW, {
      input: {
        region: 'novosibirsk',
        filename: 'x.txt',
        title: 'Черновик',
        contentBase64: toBase64(seedText('novosibirsk-003')),
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewRoadmapImport).toMatchObject({
      outcome: 'PREVIEW',
      itemCount: 33,
      roadmap: null,
    });
    expect(res.data!.previewRoadmapImport.items[0]!.executors[1]).toEqual({
      nameAsWritten: 'ОМС НСО',
      agencyName: 'органы местного самоуправления муниципальных образований Новосибирской области',
      coExecutor: true,
    });
    expect(await counts()).toEqual(before);
  });

  it('imports the same roadmap from .docx and from .xlsx made with real libraries', async () => {
    const table = kaliningradTable();
    for (const [filename, bytes] of [
      ['312-рп.docx', await docxOf(table)],
      ['312-рп.xlsx', await xlsxOf(table)],
    ] as const) {
      const res = await importRoadmap({
        region: 'kaliningrad-test',
        filename,
        contentBase64: toBase64(bytes),
      });
      expect(res.errors).toBeUndefined();
      const r = res.data!.importRoadmap;
      expect(r).toMatchObject({ sectionCount: 3, itemCount: 17 });
      const items = await allItems(r.roadmap.id);
      expect(byKey(items, '4').deadline).toEqual([
        expect.objectContaining({ kind: 'DATE', date: '2025-06-30' }),
      ]);
      expect(byKey(items, '12').targets[0]).toMatchObject({ value: 12, unit: 'мест' });
      expect(byKey(items, '18').obligations.map((o) => o.dueDate)).toEqual(['2025-10-01', '2026-10-01']);
    }
  });

  it('loads the agency directory once however often the system starts, and resolves names as written', async () => {
    const agencies = async () =>
      (await sql<{ n: number }>(t.database.url, 'SELECT count(*)::int AS n FROM coordination.agency'))[0]!.n;
    const before = await agencies();
    // seeds 000, 003 and 004: 6 + 15 + 8 agencies, and Kaliningrad's ministry of health and
    // employment centre, which seed 000 does not name but the demo's officers work for; Kaluga's and
    // Murmansk's four each that their interagency requests go to (seeds 001 §4, §3 д; 002)
    expect(before).toBe(39);
    const second = await startSystem({ config: testConfig({ DATABASE_URL: t.database.url }) });
    await second.stop();
    expect(await agencies()).toBe(before);
    const res = await t.gql<{ resolveAgency: { name: string; kind: string } | null; none: null }>(
      `query($text: String!) { resolveAgency(region: "novosibirsk", text: $text) { name kind }
         none: resolveAgency(region: "kaliningrad", text: $text) { name } }`,
      { text: '<p>минздрав\nНСО</p>' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      resolveAgency: { name: 'министерство здравоохранения Новосибирской области', kind: 'MINISTRY' },
      none: null,
    });
  });

  it('refuses a corrupted file of each format, says what it could not read, and changes nothing', async () => {
    const before = await counts();
    const lines = seedText('kaliningrad-000').split('\n');
    const broken = lines.map((l, i) => (i === 55 ? `${l}\tлишняя\tячейка\tещё` : l)).join('\n');
    const text = await importRoadmap({
      region: 'kaliningrad',
      filename: 'bad.txt',
      contentBase64: toBase64(broken),
    });
    expect(text.errors?.[0]?.extensions).toMatchObject({
      code: 'ROADMAP_ROW_UNREADABLE',
      line: 56,
      field: 'contentBase64',
    });
    expect(text.errors?.[0]?.message).toMatch(/строку 56/);

    const latin1 = Buffer.concat([Buffer.from('№ п/п\tмероприятие\n'), Buffer.from([0xc0, 0xe1, 0xe2])]);
    const encoding = await importRoadmap({
      region: 'kaliningrad',
      filename: 'cp1251.txt',
      contentBase64: toBase64(latin1),
    });
    expect(encoding.errors?.[0]?.extensions).toMatchObject({ code: 'ROADMAP_ENCODING_INVALID', line: 2 });

    const docx = await docxOf(kaliningradTable());
    const truncatedDocx = await importRoadmap({
      region: 'kaliningrad',
      filename: 'bad.docx',
      contentBase64: toBase64(docx.subarray(0, docx.length / 2)),
    });
    expect(truncatedDocx.errors?.[0]?.extensions?.code).toBe('ROADMAP_FILE_UNREADABLE');
    expect(truncatedDocx.errors?.[0]?.message).toMatch(/docx/);

    const xlsx = await xlsxOf(kaliningradTable());
    const truncatedXlsx = await importRoadmap({
      region: 'kaliningrad',
      filename: 'bad.xlsx',
      contentBase64: toBase64(xlsx.subarray(0, xlsx.length / 2)),
    });
    expect(truncatedXlsx.errors?.[0]?.extensions?.code).toBe('ROADMAP_FILE_UNREADABLE');

    const table = kaliningradTable();
    table.rows[3] = [...table.rows[3]!, 'лишняя', 'ячейка'];
    const badRow = await importRoadmap({
      region: 'kaliningrad',
      filename: 'row.xlsx',
      contentBase64: toBase64(await xlsxOf(table)),
    });
    expect(badRow.errors?.[0]?.extensions).toMatchObject({ code: 'ROADMAP_ROW_UNREADABLE', line: 8 });

    const pathName = await importRoadmap({
      region: 'kaliningrad',
      filename: '../../etc/passwd',
      contentBase64: 'AAAA',
    });
    expect(pathName.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(pathName.errors?.[0]?.extensions?.field).toBe('filename');
    expect(await counts()).toEqual(before);
  });
});
