import {
  docxOf,
  docxOfTable,
  kaliningradTable,
  seedTable,
  seedText,
  toBase64,
  xlsxOf,
  xlsxOfTable,
} from '../support/roadmap-files.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The importer reads the seed roadmaps (000 Kaliningrad, 003 Novosibirsk, 004 Astrakhan) from
 * .txt, .docx and .xlsx alike; 003 brings its own list of abbreviations; a re-import of a changed
 * document is previewed against the stored version before it is applied.
 */
const IMPORT = /* GraphQL */ `
  mutation Import($input: RoadmapImportInput!) {
    importRoadmap(input: $input) {
      outcome itemCount sectionCount created updated withdrawn storedVersion
      unresolvedExecutors { itemKey name }
      listedAgencies { name abbreviation isNew }
      roadmap { id version }
    }
  }
`;
const PREVIEW = /* GraphQL */ `
  mutation Preview($input: RoadmapImportInput!) {
    previewRoadmapImport(input: $input) {
      outcome created updated withdrawn storedVersion roadmap { id }
      changes { key number measure change fields }
    }
  }
`;
const ITEMS = /* GraphQL */ `
  query Items($roadmapId: ID, $after: String) {
    roadmapItems(roadmapId: $roadmapId, first: 40, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        key number ordinal measure deadlineText documentType problem expectedResult footnotes
        deadline { kind date start year month firstYear lastYear dueDay yearOffset }
        targets { index value unit comparator text }
        section { key }
        executors { nameAsWritten role agency { name } }
        obligations { periodKey dueDate }
      } }
    }
  }
`;

interface Item {
  key: string;
  measure: string;
  footnotes: string[];
  targets: { value: number; unit: string | null; comparator: string }[];
  executors: { nameAsWritten: string; role: string; agency: { name: string } | null }[];
  obligations: { periodKey: string; dueDate: string }[];
}
interface Imported {
  outcome: string;
  itemCount: number;
  sectionCount: number;
  created: number;
  updated: number;
  withdrawn: number;
  storedVersion: number | null;
  unresolvedExecutors: { itemKey: string; name: string }[];
  listedAgencies: { name: string; abbreviation: string; isNew: boolean }[];
  roadmap: { id: string; version: number };
}
interface Change {
  key: string;
  number: string | null;
  measure: string;
  change: string;
  fields: string[];
}

describe('roadmap import from every format, with the document’s own abbreviations', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t.stop());

  const importRoadmap = async (input: Record<string, unknown>): Promise<Imported> => {
    const res = await t.gql<{ importRoadmap: Imported }>(IMPORT, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.importRoadmap;
  };
  const items = async (roadmapId: string): Promise<Item[]> => {
    const all: Item[] = [];
    for (let after: string | null = null; ; ) {
      const res: GraphQLResponse<{
        roadmapItems: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Item }[] };
      }> = await t.gql(ITEMS, { roadmapId, after });
      expect(res.errors).toBeUndefined();
      all.push(...res.data!.roadmapItems.edges.map((e) => e.node));
      if (!res.data!.roadmapItems.pageInfo.hasNextPage) return all;
      after = res.data!.roadmapItems.pageInfo.endCursor;
    }
  };
  const item = (list: Item[], key: string) => {
    const found = list.find((i) => i.key === key);
    if (!found) throw new Error(`no item ${key}`);
    return found;
  };

  it('reads seed 003’s list «Применяемые сокращения» into the directory, so its names resolve', async () => {
    const before = await t.gql<{ agencies: { totalCount: number } }>(
      '{ agencies(region: "novosibirsk") { totalCount } }',
    );
    // no directory of Novosibirsk is loaded in advance: the document brings it
    expect(before.data!.agencies.totalCount).toBe(0);
    const r = await importRoadmap({
      region: 'novosibirsk',
      filename: 'nso-2021-2024.txt',
      contentBase64: toBase64(seedText('novosibirsk-003')),
    });
    expect(r).toMatchObject({ outcome: 'CREATED', itemCount: 33 });
    expect(r.listedAgencies).toHaveLength(15);
    expect(r.listedAgencies).toContainEqual({
      abbreviation: 'Минздрав НСО',
      name: 'министерство здравоохранения Новосибирской области',
      isNew: true,
    });
    // only names the list does not hold stay unresolved (kept as written)
    expect(r.unresolvedExecutors.map((u) => u.name)).not.toContain('Минздрав НСО');
    const list = await items(r.roadmap.id);
    expect(item(list, '1.1').executors.map((e) => [e.nameAsWritten, e.role, e.agency?.name])).toEqual([
      [
        'Минтруда и соцразвития НСО',
        'RESPONSIBLE',
        'министерство труда и социального развития Новосибирской области',
      ],
      [
        'ОМС НСО',
        'CO_EXECUTOR',
        'органы местного самоуправления муниципальных образований Новосибирской области',
      ],
      [
        'ГУ ССО',
        'CO_EXECUTOR',
        'государственные учреждения стационарного социального обслуживания, предоставляющие социальные услуги инвалидам, страдающим психическими расстройствами',
      ],
      [
        'КЦСОН',
        'CO_EXECUTOR',
        'комплексные центры социального обслуживания населения муниципальный районов и городских округов Новосибирской области',
      ],
      ['СО НКО', 'CO_EXECUTOR', 'социально ориентированные некоммерческие организации'],
    ]);
    const after = await t.gql<{
      agencies: { totalCount: number; edges: { node: { name: string; kind: string } }[] };
    }>('{ agencies(region: "novosibirsk", first: 50) { totalCount edges { node { name kind } } } }');
    expect(after.data!.agencies.totalCount).toBe(15);
    expect(after.data!.agencies.edges.map((e) => e.node)).toContainEqual({
      name: 'органы местного самоуправления муниципальных образований Новосибирской области',
      kind: 'MUNICIPALITY',
    });
    // seed 003 item 3.3: «Ежегодное предоставление отчета» 01.01.2021 – 31.12.2024: one obligation a year
    expect(item(list, '3.3').obligations.map((o) => o.dueDate)).toEqual([
      '2021-12-31',
      '2022-12-31',
      '2023-12-31',
      '2024-12-31',
    ]);
    expect(item(list, '3.2').obligations.map((o) => o.dueDate)).toEqual(['2024-12-31']);
  });

  const seeds = [
    {
      name: 'kaliningrad-000',
      region: 'kaliningrad',
      docx: () => docxOf(kaliningradTable()),
      xlsx: () => xlsxOf(kaliningradTable()),
      items: 17,
    },
    {
      name: 'novosibirsk-003',
      region: 'novosibirsk',
      docx: () => docxOfTable(seedTable('novosibirsk-003')),
      xlsx: () => xlsxOfTable(seedTable('novosibirsk-003')),
      items: 33,
    },
    {
      name: 'astrakhan-004',
      region: 'astrakhan',
      docx: () => docxOfTable(seedTable('astrakhan-004')),
      xlsx: () => xlsxOfTable(seedTable('astrakhan-004')),
      items: 62,
    },
  ] as const;

  it.each(seeds)(
    'reads seed $name from .docx and .xlsx (003 with its merged two-row header) as from .txt',
    async (seed) => {
      const title = `Дорожная карта ${seed.name}`;
      const fromText = await importRoadmap({
        region: seed.region,
        filename: `${seed.name}.txt`,
        title,
        contentBase64: toBase64(seedText(seed.name)),
      });
      expect(fromText.itemCount).toBe(seed.items);
      const expected = await items(fromText.roadmap.id);
      for (const [ext, bytes] of [
        ['docx', await seed.docx()],
        ['xlsx', await seed.xlsx()],
      ] as const) {
        const r = await importRoadmap({
          region: seed.region,
          filename: `${seed.name}.${ext}`,
          title: `${title} (${ext})`,
          contentBase64: toBase64(bytes),
        });
        expect([ext, r.outcome, r.itemCount, r.sectionCount]).toEqual([
          ext,
          'CREATED',
          seed.items,
          fromText.sectionCount,
        ]);
        // the same items, deadlines, executors, targets, footnotes and obligations
        expect(await items(r.roadmap.id)).toEqual(expected);
      }
    },
  );

  it('keeps the units of every target and the footnotes apart (seed 004 items 4.3.4, 4.4.1)', async () => {
    const roadmaps = await t.gql<{ roadmaps: { edges: { node: { id: string; title: string } }[] } }>(
      '{ roadmaps(region: "astrakhan") { edges { node { id title } } } }',
    );
    const astrakhan = roadmaps.data!.roadmaps.edges.find(
      (e) => e.node.title === 'Дорожная карта astrakhan-004',
    )!;
    const list = await items(astrakhan.node.id);
    expect(item(list, '4.3.4').targets).toEqual([
      {
        index: 0,
        value: 20,
        unit: 'семинаров, круглых столов, мастер-площадок',
        comparator: 'AT_LEAST',
        text: 'Количество проведенных семинаров, круглых столов, мастер-площадок не менее 20',
      },
      {
        index: 1,
        value: 12,
        unit: 'вебинаров',
        comparator: 'AT_LEAST',
        text: 'Количество вебинаров не менее 12',
      },
    ]);
    expect(list.flatMap((i) => i.targets).filter((target) => !target.unit)).toEqual([]);
    const footnoted = item(list, '4.4.1');
    expect(footnoted.measure).not.toMatch(/Приказ|\[/);
    expect(footnoted.footnotes).toEqual([
      expect.stringMatching(/^Приказ Минтруда России от 14 декабря 2017 г\. № 847/),
    ]);
  });

  it('previews the created, changed and withdrawn items of a changed document, then applies them', async () => {
    const original = seedText('kaliningrad-000');
    const title = 'Дорожная карта kaliningrad-000';
    const lines = original.split('\n');
    const last = lines.findIndex((l) => l.startsWith('20\t'));
    const changed = [
      ...lines.slice(0, last).map((l) => l.replace('Организация 12 мест', 'Организация 14 мест')),
      `21\tОбучение специалистов муниципалитетов\t31 декабря 2026 года\tМинистерство социальной политики Калининградской области\tОтчет\tОбучено не менее 30 специалистов`,
      ...lines.slice(last + 1),
    ].join('\n');
    const input = { region: 'kaliningrad', filename: 'v2.txt', title, contentBase64: toBase64(changed) };
    const res = await t.gql<{ previewRoadmapImport: { changes: Change[] } & Record<string, unknown> }>(
      PREVIEW,
      {
        input,
      },
    );
    expect(res.errors).toBeUndefined();
    const preview = res.data!.previewRoadmapImport;
    expect(preview).toMatchObject({
      outcome: 'PREVIEW',
      roadmap: null,
      storedVersion: 1,
      created: 1,
      updated: 1,
      withdrawn: 1,
    });
    expect(preview.changes.map((c) => [c.key, c.change, c.fields])).toEqual([
      ['12', 'CHANGED', ['expectedResult', 'targets']],
      ['21', 'CREATED', []],
      ['20', 'WITHDRAWN', []],
    ]);
    // the preview wrote nothing: the stored version is unchanged
    const stored = await importRoadmap({ ...input, contentBase64: toBase64(original) });
    expect(stored).toMatchObject({ outcome: 'UNCHANGED', storedVersion: 1 });

    const applied = await importRoadmap(input);
    expect(applied).toMatchObject({
      outcome: 'UPDATED',
      storedVersion: 1,
      created: 1,
      updated: 1,
      withdrawn: 1,
      roadmap: { version: 2 },
    });
    const list = await items(applied.roadmap.id);
    expect(item(list, '12').targets[0]).toMatchObject({ value: 14, unit: 'мест' });
    expect(item(list, '21').targets[0]).toMatchObject({ value: 30, unit: 'специалистов' });
    // the same document again: nothing to preview
    const again = await t.gql<{ previewRoadmapImport: { changes: Change[]; storedVersion: number } }>(
      PREVIEW,
      {
        input,
      },
    );
    expect(again.data!.previewRoadmapImport).toMatchObject({ changes: [], storedVersion: 2 });
  });
});
