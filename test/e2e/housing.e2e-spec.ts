import { ManualClock } from '@sl/core';
import { recordGrant } from '../support/grant.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const UNIT_FIELDS = /* GraphQL */ `
  id kind address municipality places occupiedPlaces freePlaces
  operator { id shortName }
  occupants { recipientId fromDate toDate }
`;
const CREATE_UNIT = `mutation($input: CreateHousingUnitInput!) { createHousingUnit(input: $input) { ${UNIT_FIELDS} } }`;
const ASSIGN = /* GraphQL */ `
  mutation($input: AssignHousingInput!) {
    assignHousing(input: $input) { id recipientId fromDate toDate unit { id freePlaces } }
  }
`;
const VACATE = /* GraphQL */ `
  mutation($input: VacateHousingInput!) { vacateHousing(input: $input) { id fromDate toDate } }
`;
const UNIT = `query($id: ID!) { housingUnit(id: $id) { ${UNIT_FIELDS} } }`;
const HOUSING = /* GraphQL */ `
  query($id: ID!) {
    recipient(id: $id) {
      housing { current { fromDate unit { id } } history { fromDate toDate unit { id kind } } }
    }
  }
`;

interface Unit {
  id: string;
  places: number;
  occupiedPlaces: number;
  freePlaces: number;
  occupants: { recipientId: string; fromDate: string; toDate: string | null }[];
  operator: { id: string; shortName: string } | null;
}

describe('housing through the gateway', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+03:00'));
  /** Demo people nobody has housed yet: the demo houses those in training or main (and no one else). */
  let free: string[];
  let providerId: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40', REGION: 'murmansk' } });
    const res = await t.gql<{
      recipients: {
        edges: {
          node: { id: string; housing: { history: unknown[] }; applications: { decidedOn: string | null }[] };
        }[];
      };
    }>(
      '{ recipients(first: 40) { edges { node { id housing { history { fromDate } } applications { decidedOn } } } } }',
    );
    expect(res.errors).toBeUndefined();
    // Never housed: the demo's places run to its own "today", later than this test's clock; and no
    // decision yet, so that the grant recorded below is their decision in force.
    free = res
      .data!.recipients.edges.filter(
        (e) => e.node.housing.history.length === 0 && e.node.applications.every((a) => a.decidedOn === null),
      )
      .map((e) => e.node.id);
    // seven of them are housed by the tests below
    expect(free.length).toBeGreaterThanOrEqual(8);
    // 001 §13 е: only a person granted supported living is placed
    for (const id of free) await recordGrant(t, id, { region: 'murmansk', decidedOn: '2026-01-05' });
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 1) { edges { node { id } } } }',
    );
    providerId = providers.data!.providers.edges[0]!.node.id;
  });
  afterAll(() => t.stop());

  const take = () => free.shift()!;
  const createUnit = async (input: Record<string, unknown>) => {
    const res = await t.gql<{ createHousingUnit: Unit }>(CREATE_UNIT, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.createHousingUnit;
  };
  const occupancyRows = async () => {
    const rows: { n: number }[] = await t.system.runtimes
      .get('social')!
      .orm.em.fork()
      .getConnection()
      .execute('select count(*)::int as n from social.housing_occupancy');
    return rows[0]!.n;
  };

  it('registers a training flat of a provider, and refuses one without its provider', async () => {
    const unit = await createUnit({
      kind: 'TRAINING_FLAT',
      address: 'г. Мурманск, ул. Володарского, д. 1, кв. 3',
      municipality: 'г. Мурманск',
      operatorId: providerId,
      places: 3,
    });
    expect(unit).toMatchObject({ places: 3, occupiedPlaces: 0, freePlaces: 3, occupants: [] });
    expect(unit.operator?.id).toBe(providerId);
    // seed 001 §9.2: training flats are equipped in the provider's own organisations
    const orphan = await t.gql(CREATE_UNIT, {
      input: { kind: 'TRAINING_FLAT', address: 'ул. Новая, д. 1', municipality: 'г. Мурманск', places: 2 },
    });
    expect(orphan.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATOR_REQUIRED', field: 'operatorId' });
    const zero = await t.gql(CREATE_UNIT, {
      input: { kind: 'OWN_FLAT', address: 'ул. Новая, д. 2', municipality: 'г. Мурманск', places: 0 },
    });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'places' });
    const unknownKind = await t.gql(CREATE_UNIT, {
      input: { kind: 'CASTLE', address: 'ул. Новая, д. 3', municipality: 'г. Мурманск', places: 2 },
    });
    expect(unknownKind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('fills a unit to its places, then refuses the next person with CAPACITY_EXCEEDED and writes nothing', async () => {
    const unit = await createUnit({
      kind: 'RENTED_FLAT',
      address: 'г. Мурманск, ул. Мира, д. 7, кв. 12',
      municipality: 'г. Мурманск',
      places: 2,
    });
    const [a, b, c] = [take(), take(), take()];
    for (const recipientId of [a, b]) {
      const res = await t.gql<{ assignHousing: { fromDate: string; toDate: null } }>(ASSIGN, {
        input: { recipientId, unitId: unit.id },
      });
      expect(res.errors).toBeUndefined();
      // "today" comes from the test's clock
      expect(res.data!.assignHousing).toMatchObject({ fromDate: '2026-03-10', toDate: null });
    }
    const before = await occupancyRows();
    const refused = await t.gql(ASSIGN, { input: { recipientId: c, unitId: unit.id } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      places: 2,
      occupied: 2,
    });
    expect(refused.errors?.[0]?.message).toMatch(/нет свободных мест/);
    expect(await occupancyRows()).toBe(before);
    const after = await t.gql<{ housingUnit: Unit }>(UNIT, { id: unit.id });
    expect(after.data!.housingUnit).toMatchObject({ occupiedPlaces: 2, freePlaces: 0 });
    expect(after.data!.housingUnit.occupants.map((o) => o.recipientId).sort()).toEqual([a, b].sort());
    // Fewer places than people living there is refused too.
    const shrink = await t.gql(
      'mutation($input: UpdateHousingUnitInput!) { updateHousingUnit(input: $input) { id } }',
      {
        input: { id: unit.id, places: 1 },
      },
    );
    expect(shrink.errors?.[0]?.extensions?.code).toBe('CAPACITY_EXCEEDED');
  });

  it('gives the last place to exactly one of two coordinators asking at the same moment', async () => {
    const unit = await createUnit({
      kind: 'DORMITORY',
      address: 'г. Мурманск, ул. Садовая, д. 9',
      municipality: 'г. Мурманск',
      operatorId: providerId,
      places: 2,
    });
    const first = await t.gql(ASSIGN, { input: { recipientId: take(), unitId: unit.id } });
    expect(first.errors).toBeUndefined();
    const racers = [take(), take()];
    const before = await occupancyRows();
    const results = await Promise.all(
      racers.map((recipientId) => t.gql(ASSIGN, { input: { recipientId, unitId: unit.id } })),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions?.code).toBe('CAPACITY_EXCEEDED');
    expect(await occupancyRows()).toBe(before + 1);
    const after = await t.gql<{ housingUnit: Unit }>(UNIT, { id: unit.id });
    expect(after.data!.housingUnit).toMatchObject({ places: 2, occupiedPlaces: 2, freePlaces: 0 });
  });

  it('keeps one open place per person, vacates it and keeps the history', async () => {
    const flat = await createUnit({
      kind: 'SOCIAL_TENANCY',
      address: 'г. Апатиты, ул. Зиновьева, д. 3, кв. 1',
      municipality: 'г. Апатиты',
      places: 1,
    });
    const hotel = await createUnit({
      kind: 'HOTEL',
      address: 'г. Апатиты, ул. Ленина, д. 1',
      municipality: 'г. Апатиты',
      operatorId: providerId,
      places: 5,
    });
    const person = take();
    clock.set('2026-03-01T10:00:00+03:00');
    expect((await t.gql(ASSIGN, { input: { recipientId: person, unitId: flat.id } })).errors).toBeUndefined();
    const twice = await t.gql(ASSIGN, { input: { recipientId: person, unitId: hotel.id } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('ALREADY_HOUSED');
    const early = await t.gql(VACATE, { input: { recipientId: person, date: '2026-02-01' } });
    expect(early.errors?.[0]?.extensions?.code).toBe('DATE_BEFORE_START');
    clock.set('2026-04-15T10:00:00+03:00');
    const vacated = await t.gql<{ vacateHousing: { toDate: string } }>(VACATE, {
      input: { recipientId: person },
    });
    expect(vacated.data!.vacateHousing.toDate).toBe('2026-04-15');
    const overlap = await t.gql(ASSIGN, {
      input: { recipientId: person, unitId: hotel.id, fromDate: '2026-04-01' },
    });
    expect(overlap.errors?.[0]?.extensions?.code).toBe('HOUSING_PERIOD_OVERLAP');
    expect(
      (await t.gql(ASSIGN, { input: { recipientId: person, unitId: hotel.id, fromDate: '2026-04-16' } }))
        .errors,
    ).toBeUndefined();
    const history = await t.gql<{
      recipient: {
        housing: {
          current: { fromDate: string; unit: { id: string } };
          history: { fromDate: string; toDate: string | null; unit: { id: string; kind: string } }[];
        };
      };
    }>(HOUSING, { id: person });
    expect(history.data!.recipient.housing.current).toEqual({
      fromDate: '2026-04-16',
      unit: { id: hotel.id },
    });
    expect(history.data!.recipient.housing.history).toEqual([
      { fromDate: '2026-04-16', toDate: null, unit: { id: hotel.id, kind: 'HOTEL' } },
      { fromDate: '2026-03-01', toDate: '2026-04-15', unit: { id: flat.id, kind: 'SOCIAL_TENANCY' } },
    ]);
    const freed = await t.gql<{ housingUnit: Unit }>(UNIT, { id: flat.id });
    expect(freed.data!.housingUnit).toMatchObject({ occupiedPlaces: 0, freePlaces: 1, occupants: [] });
  });

  it('demo units hold no more people than places', async () => {
    const res = await t.gql<{ housingUnits: { totalCount: number; edges: { node: Unit }[] } }>(
      `{ housingUnits(first: 200) { totalCount edges { node { ${UNIT_FIELDS} } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const demo = res.data!.housingUnits.edges.map((e) => e.node);
    // Two of each of the nine kinds (001 §9.2, 003 item 2.12), plus the units of these tests.
    expect(demo.length).toBeGreaterThanOrEqual(18);
    for (const unit of demo) {
      expect(unit.occupiedPlaces).toBeLessThanOrEqual(unit.places);
      expect(unit.occupants).toHaveLength(unit.occupiedPlaces);
    }
    expect(demo.some((u) => u.occupiedPlaces > 0)).toBe(true);
  });

  it('costs a fixed number of SQL statements for housingUnits { occupants } and recipients { housing }', async () => {
    const cost = async (query: string, first: number) => {
      t.resetQueries();
      const res = await t.gql(query, { first });
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length ?? 0;
    };
    const units = `query($first: Int) { housingUnits(first: $first) { edges { node { ${UNIT_FIELDS} } } } }`;
    // page, operators, open places, and the audit insert recording whose occupancy was read
    expect(await cost(units, 2)).toBe(4);
    expect(await cost(units, 30)).toBe(4);
    const people = /* GraphQL */ `
      query($first: Int) {
        recipients(first: $first) {
          edges { node { id housing { current { fromDate } history { fromDate unit { id places freePlaces } } } } }
        }
      }
    `;
    // page, occupancies, units, open places of those units, the audit insert
    expect(await cost(people, 3)).toBe(5);
    expect(await cost(people, 40)).toBe(5);
  });
});
