import { Role } from '@sl/core';
import { seedText, toBase64 } from '../support/roadmap-files.js';
import { commonWord } from '../support/roadmap-search.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19 through the gateway: the people behind a municipality's housing, application and
 * employment figures, each list filtered in the subgraph that owns the figure (social's
 * `recipients`, employment's `placements`) under that subgraph's access rules; and the measures a
 * decision links to, searched across every roadmap of the region.
 */
interface Area {
  scope: string;
  asOf: string;
  trainingFlatOccupied: number;
  applications: { pending: number; pendingOverdue: number };
  peopleEmployed: number;
}

const MUNICIPALITIES = `{ municipalityIndicators {
  scope asOf trainingFlatOccupied applications { pending pendingOverdue } peopleEmployed } }`;
const PEOPLE = /* GraphQL */ `
  query ($filter: RecipientFilter) {
    recipients(first: 100, filter: $filter) { totalCount edges { node { id fullName snils } } }
  }
`;
const PLACEMENTS = /* GraphQL */ `
  query ($filter: PlacementFilter) {
    placements(first: 100, filter: $filter) {
      totalCount edges { node { startDate endDate employer { municipality } recipient { id fullName } } }
    }
  }
`;

type People = { recipients: { totalCount: number; edges: { node: { id: string; fullName: string } }[] } };
type Placements = {
  placements: {
    totalCount: number;
    edges: {
      node: {
        startDate: string;
        endDate: string | null;
        employer: { municipality: string | null };
        recipient: { id: string; fullName: string };
      };
    }[];
  };
};

describe('the people behind a municipality’s housing, application and employment figures', () => {
  let t: TestSystem;
  let areas: Area[];

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60' } });
    const res = await t.gql<{ municipalityIndicators: Area[] }>(
      MUNICIPALITIES,
      {},
      { as: Role.COUNCIL_MEMBER },
    );
    expect(res.errors).toBeUndefined();
    areas = res.data!.municipalityIndicators;
    expect(areas.length).toBeGreaterThan(1);
  }, 180_000);
  afterAll(() => t?.stop());

  const people = async (filter: Record<string, unknown>) => {
    const res = await t.gql<People>(PEOPLE, { filter });
    expect(res.errors).toBeUndefined();
    return res.data!.recipients;
  };

  it('lists as many people as each municipality’s pending and overdue applications count, on the figure’s day', async () => {
    let nonZero = 0;
    for (const a of areas) {
      for (const [state, figure] of [
        ['PENDING', a.applications.pending],
        ['OVERDUE', a.applications.pendingOverdue],
      ] as const) {
        const list = await people({ municipality: a.scope, pendingApplication: { state, asOf: a.asOf } });
        expect({ m: a.scope, state, n: list.totalCount }).toEqual({ m: a.scope, state, n: figure });
        for (const e of list.edges) expect(e.node.fullName).toMatch(/\p{L}/u);
        if (figure > 0) nonZero += 1;
      }
    }
    expect(nonZero).toBeGreaterThan(0);
    // seed 001 §14: an application submitted after the day is not pending on it.
    const before = await people({ pendingApplication: { state: 'PENDING', asOf: '2000-01-01' } });
    expect(before.totalCount).toBe(0);
  });

  it('lists the people in a municipality’s training flats: as many as its occupied places', async () => {
    let nonZero = 0;
    for (const a of areas) {
      const list = await people({ housing: { kind: 'TRAINING_FLAT', municipality: a.scope, asOf: a.asOf } });
      expect({ m: a.scope, n: list.totalCount }).toEqual({ m: a.scope, n: a.trainingFlatOccupied });
      if (a.trainingFlatOccupied > 0) nonZero += 1;
    }
    expect(nonZero).toBeGreaterThan(0);
  });

  it('lists the placements under way at a municipality’s employers: one person each as the figure counts', async () => {
    let nonZero = 0;
    for (const a of areas) {
      const res = await t.gql<Placements>(PLACEMENTS, {
        filter: { employerMunicipality: a.scope, activeOn: a.asOf },
      });
      expect(res.errors).toBeUndefined();
      const edges = res.data!.placements.edges;
      expect(res.data!.placements.totalCount).toBe(edges.length);
      for (const { node } of edges) {
        expect(node.employer.municipality).toBe(a.scope);
        expect(node.startDate <= a.asOf).toBe(true);
        if (node.endDate !== null) expect(node.endDate >= a.asOf).toBe(true);
        expect(node.recipient.fullName).toMatch(/\p{L}/u);
      }
      const distinct = new Set(edges.map((e) => e.node.recipient.id)).size;
      expect({ m: a.scope, n: distinct }).toEqual({ m: a.scope, n: a.peopleEmployed });
      if (a.peopleEmployed > 0) nonZero += 1;
    }
    expect(nonZero).toBeGreaterThan(0);
  });

  it('gives a Council member the figures only: every list behind them is refused and nothing is sent', async () => {
    const a = areas.find((x) => x.applications.pending > 0)!;
    for (const filter of [
      { municipality: a.scope, pendingApplication: { state: 'PENDING' } },
      { housing: { kind: 'TRAINING_FLAT', municipality: a.scope } },
    ]) {
      const res = await t.gql<People>(PEOPLE, { filter }, { as: Role.COUNCIL_MEMBER });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.recipients ?? null).toBeNull();
    }
    const jobs = await t.gql<Placements>(
      PLACEMENTS,
      { filter: { employerMunicipality: a.scope, activeOn: a.asOf } },
      { as: Role.COUNCIL_MEMBER },
    );
    expect(jobs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(jobs.data?.placements ?? null).toBeNull();
  });

  it('refuses a reader of names the case behind them: an officer may not list by application or housing', async () => {
    for (const [role, filter] of [
      [Role.HEALTH_OFFICER, { pendingApplication: { state: 'PENDING' } }],
      [Role.EMPLOYMENT_OFFICER, { pendingApplication: { state: 'OVERDUE' } }],
      [Role.EDUCATION_OFFICER, { housing: { kind: 'TRAINING_FLAT' } }],
    ] as const) {
      const res = await t.gql<People>(PEOPLE, { filter }, { as: role });
      expect({ role, code: res.errors?.[0]?.extensions?.code }).toEqual({ role, code: 'FORBIDDEN' });
      expect(res.data?.recipients ?? null).toBeNull();
      // The same officer's plain list still answers: only the case's filters are theirs to be refused.
      const plain = await t.gql(
        'query ($filter: RecipientFilter) { recipients(first: 1, filter: $filter) { totalCount } }',
        { filter: { sharedWith: 'ME' } },
        { as: role },
      );
      expect(plain.errors).toBeUndefined();
    }
  });

  it('refuses a malformed filter with a Russian message on its field', async () => {
    const res = await t.gql(PEOPLE, { filter: { housing: { kind: 'TRAINING_FLAT', municipality: '' } } });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/Муниципальное образование/);
    const date = await t.gql(PEOPLE, { filter: { pendingApplication: { asOf: '2026-02-30' } } });
    expect(date.errors?.length).toBeGreaterThan(0);
    const jobs = await t.gql(PLACEMENTS, { filter: { employerMunicipality: 'а'.repeat(201) } });
    expect(jobs.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  describe('the measures a decision links to', () => {
    const SEARCH = /* GraphQL */ `
      query ($region: String, $s: String) {
        roadmapItems(region: $region, search: $s, first: 50) {
          totalCount edges { node { id number measure roadmap { id title region } } }
        }
      }
    `;
    type Found = {
      roadmapItems: {
        totalCount: number;
        edges: { node: { measure: string; roadmap: { id: string; title: string; region: string } } }[];
      };
    };
    let region: string;
    let word: string;

    beforeAll(async () => {
      const roadmaps = await t.gql<{ roadmaps: { edges: { node: { region: string } }[] } }>(
        '{ roadmaps(first: 1) { edges { node { region } } } }',
      );
      region = roadmaps.data!.roadmaps.edges[0]!.node.region;
      // A second roadmap of the same region, imported after the demo's: the latest one.
      const later = await t.gql<{ importRoadmap: { outcome: string; roadmap: { id: string } } }>(
        'mutation ($input: RoadmapImportInput!) { importRoadmap(input: $input) { outcome roadmap { id } } }',
        {
          input: {
            region,
            filename: 'novosibirsk.txt',
            contentBase64: toBase64(seedText('novosibirsk-003')),
          },
        },
      );
      expect(later.errors).toBeUndefined();
      expect(later.data!.importRoadmap.outcome).toBe('CREATED');
      const all = await t.gql<{ roadmaps: { edges: { node: { id: string } }[] } }>(
        'query ($r: String) { roadmaps(first: 10, region: $r) { edges { node { id } } } }',
        { r: region },
      );
      word = await commonWord(
        t,
        all.data!.roadmaps.edges.map((e) => e.node.id),
      );
    });

    it('finds them in every roadmap of the region, each with its roadmap’s title, and none of another region', async () => {
      const all = await t.gql<Found>(SEARCH, { region, s: word }, { as: Role.COUNCIL_MEMBER });
      expect(all.errors).toBeUndefined();
      const titles = new Set(all.data!.roadmapItems.edges.map((e) => e.node.roadmap.title));
      expect(titles.size).toBe(2);
      for (const e of all.data!.roadmapItems.edges) {
        expect(e.node.roadmap.region).toBe(region);
        expect(e.node.measure.toLowerCase()).toContain(word);
      }
      const other = await t.gql<Found>(SEARCH, { region: 'tver', s: word });
      expect(other.data!.roadmapItems.totalCount).toBe(0);
      const bad = await t.gql(SEARCH, { region: 'Калининград!', s: word });
      expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    });
  });
});
