import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 19 through the gateway: the Council's drill-down (region → municipalities → one
 * municipality's figures → the people behind a figure, for roles allowed to see people), the people
 * a decision names, and the roadmap items a decision links to, searched on the server.
 */
interface Count {
  key: string;
  people: number;
}
interface Scoped {
  scope: string;
  municipality: string | null;
  peopleByStage: Count[];
  peopleByAutonomyDegree: Count[];
}

const FIGURES = 'scope municipality peopleByStage { key people } peopleByAutonomyDegree { key people }';
const MUNICIPALITIES = `{ municipalityIndicators { ${FIGURES} } }`;
const REGION = `{ indicators { ${FIGURES} } }`;
const PEOPLE_BEHIND = /* GraphQL */ `
  query ($filter: RecipientFilter) {
    recipients(first: 100, filter: $filter) { totalCount edges { node { id fullName snils } } }
  }
`;
const ADD = /* GraphQL */ `
  mutation ($meetingId: ID!, $input: DecisionInput!) {
    addCouncilDecision(meetingId: $meetingId, input: $input) {
      id peopleNamed people { id fullName snils }
    }
  }
`;

function byKey(counts: Count[]): Record<string, number> {
  return Object.fromEntries(counts.filter((c) => c.people > 0).map((c) => [c.key, c.people]));
}

function sumByKey(lists: Count[][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of lists.flat()) if (c.people > 0) out[c.key] = (out[c.key] ?? 0) + c.people;
  return out;
}

describe('the Council’s drill-down, decisions naming people and the roadmap item search', () => {
  let t: TestSystem;
  let municipalities: Scoped[];

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
    const res = await t.gql<{ municipalityIndicators: Scoped[] }>(
      MUNICIPALITIES,
      {},
      { as: Role.COUNCIL_MEMBER },
    );
    expect(res.errors).toBeUndefined();
    municipalities = res.data!.municipalityIndicators;
  }, 180_000);
  afterAll(() => t?.stop());

  it('splits each region figure into its municipalities: their figures add up to the region’s', async () => {
    const region = await t.gql<{ indicators: Scoped }>(REGION, {}, { as: Role.COUNCIL_MEMBER });
    expect(region.errors).toBeUndefined();
    expect(region.data!.indicators.municipality).toBeNull();
    expect(municipalities.length).toBeGreaterThan(1);
    for (const m of municipalities) expect(m.municipality).toBe(m.scope);
    const stages = byKey(region.data!.indicators.peopleByStage);
    expect(Object.keys(stages).length).toBeGreaterThan(0);
    expect(sumByKey(municipalities.map((m) => m.peopleByStage))).toEqual(stages);
    expect(sumByKey(municipalities.map((m) => m.peopleByAutonomyDegree))).toEqual(
      byKey(region.data!.indicators.peopleByAutonomyDegree),
    );
  });

  it('gives a coordinator the people behind a municipality’s figure: as many as the figure counts', async () => {
    let checked = 0;
    for (const m of municipalities) {
      for (const [filterKey, counts] of [
        ['stage', m.peopleByStage],
        ['degree', m.peopleByAutonomyDegree],
      ] as const) {
        for (const c of counts.filter((x) => x.people > 0)) {
          const res = await t.gql<{
            recipients: { totalCount: number; edges: { node: { fullName: string; snils: string } }[] };
          }>(PEOPLE_BEHIND, { filter: { municipality: m.scope, terminated: false, [filterKey]: c.key } });
          expect(res.errors).toBeUndefined();
          expect({ m: m.scope, [filterKey]: c.key, n: res.data!.recipients.totalCount }).toEqual({
            m: m.scope,
            [filterKey]: c.key,
            n: c.people,
          });
          for (const e of res.data!.recipients.edges) expect(e.node.fullName).toMatch(/\p{L}/u);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('gives a Council member the figures only: the list behind them is refused and nothing of it is sent', async () => {
    const m = municipalities.find((x) => x.peopleByStage.some((c) => c.people > 0))!;
    const stage = m.peopleByStage.find((c) => c.people > 0)!.key;
    for (const query of [
      PEOPLE_BEHIND,
      'query ($filter: RecipientFilter) { recipients(first: 5, filter: $filter) { totalCount } }',
    ]) {
      const res = await t.gql<{ recipients: unknown }>(
        query,
        { filter: { municipality: m.scope, stage } },
        { as: Role.COUNCIL_MEMBER },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.recipients ?? null).toBeNull();
    }
    const byName = await t.gql<{ peopleByName: unknown }>(
      '{ peopleByName(name: "а") { id fullName } }',
      {},
      { as: Role.COUNCIL_MEMBER },
    );
    expect(byName.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byName.data?.peopleByName ?? null).toBeNull();
  });

  describe('a decision naming people', () => {
    let meetingId: string;
    let assigneeAgencyId: string;
    let people: { id: string; fullName: string; snils: string }[];

    beforeAll(async () => {
      const roadmaps = await t.gql<{ roadmaps: { edges: { node: { region: string } }[] } }>(
        '{ roadmaps(first: 1) { edges { node { region } } } }',
      );
      const region = roadmaps.data!.roadmaps.edges[0]!.node.region;
      const agencies = await t.gql<{ agencies: { edges: { node: { id: string } }[] } }>(
        'query ($r: String) { agencies(first: 1, region: $r) { edges { node { id } } } }',
        { r: region },
      );
      assigneeAgencyId = agencies.data!.agencies.edges[0]!.node.id;
      const meeting = await t.gql<{ createCouncilMeeting: { id: string } }>(
        'mutation ($input: CouncilMeetingInput!) { createCouncilMeeting(input: $input) { id } }',
        {
          input: {
            region,
            heldOn: '2026-11-20',
            agenda: 'О сопровождаемом проживании',
            attendees: ['Иванов И. И.'],
          },
        },
      );
      expect(meeting.errors).toBeUndefined();
      meetingId = meeting.data!.createCouncilMeeting.id;
      const list = await t.gql<{
        recipients: { edges: { node: { id: string; fullName: string; snils: string } }[] };
      }>('{ recipients(first: 3) { edges { node { id fullName snils } } } }');
      people = list.data!.recipients.edges.map((e) => e.node);
      expect(people).toHaveLength(3);
    });

    const decision = (recipientIds: string[]) => ({
      text: 'Обеспечить сопровождаемое проживание названным людям',
      assigneeAgencyId,
      dueDate: '2027-03-01',
      recipientIds,
    });
    const decisionCount = async () =>
      (
        await t.gql<{ councilDecisions: { totalCount: number } }>(
          'query ($m: ID) { councilDecisions(filter: { meetingId: $m }) { totalCount } }',
          { m: meetingId },
        )
      ).data!.councilDecisions.totalCount;

    it('keeps them in the order given, once each, and the secretary reads their names and СНИЛС', async () => {
      const [a, b] = people as [(typeof people)[0], (typeof people)[0]];
      const res = await t.gql<{
        addCouncilDecision: { id: string; peopleNamed: number; people: typeof people };
      }>(ADD, { meetingId, input: decision([b.id, a.id, b.id]) });
      expect(res.errors).toBeUndefined();
      expect(res.data!.addCouncilDecision.peopleNamed).toBe(2);
      expect(res.data!.addCouncilDecision.people).toEqual([b, a]);
    });

    it('refuses a person who is not registered, on the field, writing nothing', async () => {
      const before = await decisionCount();
      const res = await t.gql(ADD, {
        meetingId,
        input: decision([people[0]!.id, '7d1c1f44-0c36-4f0c-9a55-3a0f6d2b9e10']),
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'RECIPIENT_NOT_FOUND',
        field: 'recipientIds',
      });
      expect(res.errors?.[0]?.message).toMatch(/Получатель не найден/);
      const bad = await t.gql(ADD, { meetingId, input: decision(['not-a-uuid']) });
      expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(await decisionCount()).toBe(before);
    });

    it('shows a Council member how many people a decision names, never who', async () => {
      const count = await t.gql<{ councilDecisions: { edges: { node: { peopleNamed: number } }[] } }>(
        'query ($m: ID) { councilDecisions(filter: { meetingId: $m }) { edges { node { peopleNamed } } } }',
        { m: meetingId },
        { as: Role.COUNCIL_MEMBER },
      );
      expect(count.errors).toBeUndefined();
      expect(count.data!.councilDecisions.edges.map((e) => e.node.peopleNamed)).toEqual([2]);
      const who = await t.gql<{ councilDecisions: unknown }>(
        'query ($m: ID) { councilDecisions(filter: { meetingId: $m }) { edges { node { people { id } } } } }',
        { m: meetingId },
        { as: Role.COUNCIL_MEMBER },
      );
      expect(who.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(who.data ?? null)).not.toContain(people[0]!.id);
    });
  });

  describe('roadmap items searched on the server', () => {
    const SEARCH = /* GraphQL */ `
      query ($s: String) { roadmapItems(search: $s, first: 50) { totalCount edges { node { number measure } } } }
    `;
    type Found = {
      roadmapItems: { totalCount: number; edges: { node: { number: string | null; measure: string } }[] };
    };

    it('finds an item by its number, with the items under it, and never 10–12 for 1', async () => {
      const all = await t.gql<Found>('{ roadmapItems(first: 50) { totalCount edges { node { number } } } }');
      const numbers = all.data!.roadmapItems.edges.map((e) => e.node.number);
      expect(numbers).toEqual(expect.arrayContaining(['2', '10', '11', '12']));
      const two = await t.gql<Found>(SEARCH, { s: '2' }, { as: Role.COUNCIL_MEMBER });
      expect(two.errors).toBeUndefined();
      const found = two.data!.roadmapItems.edges.map((e) => e.node.number);
      expect(found).toContain('2');
      for (const n of found) expect(n).toMatch(/^2(\.|$)/);
      const one = await t.gql<Found>(SEARCH, { s: '1.' });
      for (const e of one.data!.roadmapItems.edges) expect(e.node.number).toMatch(/^1(\.|$)/);
    });

    it('finds items by words of their measure, any case, every word', async () => {
      const one = await t.gql<Found>(SEARCH, { s: 'КВАРТИР' });
      expect(one.errors).toBeUndefined();
      const measures = one.data!.roadmapItems.edges.map((e) => e.node.measure.toLowerCase());
      expect(measures.length).toBeGreaterThan(0);
      for (const m of measures) expect(m).toContain('квартир');
      const none = await t.gql<Found>(SEARCH, { s: 'квартир несуществующееслово' });
      expect(none.data!.roadmapItems.totalCount).toBe(0);
      // A wildcard typed is a character, not a pattern.
      const percent = await t.gql<Found>(SEARCH, { s: '%' });
      expect(percent.data!.roadmapItems.totalCount).toBe(0);
    });

    it('refuses an empty or overlong search with a Russian message', async () => {
      for (const s of ['', 'а'.repeat(201)]) {
        const res = await t.gql(SEARCH, { s });
        expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
        expect(res.errors?.[0]?.message).toMatch(/Поиск мероприятия/);
      }
    });
  });
});
