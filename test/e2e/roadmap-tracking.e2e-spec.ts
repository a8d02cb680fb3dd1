import { ManualClock, Role } from '@sl/core';
import { seedText, sql, toBase64 } from '../support/roadmap-files.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const OBLIGATIONS = /* GraphQL */ `
  query Obligations($filter: ObligationFilter, $first: Int, $after: String) {
    obligations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id periodKey dueDate status daysOverdue completedOn
        responsibleAgency { name }
        item { key measure targets { index value unit comparator } executors { role agency { name } } }
        reports { text figures { targetIndex value } evidence { displayName sha256 size mediaType } agency { name } }
      } }
    }
  }
`;
const LATE = /* GraphQL */ `
  query Late($filter: ObligationFilter, $first: Int) {
    lateObligations(filter: $filter, first: $first) {
      totalCount
      edges { node { id dueDate status daysOverdue item { key } responsibleAgency { name } } }
    }
  }
`;
const REPORT = /* GraphQL */ `
  mutation Report($input: ProgressReportInput!) {
    reportProgress(input: $input) { id reportedOn text figures { targetIndex value } evidence { displayName sha256 size } }
  }
`;

interface Node {
  id: string;
  periodKey: string;
  dueDate: string;
  status: string;
  daysOverdue: number;
  completedOn: string | null;
  responsibleAgency: { name: string } | null;
  item: {
    key: string;
    measure: string;
    targets: { index: number; value: number }[];
    executors: { role: string; agency: { name: string } | null }[];
  };
  reports: {
    text: string;
    figures: { targetIndex: number; value: number }[];
    evidence: { displayName: string; sha256: string; size: number }[];
  }[];
}
type Page = {
  obligations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('evidence of a seminar'),
]);

describe('roadmap execution tracking through the gateway', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2021-01-15T09:00:00Z'));
  let roadmapId: string;
  let agencies: Record<string, string>;

  beforeAll(async () => {
    // The statement counts below measure batching: totals kept between requests (tested in
    // list-keyset and indicators-cache) would make a repeated list cost less than its first call.
    t = await startTestSystem({ clock, env: { INDICATORS_MAX_AGE_SECONDS: '0' } });
    const res = await t.gql<{ importRoadmap: { roadmap: { id: string } } }>(
      `mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id } } }`,
      {
        input: {
          region: 'astrakhan',
          filename: 'astrakhan.txt',
          title: 'Дорожная карта Астраханской области',
          contentBase64: toBase64(seedText('astrakhan-004')),
        },
      },
    );
    expect(res.errors).toBeUndefined();
    roadmapId = res.data!.importRoadmap.roadmap.id;
    const list = await t.gql<{ agencies: { edges: { node: { id: string; name: string } }[] } }>(
      '{ agencies(region: "astrakhan", first: 50) { edges { node { id name } } } }',
    );
    agencies = Object.fromEntries(list.data!.agencies.edges.map((e) => [e.node.name, e.node.id]));
  });
  afterAll(() => t.stop());

  /** The item's responsible ministry (seed 004: social development and labour) reports on it. */
  const reporter = () => ({
    as: {
      role: Role.COORDINATOR,
      agencyId: agencies['Министерство социального развития и труда Астраханской области']!,
    },
  });

  const obligationOf = async (key: string) => {
    const res = await t.gql<Page>(OBLIGATIONS, { filter: { roadmapId }, first: 200 });
    expect(res.errors).toBeUndefined();
    return res.data!.obligations.edges.map((e) => e.node).filter((n) => n.item.key === key);
  };

  it('makes an obligation late by itself once the clock passes its deadline, and names who is responsible', async () => {
    // seed 004 item 1.1.1: deadline «2021 апрель» → due 2021-04-30
    const [before] = await obligationOf('1.1.1');
    expect(before).toMatchObject({ dueDate: '2021-04-30', status: 'NOT_STARTED', daysOverdue: 0 });
    const lateBefore = await t.gql<{ lateObligations: { totalCount: number } }>(LATE, {
      filter: { roadmapId },
    });
    expect(lateBefore.data!.lateObligations.totalCount).toBe(0);

    clock.set('2021-05-03T09:00:00Z');
    const [after] = await obligationOf('1.1.1');
    expect(after).toMatchObject({ status: 'LATE', daysOverdue: 3 });
    const late = await t.gql<{
      lateObligations: {
        totalCount: number;
        edges: { node: { item: { key: string }; status: string; responsibleAgency: { name: string } } }[];
      };
    }>(LATE, { filter: { roadmapId }, first: 50 });
    expect(late.errors).toBeUndefined();
    // everything due in February–April 2021 is late on 3 May 2021
    const expected = (
      await sql<{ n: number }>(
        t.database.url,
        `SELECT count(*)::int AS n FROM coordination.obligation WHERE roadmap_id = $1 AND due_date < '2021-05-03' AND status IN ('NOT_STARTED','IN_PROGRESS')`,
        [roadmapId],
      )
    )[0]!.n;
    expect(expected).toBeGreaterThan(5);
    expect(late.data!.lateObligations.totalCount).toBe(expected);
    const row = late.data!.lateObligations.edges.find((e) => e.node.item.key === '1.1.1')!.node;
    expect(row).toMatchObject({
      status: 'LATE',
      responsibleAgency: { name: 'Министерство социального развития и труда Астраханской области' },
    });
  });

  it('takes a progress report with figures against the targets and evidence stored by its hash', async () => {
    const [o] = await obligationOf('1.1.1');
    const res = await t.gql<{
      reportProgress: {
        figures: unknown[];
        evidence: { displayName: string; sha256: string; size: number }[];
      };
    }>(
      REPORT,
      {
        input: {
          obligationId: o!.id,
          text: 'Распространены буклеты, охват 82%',
          reportedOn: '2021-05-02',
          figures: [{ targetIndex: 0, value: 82 }],
          evidence: [
            { filename: '../../etc/буклет.png', mediaType: 'image/png', contentBase64: toBase64(PNG) },
          ],
          done: true,
        },
      },
      reporter(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportProgress.figures).toEqual([{ targetIndex: 0, value: 82 }]);
    const [file] = res.data!.reportProgress.evidence;
    // The client's path never reaches storage; the name is for display only.
    expect(file).toMatchObject({ displayName: 'буклет.png', size: PNG.length });
    expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await sql<{ content: Buffer }>(
      t.database.url,
      'SELECT content FROM coordination.evidence_file WHERE sha256 = $1',
      [file!.sha256],
    );
    expect(stored[0]!.content.equals(PNG)).toBe(true);

    const [done] = await obligationOf('1.1.1');
    expect(done).toMatchObject({ status: 'DONE', completedOn: '2021-05-02', daysOverdue: 0 });
    expect(done!.reports[0]).toMatchObject({ text: 'Распространены буклеты, охват 82%' });
  });

  it('refuses a report with an unknown target, a disguised file or a future date, and changes nothing', async () => {
    const [o] = await obligationOf('1.1.2');
    const count = async () =>
      (
        await sql<{ n: number }>(
          t.database.url,
          'SELECT count(*)::int AS n FROM coordination.progress_report',
        )
      )[0]!.n;
    const before = await count();
    const unknownTarget = await t.gql(
      REPORT,
      {
        input: { obligationId: o!.id, text: 'x', figures: [{ targetIndex: 3, value: 1 }] },
      },
      reporter(),
    );
    expect(unknownTarget.errors?.[0]?.extensions?.code).toBe('TARGET_UNKNOWN');
    const disguised = await t.gql(
      REPORT,
      {
        input: {
          obligationId: o!.id,
          text: 'x',
          evidence: [
            { filename: 'a.pdf', mediaType: 'application/pdf', contentBase64: toBase64('MZ not a pdf') },
          ],
        },
      },
      reporter(),
    );
    expect(disguised.errors?.[0]?.extensions?.code).toBe('EVIDENCE_TYPE_INVALID');
    const big = await t.gql(
      REPORT,
      {
        input: {
          obligationId: o!.id,
          text: 'x',
          evidence: [
            {
              filename: 'a.txt',
              mediaType: 'text/plain',
              contentBase64: toBase64(Buffer.alloc(300_000, 65)),
            },
          ],
        },
      },
      reporter(),
    );
    expect(big.errors?.[0]?.extensions?.code).toBe('EVIDENCE_TOO_LARGE');
    const future = await t.gql(
      REPORT,
      {
        input: { obligationId: o!.id, text: 'x', reportedOn: '2030-01-01' },
      },
      reporter(),
    );
    expect(future.errors?.[0]?.extensions?.code).toBe('REPORT_DATE_IN_FUTURE');
    const exe = await t.gql(
      REPORT,
      {
        input: {
          obligationId: o!.id,
          text: 'x',
          evidence: [{ filename: 'a.exe', mediaType: 'application/x-msdownload', contentBase64: 'TVo=' }],
        },
      },
      reporter(),
    );
    expect(exe.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);
    const [still] = await obligationOf('1.1.2');
    expect(still!.status).toBe('LATE');
  });

  it('cancels by hand; a cancelled obligation is never late', async () => {
    const [o] = await obligationOf('1.2.2');
    const res = await t.gql<{ setObligationStatus: { status: string } }>(
      'mutation($id: ID!) { setObligationStatus(id: $id, status: CANCELLED) { status } }',
      { id: o!.id },
    );
    expect(res.data!.setObligationStatus.status).toBe('CANCELLED');
    const late = await t.gql<{ lateObligations: { edges: { node: { id: string } }[] } }>(LATE, {
      filter: { roadmapId },
      first: 100,
    });
    expect(late.data!.lateObligations.edges.map((e) => e.node.id)).not.toContain(o!.id);
  });

  it('views by agency (responsible or co-executing), by section and by status', async () => {
    const health = agencies['Министерство здравоохранения Астраханской области']!;
    const byAgency = await t.gql<Page>(OBLIGATIONS, { filter: { agencyId: health }, first: 100 });
    const keys = byAgency.data!.obligations.edges.map((e) => e.node.item.key);
    // seed 004: the health ministry is responsible for 4.1.4, 4.3.2, 4.3.3 and named second in 3.1.2, 3.2.1, 3.3.1, 4.4/2.2.3
    expect(new Set(keys)).toEqual(
      new Set(['3.1.2', '3.2.1', '3.3.1', '4.1.4', '4.3.2', '4.3.3', '4.4/2.2.3']),
    );
    const sections = await t.gql<{ roadmap: { sections: { id: string; key: string }[] } }>(
      'query($id: ID!) { roadmap(id: $id) { sections { id key } } }',
      { id: roadmapId },
    );
    const s44 = sections.data!.roadmap.sections.find((s) => s.key === '4.4/2.2')!;
    const bySection = await t.gql<Page>(OBLIGATIONS, { filter: { sectionId: s44.id }, first: 100 });
    expect(new Set(bySection.data!.obligations.edges.map((e) => e.node.item.key))).toEqual(
      new Set(['4.4/2.2.1', '4.4/2.2.2', '4.4/2.2.3', '4.4/2.2.4']),
    );
    const done = await t.gql<Page>(OBLIGATIONS, { filter: { status: 'DONE', roadmapId }, first: 10 });
    expect(done.data!.obligations.edges.map((e) => e.node.item.key)).toEqual(['1.1.1']);
    const open = await t.gql<Page>(OBLIGATIONS, { filter: { status: 'NOT_STARTED', roadmapId }, first: 200 });
    expect(open.data!.obligations.edges.every((e) => e.node.dueDate >= '2021-05-03')).toBe(true);
    const unknown = await t.gql(OBLIGATIONS, { filter: { status: 'OVERDUE' } });
    // GraphQL itself refuses a value outside the enum.
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages obligations by cursor without gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(OBLIGATIONS, {
        filter: { roadmapId },
        first: 9,
        after,
      });
      const page = res.data!.obligations;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const total = (
      await sql<{ n: number }>(
        t.database.url,
        'SELECT count(*)::int AS n FROM coordination.obligation WHERE roadmap_id = $1',
        [roadmapId],
      )
    )[0]!.n;
    expect(new Set(seen).size).toBe(total);
  });

  it('costs the same number of SQL statements for 12 obligations as for 60, nested fields included', async () => {
    const cost = async (query: string, variables: Record<string, unknown>) => {
      t.resetQueries();
      const res = await t.gql(query, variables);
      expect(res.errors).toBeUndefined();
      return t.queries.get('coordination')?.length ?? 0;
    };
    // Both pages hold the reported obligation (due April 2021), so both load reports and evidence.
    const small = await cost(OBLIGATIONS, { filter: { roadmapId }, first: 12 });
    const large = await cost(OBLIGATIONS, { filter: { roadmapId }, first: 60 });
    expect(large).toBe(small);
    // page, count, items, executors, agencies (responsible and executors), reports, evidence
    expect(small).toBe(8);
    const lateSmall = await cost(LATE, { first: 2 });
    const lateLarge = await cost(LATE, { first: 40 });
    expect(lateLarge).toBe(lateSmall);

    const ITEMS = `query($id: ID, $first: Int) { roadmapItems(roadmapId: $id, first: $first) { totalCount edges { node {
      key section { key } executors { agency { name } } obligations { status } } } } }`;
    expect(await cost(ITEMS, { id: roadmapId, first: 60 })).toBe(
      await cost(ITEMS, { id: roadmapId, first: 5 }),
    );
    const AGENCIES = '{ agencies(first: 50) { totalCount edges { node { name kind abbreviations } } } }';
    expect(await cost(AGENCIES, {})).toBe(2);
    const ROADMAPS = '{ roadmaps { edges { node { title sections { key } } } } }';
    expect(await cost(ROADMAPS, {})).toBe(2);
  });
});
