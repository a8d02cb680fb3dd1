import { DEMO_TODAY, demoPeople, ManualClock, Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const FIGURES = `{ indicators { mobileTeamVisits applications { submitted } peopleEmployed } }`;
const VISIT = `mutation($input: RecordMobileTeamVisitInput!) { recordMobileTeamVisit(input: $input) { id } }`;
const HEALTH = { as: Role.HEALTH_OFFICER };
type Figures = { mobileTeamVisits: number; applications: { submitted: number }; peopleEmployed: number };

/** What each ministry asked its database: the version of its data, and the figures themselves. */
function statements(t: TestSystem, subgraph: 'social' | 'health' | 'employment') {
  const all = t.queries.get(subgraph) ?? [];
  const version = all.filter((q) => q.includes('figures_version')).length;
  return { version, figures: all.length - version };
}

describe('indicators kept between requests until the data they count changes', () => {
  const person = demoPeople(20, 'kaluga')[3]!;
  const visit = (n: number) => ({
    recipientId: person.id,
    visitedOn: '2026-11-19',
    team: 'Выездная психиатрическая бригада ЦРБ',
    help: `Осмотр на дому, посещение ${n}`,
  });
  const read = async (t: TestSystem) => {
    t.resetQueries();
    const res = await t.gql<{ indicators: Figures }>(FIGURES);
    expect(res.errors).toBeUndefined();
    return res.data!.indicators;
  };

  describe('counted afresh after every change (INDICATORS_STALE_SECONDS=0)', () => {
    let t: TestSystem;
    beforeAll(async () => {
      t = await startTestSystem({
        env: { DEMO_DATA: 'true', DEMO_PEOPLE: '20' },
        clock: new ManualClock(new Date(`${DEMO_TODAY}T09:00:00Z`)),
      });
    });
    afterAll(() => t?.stop());

    it('counts once, then answers from what it kept, reading only the version of the data', async () => {
      const first = await read(t);
      expect(statements(t, 'health')).toEqual({ version: 1, figures: 1 });
      expect(statements(t, 'social').figures).toBeGreaterThan(0);
      const again = await read(t);
      expect(again).toEqual(first);
      for (const subgraph of ['social', 'health', 'employment'] as const)
        expect(statements(t, subgraph)).toEqual({ version: 1, figures: 0 });
    });

    it('counts again the ministry whose data changed, and only that one', async () => {
      const before = await read(t);
      const res = await t.gql(VISIT, { input: visit(1) }, HEALTH);
      expect(res.errors).toBeUndefined();
      const after = await read(t);
      expect(after.mobileTeamVisits).toBe(before.mobileTeamVisits + 1);
      expect(statements(t, 'health')).toEqual({ version: 1, figures: 1 });
      expect(statements(t, 'social')).toEqual({ version: 1, figures: 0 });
      expect(statements(t, 'employment')).toEqual({ version: 1, figures: 0 });
      expect(after.applications).toEqual(before.applications);
    });

    it('counts once for requests that miss the same figures at the same time', async () => {
      expect((await t.gql(VISIT, { input: visit(4) }, HEALTH)).errors).toBeUndefined();
      t.resetQueries();
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.gql<{ indicators: Figures }>(FIGURES)));
      for (const res of answers) expect(res.errors).toBeUndefined();
      expect(new Set(answers.map((res) => res.data!.indicators.mobileTeamVisits)).size).toBe(1);
      expect(statements(t, 'health').figures).toBe(1);
    });

    it('does not count again for a change the figures do not read', async () => {
      await read(t);
      // A refused write changes nothing, so the version stays where it was.
      const refused = await t.gql(VISIT, { input: { ...visit(2), visitedOn: '2026-11-21' } }, HEALTH);
      expect(refused.errors?.[0]?.extensions?.code).toBe('DATE_IN_FUTURE');
      await read(t);
      expect(statements(t, 'health')).toEqual({ version: 1, figures: 0 });
    });
  });

  describe('answered from the previous count while recounting (INDICATORS_STALE_SECONDS>0)', () => {
    let t: TestSystem;
    beforeAll(async () => {
      t = await startTestSystem({
        env: { DEMO_DATA: 'true', DEMO_PEOPLE: '20', INDICATORS_STALE_SECONDS: '60' },
        clock: new ManualClock(new Date(`${DEMO_TODAY}T09:00:00Z`)),
      });
    });
    afterAll(() => t?.stop());

    it('serves the kept figure right after a change, and the new one once recounted', async () => {
      const before = await read(t);
      expect((await t.gql(VISIT, { input: visit(3) }, HEALTH)).errors).toBeUndefined();
      const served = await read(t);
      expect(served.mobileTeamVisits).toBe(before.mobileTeamVisits);
      // The recount runs behind that answer; the next requests get its result.
      let latest = served;
      for (let i = 0; i < 50 && latest.mobileTeamVisits === before.mobileTeamVisits; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        latest = await read(t);
      }
      expect(latest.mobileTeamVisits).toBe(before.mobileTeamVisits + 1);
    });
  });
});
