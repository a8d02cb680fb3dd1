import { ManualClock } from '@sl/core';
import { HousingService, ServicePlanService } from '@sl/social';
import { recordGrant } from '../support/grant.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

interface Res<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

describe('services: route, team, plan, visits and hours through the gateway', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2026-03-10T12:00:00+03:00'));
  let unserved: string[];
  let p1: string;
  let p2: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'true', DEMO_PEOPLE: '20', REGION: 'murmansk' } });
    const people = await t.gql<{
      recipients: { edges: { node: { id: string; servicePlans: unknown[] } }[] };
    }>('{ recipients(first: 20) { edges { node { id servicePlans { id } } } } }');
    expect(people.errors).toBeUndefined();
    unserved = people
      .data!.recipients.edges.filter((e) => e.node.servicePlans.length === 0)
      .map((e) => e.node.id);
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 2) { edges { node { id } } } }',
    );
    [p1, p2] = providers.data!.providers.edges.map((e) => e.node.id) as [string, string];
  });
  afterAll(() => t.stop());

  const mutate = async <T = Record<string, unknown>>(
    name: string,
    type: string,
    input: unknown,
    select = 'id',
  ) =>
    (await t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input })) as Res<T>;
  const codeOf = (res: Res<unknown>) => res.errors?.[0]?.extensions?.code;
  const count = async (table: string) => {
    const rows: { n: number }[] = await t.system.runtimes
      .get('social')!
      .orm.em.fork()
      .getConnection()
      .execute(`select count(*)::int as n from social.${table}`);
    return rows[0]!.n;
  };
  const staff = async (providerId: string, role: string, fullName: string) => {
    const res = await mutate<{ createStaffMember: { id: string } }>(
      'createStaffMember',
      'CreateStaffMemberInput',
      {
        providerId,
        role,
        fullName,
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createStaffMember.id;
  };

  it('plans, teams, routes, visits and counts planned vs delivered hours for a week', async () => {
    const person = unserved[0]!;
    const psychologist = await staff(p1, 'PSYCHOLOGIST', 'Орлова Анна Викторовна');
    const stranger = await staff(p2, 'SOCIAL_WORKER', 'Зайцев Илья Петрович');

    // Hours more than 0 and at most 24 a day (168 a week); nothing written when refused.
    const plans = await count('service_plan');
    for (const hoursPerWeek of [0, -3, 169]) {
      const bad = await mutate('createServicePlan', 'CreateServicePlanInput', {
        recipientId: person,
        providerId: p1,
        hoursPerWeek,
      });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'hoursPerWeek' });
    }
    expect(await count('service_plan')).toBe(plans);
    const plan = await mutate<{ createServicePlan: { fromDate: string; hoursPerWeek: number } }>(
      'createServicePlan',
      'CreateServicePlanInput',
      { recipientId: person, providerId: p1, hoursPerWeek: 12, fromDate: '2026-03-04' },
      'fromDate hoursPerWeek provider { id }',
    );
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.createServicePlan).toMatchObject({ fromDate: '2026-03-04', hoursPerWeek: 12 });
    const second = await mutate('createServicePlan', 'CreateServicePlanInput', {
      recipientId: person,
      providerId: p2,
      hoursPerWeek: 6,
    });
    expect(codeOf(second)).toBe('SERVICE_PLAN_OVERLAP');

    // seed 002 §13: the team comes from the organisation serving the person
    const member = await mutate('addTeamMember', 'TeamMemberInput', {
      recipientId: person,
      staffMemberId: psychologist,
    });
    expect(member.errors).toBeUndefined();
    expect(
      codeOf(
        await mutate('addTeamMember', 'TeamMemberInput', {
          recipientId: person,
          staffMemberId: psychologist,
        }),
      ),
    ).toBe('ALREADY_IN_TEAM');
    expect(
      codeOf(
        await mutate('addTeamMember', 'TeamMemberInput', { recipientId: person, staffMemberId: stranger }),
      ),
    ).toBe('STAFF_NOT_OF_PROVIDER');

    // seed 002 §10: one individual rehabilitation route per participant, with goals
    const route = await mutate<{
      createRehabilitationRoute: { id: string; goals: { id: string; text: string; status: string }[] };
    }>(
      'createRehabilitationRoute',
      'CreateRehabilitationRouteInput',
      {
        recipientId: person,
        providerId: p1,
        goals: [
          { text: 'Самостоятельно оплачивать коммунальные услуги', targetDate: '2026-09-01' },
          { text: 'Готовить завтрак', targetDate: '2026-06-01' },
        ],
      },
      'id approvedOn goals { id text targetDate status }',
    );
    expect(route.errors).toBeUndefined();
    const goals = route.data!.createRehabilitationRoute.goals;
    // goals come by target date
    expect(goals.map((g) => [g.text, g.status])).toEqual([
      ['Готовить завтрак', 'PLANNED'],
      ['Самостоятельно оплачивать коммунальные услуги', 'PLANNED'],
    ]);
    expect(
      codeOf(
        await mutate('createRehabilitationRoute', 'CreateRehabilitationRouteInput', {
          recipientId: person,
          providerId: p1,
          goals: [],
        }),
      ),
    ).toBe('ROUTE_EXISTS');
    const achieved = await mutate<{ setRouteGoalStatus: { status: string } }>(
      'setRouteGoalStatus',
      'SetGoalStatusInput',
      { goalId: goals[0]!.id, status: 'ACHIEVED' },
      'status',
    );
    expect(achieved.data!.setRouteGoalStatus.status).toBe('ACHIEVED');
    expect(
      codeOf(
        await mutate('setRouteGoalStatus', 'SetGoalStatusInput', { goalId: goals[0]!.id, status: 'DONE' }),
      ),
    ).toBe('BAD_USER_INPUT');

    // seed 002 §14: visits on the schedule by members of the team's organisation
    const schedule = (staffMemberId: string, plannedAt: string) =>
      mutate<{ scheduleVisit: { id: string } }>('scheduleVisit', 'ScheduleVisitInput', {
        recipientId: person,
        staffMemberId,
        plannedAt,
      });
    expect(codeOf(await schedule(stranger, '2026-03-05T10:00:00+03:00'))).toBe('STAFF_NOT_OF_PROVIDER');
    expect(codeOf(await schedule(psychologist, '2026-03-01T10:00:00+03:00'))).toBe('NO_SERVICE_PLAN');
    const ids: string[] = [];
    for (const at of [
      '2026-03-04T10:00:00+03:00',
      '2026-03-06T14:00:00+03:00',
      '2026-03-09T10:00:00+03:00',
      '2026-03-09T15:00:00+03:00',
      '2026-03-12T10:00:00+03:00',
    ]) {
      const res = await schedule(psychologist, at);
      expect(res.errors).toBeUndefined();
      ids.push(res.data!.scheduleVisit.id);
    }
    const record = (visitId: string, delivered: boolean, hoursDelivered?: number) =>
      mutate(
        'recordVisit',
        'RecordVisitInput',
        { visitId, delivered, hoursDelivered },
        'delivered hoursDelivered',
      );
    expect((await record(ids[0]!, true, 2.5)).errors).toBeUndefined();
    expect((await record(ids[1]!, true, 3)).errors).toBeUndefined();
    expect((await record(ids[2]!, true, 1.5)).errors).toBeUndefined();
    expect(codeOf(await record(ids[3]!, true))).toBe('HOURS_REQUIRED');
    expect(codeOf(await record(ids[3]!, true, 0))).toBe('VALIDATION_FAILED');
    expect(codeOf(await record(ids[3]!, true, 25))).toBe('VALIDATION_FAILED');
    // At most 24 hours of service in one day: 1.5 already delivered on 9 March.
    const tooMuch = await record(ids[3]!, true, 23);
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({
      code: 'DAILY_HOURS_EXCEEDED',
      field: 'hoursDelivered',
    });
    expect(codeOf(await record(ids[4]!, true, 1))).toBe('VISIT_IN_FUTURE');
    expect((await record(ids[3]!, false)).errors).toBeUndefined();

    const HOURS = /* GraphQL */ `
      query($id: ID!) {
        recipient(id: $id) {
          weeklyServiceHours(from: "2026-03-02", to: "2026-03-15") { weekStart planned delivered }
          visits(from: "2026-03-02", to: "2026-03-08") { plannedAt delivered hoursDelivered staffMember { id role } }
          team { fromDate staffMember { fullName role provider { id } } }
          rehabilitationRoute { provider { id } goals { text status } }
          servicePlans { hoursPerWeek fromDate toDate provider { id } }
        }
      }
    `;
    type Hours = {
      recipient: {
        weeklyServiceHours: { weekStart: string; planned: number; delivered: number }[];
        visits: { hoursDelivered: number; staffMember: { id: string } }[];
        team: { staffMember: { fullName: string; role: string; provider: { id: string } } }[];
        rehabilitationRoute: { goals: { text: string; status: string }[] };
      };
    };
    const hours = await t.gql<Hours>(HOURS, { id: person });
    expect(hours.errors).toBeUndefined();
    // Week of 2 March: the plan began on Wednesday 4 March, so 5 of 7 days of 12 h; visits 2.5 + 3.
    // Week of 9 March: the whole 12 h; the one delivered visit gave 1.5 h.
    expect(hours.data!.recipient.weeklyServiceHours).toEqual([
      { weekStart: '2026-03-02', planned: 8.57, delivered: 5.5 },
      { weekStart: '2026-03-09', planned: 12, delivered: 1.5 },
    ]);
    expect(hours.data!.recipient.visits.map((v) => v.hoursDelivered)).toEqual([2.5, 3]);
    expect(hours.data!.recipient.team).toEqual([
      {
        fromDate: '2026-03-10',
        staffMember: { fullName: 'Орлова Анна Викторовна', role: 'PSYCHOLOGIST', provider: { id: p1 } },
      },
    ]);
    expect(hours.data!.recipient.rehabilitationRoute.goals).toEqual([
      { text: 'Готовить завтрак', status: 'ACHIEVED' },
      { text: 'Самостоятельно оплачивать коммунальные услуги', status: 'PLANNED' },
    ]);

    // Closing the plan on Wednesday 11 March leaves 3 days of that week planned.
    const closed = await mutate('closeServicePlan', 'CloseServicePlanInput', {
      recipientId: person,
      date: '2026-03-11',
    });
    expect(closed.errors).toBeUndefined();
    const after = await t.gql<Hours>(HOURS, { id: person });
    expect(after.data!.recipient.weeklyServiceHours[1]).toEqual({
      weekStart: '2026-03-09',
      planned: 5.14,
      delivered: 1.5,
    });
    const period = await t.gql(
      'query($id: ID!) { recipient(id: $id) { weeklyServiceHours(from: "2026-03-10", to: "2026-03-01") { planned } } }',
      { id: person },
    );
    expect(codeOf(period as Res<unknown>)).toBe('PERIOD_INVALID');
  });

  it('lets the termination close the place, the plan and the team in its own transaction', async () => {
    const person = unserved[1]!;
    // 001 §13 е: housing needs a grant; degree II gives Murmansk's periodic mode, 4–12 h a week
    await recordGrant(t, person, { region: 'murmansk', decidedOn: '2026-01-05', score: 100 });
    const member = await staff(p1, 'SOCIAL_WORK_SPECIALIST', 'Лебедева Ольга Сергеевна');
    expect(
      (
        await mutate('createServicePlan', 'CreateServicePlanInput', {
          recipientId: person,
          providerId: p1,
          hoursPerWeek: 10,
          fromDate: '2026-01-12',
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (await mutate('addTeamMember', 'TeamMemberInput', { recipientId: person, staffMemberId: member }))
        .errors,
    ).toBeUndefined();
    const unit = await mutate<{ createHousingUnit: { id: string } }>(
      'createHousingUnit',
      'CreateHousingUnitInput',
      {
        kind: 'RENTED_FLAT',
        address: 'г. Мурманск, ул. Полярная, д. 4, кв. 8',
        municipality: 'г. Мурманск',
        places: 1,
      },
    );
    const housed = await mutate('assignHousing', 'AssignHousingInput', {
      recipientId: person,
      unitId: unit.data!.createHousingUnit.id,
      fromDate: '2026-01-12',
    });
    expect(housed.errors).toBeUndefined();

    const em = t.system.runtimes.get('social')!.orm.em.fork();
    await em.transactional(async (tx) => {
      const places = await HousingService.vacateAll(tx, person, '2026-03-20');
      const { plans, team } = await ServicePlanService.closeAll(tx, person, '2026-03-20');
      expect([places.length, plans.length, team.length]).toEqual([1, 1, 1]);
    });
    const res = await t.gql<{
      recipient: {
        housing: { current: null; history: { toDate: string }[] };
        servicePlans: { toDate: string }[];
        team: unknown[];
      };
    }>(
      'query($id: ID!) { recipient(id: $id) { housing { current { id } history { toDate } } servicePlans { toDate } team { fromDate } } }',
      { id: person },
    );
    // seed 001 §17: termination closes them and keeps the history
    expect(res.data!.recipient).toEqual({
      housing: { current: null, history: [{ toDate: '2026-03-20' }] },
      servicePlans: [{ toDate: '2026-03-20' }],
      team: [],
    });
  });

  it('costs a fixed number of SQL statements for the services of a page of people', async () => {
    const query = /* GraphQL */ `
      query($first: Int) {
        recipients(first: $first) {
          edges { node {
            id
            servicePlans { hoursPerWeek provider { shortName } }
            team { staffMember { fullName provider { id } } }
            rehabilitationRoute { provider { id } goals { text status } }
            visits(from: "2026-10-01", to: "2026-11-22") { hoursDelivered staffMember { role } }
            weeklyServiceHours(from: "2026-10-05", to: "2026-11-22") { weekStart planned delivered }
          } }
        }
      }
    `;
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(query, { first });
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length;
    };
    // page, plans, team, route, visits (each with its staff member and provider joined), hours,
    // goals, the audit insert
    const small = await cost(2);
    expect(small).toBe(8);
    expect(await cost(20)).toBe(small);
  });

  it('has demo teams, plans and recent visits with delivered hours', async () => {
    const res = await t.gql<{
      recipients: {
        edges: {
          node: { id: string; team: unknown[]; weeklyServiceHours: { planned: number; delivered: number }[] };
        }[];
      };
    }>(
      '{ recipients(first: 20) { edges { node { id team { fromDate } weeklyServiceHours(from: "2026-10-05", to: "2026-11-22") { planned delivered } } } } }',
    );
    // The demo serves every second person; the two people of the tests above are left out.
    const served = res.data!.recipients.edges.filter(
      (e) => e.node.team.length > 0 && !unserved.slice(0, 2).includes(e.node.id),
    );
    expect(served.length).toBeGreaterThanOrEqual(8);
    for (const { node } of served) {
      // seven weeks asked for; the demo's visits are in the last six
      expect(node.weeklyServiceHours).toHaveLength(7);
      expect(node.weeklyServiceHours.slice(1).every((w) => w.planned > 0 && w.delivered > 0)).toBe(true);
    }
  });
});
