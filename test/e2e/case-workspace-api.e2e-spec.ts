import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { recordGrant } from '../support/grant.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

interface Res<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** What the person page's pickers and the visit forms need from the graph. */
describe('case workspace API: coordinators, free housing, staff by name, visits recorded once', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2026-03-10T12:00:00+03:00'));
  let provider: string;
  let person: string;

  const mutate = async <T = Record<string, unknown>>(
    name: string,
    type: string,
    input: unknown,
    select = 'id',
  ) =>
    (await t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input })) as Res<T>;
  const codeOf = (res: Res<unknown>) => res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'true', DEMO_PEOPLE: '6' } });
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 1) { edges { node { id } } } }',
    );
    provider = providers.data!.providers.edges[0]!.node.id;
    const people = await t.gql<{
      recipients: { edges: { node: { id: string; servicePlans: unknown[] } }[] };
    }>('{ recipients(first: 6) { edges { node { id servicePlans { id } } } } }');
    person = people.data!.recipients.edges.find((e) => e.node.servicePlans.length === 0)!.node.id;
  });
  afterAll(() => t.stop());

  it('lists active coordinators by a part of the name or by id, to coordinators only', async () => {
    const all = await t.gql<{ coordinators: { edges: { node: { id: string; displayName: string } }[] } }>(
      '{ coordinators(first: 50) { edges { node { id displayName agencyId } } } }',
    );
    expect(all.errors).toBeUndefined();
    const names = all.data!.coordinators.edges.map((e) => e.node.displayName);
    expect(names.length).toBeGreaterThan(0);
    // Only coordinators: the demo health officer's account is not offered.
    const health = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, { as: Role.HEALTH_OFFICER });
    expect(all.data!.coordinators.edges.map((e) => e.node.id)).not.toContain(health.data!.me.id);
    const first = all.data!.coordinators.edges[0]!.node;
    const word = first.displayName.split(' ')[0]!.toUpperCase();
    const byName = await t.gql<{ coordinators: { edges: { node: { id: string } }[] } }>(
      'query($n: String) { coordinators(name: $n) { edges { node { id } } } }',
      { n: word },
    );
    expect(byName.data!.coordinators.edges.map((e) => e.node.id)).toContain(first.id);
    const byId = await t.gql<{ coordinators: { edges: { node: { id: string } }[] } }>(
      'query($ids: [ID!]) { coordinators(ids: $ids) { edges { node { id } } } }',
      { ids: [first.id, 'not-a-uuid'] },
    );
    expect(byId.data!.coordinators.edges.map((e) => e.node.id)).toEqual([first.id]);
    for (const role of [Role.HEALTH_OFFICER, Role.PROVIDER_STAFF, Role.COUNCIL_MEMBER]) {
      const refused = await t.gql('{ coordinators { edges { node { id } } } }', {}, { as: role });
      expect({ role, code: codeOf(refused as Res<unknown>) }).toEqual({ role, code: 'FORBIDDEN' });
    }
  });

  it('finds housing units with a free place and by a part of the address', async () => {
    const make = await mutate<{ createHousingUnit: { id: string } }>(
      'createHousingUnit',
      'CreateHousingUnitInput',
      {
        kind: 'RENTED_FLAT',
        address: 'г. Калуга, ул. Проверочная, д. 7, кв. 1',
        municipality: 'Калуга',
        places: 1,
      },
    );
    expect(make.errors).toBeUndefined();
    const unit = make.data!.createHousingUnit.id;
    const find = async (filter: Record<string, unknown>) => {
      const res = await t.gql<{ housingUnits: { edges: { node: { id: string; freePlaces: number } }[] } }>(
        'query($f: HousingUnitFilter) { housingUnits(first: 100, filter: $f) { edges { node { id freePlaces } } } }',
        { f: filter },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.housingUnits.edges.map((e) => e.node);
    };
    expect((await find({ address: 'проверочная' })).map((u) => u.id)).toEqual([unit]);
    expect((await find({ address: '100%_' })).map((u) => u.id)).toEqual([]);
    expect((await find({ address: 'проверочная', withFreePlaces: true })).map((u) => u.id)).toEqual([unit]);
    // Only a person granted supported living is placed (001 §13 е): a newly registered one, granted.
    const registered = await mutate<{ createRecipient: { id: string } }>(
      'createRecipient',
      'CreateRecipientInput',
      {
        snils: snilsFromBody(424_242_001),
        lastName: 'Жильцова',
        firstName: 'Анна',
        birthDate: '1990-01-15',
        sex: 'FEMALE',
        municipality: 'Калуга',
      },
    );
    const tenant = registered.data!.createRecipient.id;
    await recordGrant(t, tenant, { region: 'kaluga', decidedOn: '2026-03-02' });
    const placed = await mutate('assignHousing', 'AssignHousingInput', { recipientId: tenant, unitId: unit });
    expect(placed.errors).toBeUndefined();
    expect(await find({ address: 'проверочная', withFreePlaces: true })).toEqual([]);
    expect((await find({ withFreePlaces: true })).every((u) => u.freePlaces > 0)).toBe(true);
  });

  it('finds staff by a part of the name; a recorded visit is neither recorded again nor moved', async () => {
    const staff = await mutate<{ createStaffMember: { id: string } }>(
      'createStaffMember',
      'CreateStaffMemberInput',
      {
        providerId: provider,
        role: 'SOCIAL_WORKER',
        fullName: 'Перепелкина Зоя Ильинична',
      },
    );
    const staffId = staff.data!.createStaffMember.id;
    const found = await t.gql<{ staffMembers: { edges: { node: { id: string } }[] } }>(
      'query($p: ID, $n: String) { staffMembers(providerId: $p, name: $n) { edges { node { id } } } }',
      { p: provider, n: 'перепелкина зоя' },
    );
    expect(found.data!.staffMembers.edges.map((e) => e.node.id)).toEqual([staffId]);

    expect(
      (
        await mutate('createServicePlan', 'CreateServicePlanInput', {
          recipientId: person,
          providerId: provider,
          hoursPerWeek: 10,
          fromDate: '2026-03-01',
        })
      ).errors,
    ).toBeUndefined();
    const visit = await mutate<{ scheduleVisit: { id: string } }>('scheduleVisit', 'ScheduleVisitInput', {
      recipientId: person,
      staffMemberId: staffId,
      plannedAt: '2026-03-09T10:00:00+03:00',
    });
    const visitId = visit.data!.scheduleVisit.id;
    const moved = await mutate<{ rescheduleVisit: { plannedAt: string; recordedAt: string | null } }>(
      'rescheduleVisit',
      'RescheduleVisitInput',
      { visitId, plannedAt: '2026-03-10T09:30:00+03:00' },
      'plannedAt recordedAt',
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleVisit).toEqual({ plannedAt: '2026-03-10T06:30:00.000Z', recordedAt: null });
    // Before the plan began: the same rule as scheduling.
    expect(
      codeOf(
        await mutate('rescheduleVisit', 'RescheduleVisitInput', {
          visitId,
          plannedAt: '2026-02-20T10:00:00+03:00',
        }),
      ),
    ).toBe('NO_SERVICE_PLAN');

    const record = (delivered: boolean, hoursDelivered?: number) =>
      mutate<{ recordVisit: { delivered: boolean; hoursDelivered: number | null; recordedAt: string } }>(
        'recordVisit',
        'RecordVisitInput',
        { visitId, delivered, hoursDelivered },
        'delivered hoursDelivered recordedAt',
      );
    const first = await record(true, 2);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordVisit).toMatchObject({ delivered: true, hoursDelivered: 2 });
    expect(first.data!.recordVisit.recordedAt).toBe(clock.now().toISOString());
    // A second form, or a stale screen, does not overwrite what was recorded.
    const again = await record(false);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'VISIT_ALREADY_RECORDED', field: 'visitId' });
    expect(
      codeOf(
        await mutate('rescheduleVisit', 'RescheduleVisitInput', {
          visitId,
          plannedAt: '2026-03-10T11:00:00+03:00',
        }),
      ),
    ).toBe('VISIT_ALREADY_RECORDED');
    const after = await t.gql<{
      recipient: { visits: { id: string; delivered: boolean; hoursDelivered: number }[] };
    }>(
      'query($id: ID!) { recipient(id: $id) { visits(from: "2026-03-01", to: "2026-03-31") { id delivered hoursDelivered } } }',
      { id: person },
    );
    expect(after.data!.recipient.visits.find((v) => v.id === visitId)).toMatchObject({
      delivered: true,
      hoursDelivered: 2,
    });
  });
});
