import { interagencyAgencyOf, ManualClock, Role, snilsFromBody } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

// The coordinator's work queue (issue 17): every open deadline of the cases they run, with the
// person, the owner and the agency; the ministries' queue with names; the case's timeline.

const DEADLINES = `query($filter: DeadlineFilter) { deadlines(filter: $filter, first: 200) {
  edges { node { kind itemId recipientId dueOn daysLate agency hoursPlanned hoursDelivered
    caseCoordinator { id displayName agencyId } recipient { id lastName firstName } } } } }`;

interface DeadlineNode {
  kind: string;
  itemId: string;
  recipientId: string;
  dueOn: string;
  daysLate: number;
  agency: string | null;
  hoursPlanned: number | null;
  hoursDelivered: number | null;
  caseCoordinator: { id: string; displayName: string; agencyId: string | null } | null;
  recipient: { id: string; lastName: string; firstName: string };
}

describe('the work queue, the ministries’ queue and the timeline through the gateway', () => {
  let t: TestSystem;
  // Tuesday 10 March 2026; last week is Monday 2 – Sunday 8 March.
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+03:00'));
  const other = { as: { role: Role.COORDINATOR, agencyId: 'Минсоцразвития, отдел 2' } };
  const health = { as: Role.HEALTH_OFFICER };
  let person: string;
  let provider: string;

  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const mutate = <T = Record<string, unknown>>(
    name: string,
    type: string,
    input: unknown,
    select = 'id',
    options = {},
  ) => t.gql<T>(`mutation($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input }, options);
  const deadlines = async (filter: Record<string, unknown>, options = {}) =>
    ok(await t.gql<{ deadlines: { edges: { node: DeadlineNode }[] } }>(DEADLINES, { filter }, options))
      .deadlines.edges.map((e) => e.node)
      .filter((n) => n.recipientId === person);

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { REGION: 'murmansk' } });
    const created = await mutate<{ createRecipient: { id: string } }>(
      'createRecipient',
      'CreateRecipientInput',
      {
        snils: snilsFromBody(170_170_171),
        lastName: 'Очередёва',
        firstName: 'Вера',
        birthDate: '1990-05-05',
        sex: 'FEMALE',
        municipality: 'г. Мурманск',
      },
    );
    person = ok(created).createRecipient.id;
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 1) { edges { node { id } } } }',
    );
    provider = ok(providers).providers.edges[0]!.node.id;
  }, 60_000);
  afterAll(() => t.stop());

  // seed 001 §14: the decision is due 10 calendar days after the application
  it('lists a decision not yet late only when asked for what is upcoming, with the owner by name', async () => {
    ok(
      await mutate('submitApplication', 'SubmitApplicationInput', {
        recipientId: person,
        submittedOn: '2026-03-05',
        appliedBy: 'PERSON',
      }),
    );
    expect(await deadlines({ kinds: ['DECISION'] })).toEqual([]);
    const upcoming = await deadlines({ upcoming: true });
    expect(upcoming).toEqual([
      expect.objectContaining({
        kind: 'DECISION',
        dueOn: '2026-03-15',
        daysLate: -5,
        recipient: expect.objectContaining({ lastName: 'Очередёва' }),
        caseCoordinator: expect.objectContaining({ displayName: 'Тест COORDINATOR' }),
      }),
    ]);
    // The owner is the coordinator who registered the person: not another coordinator's case.
    expect(await deadlines({ upcoming: true, mine: true })).toHaveLength(1);
    expect(await deadlines({ upcoming: true, mine: true }, other)).toEqual([]);
    expect(await deadlines({ upcoming: true }, other)).toHaveLength(1);
    expect(await deadlines({ upcoming: true, overdueOnly: true })).toEqual([]);
    clock.set('2026-03-17T09:00:00+03:00');
    expect(await deadlines({ overdueOnly: true })).toEqual([
      expect.objectContaining({ kind: 'DECISION', dueOn: '2026-03-15', daysLate: 2 }),
    ]);
    clock.set('2026-03-10T09:00:00+03:00');
  });

  // seed 001 §4: the answer of an interagency request is due by its due date
  it('lists an unanswered request upcoming with its agency, and gives health its queue with the name', async () => {
    const sent = await mutate<{ sendInteragencyRequest: { id: string; dueOn: string } }>(
      'sendInteragencyRequest',
      'SendInteragencyRequestInput',
      {
        recipientId: person,
        agencyId: interagencyAgencyOf('murmansk', 'MEDICAL_CONCLUSION').id,
        subject: 'MEDICAL_CONCLUSION',
        sentOn: '2026-03-09',
      },
      'id dueOn',
    );
    const request = ok(sent).sendInteragencyRequest;
    const rows = await deadlines({ upcoming: true, kinds: ['INTERAGENCY_REQUEST'] });
    expect(rows).toEqual([
      expect.objectContaining({
        itemId: request.id,
        dueOn: request.dueOn,
        agency: interagencyAgencyOf('murmansk', 'MEDICAL_CONCLUSION').name,
      }),
    ]);
    expect(rows[0]!.daysLate).toBeLessThan(0);

    const QUEUE = `{ interagencyQueue(subject: MEDICAL_CONCLUSION, first: 50) { withheldPeople
      edges { node { id recipient { id lastName firstName } } } } }`;
    // Without the person's consents health learns nothing of them (docs/access.md, "Consent"): the
    // request is left out of its queue and only counted, the queue itself still answers.
    const withheld = ok(
      await t.gql<{ interagencyQueue: { withheldPeople: number; edges: { node: { id: string } }[] } }>(
        QUEUE,
        {},
        health,
      ),
    ).interagencyQueue;
    expect(withheld.edges.map((e) => e.node.id)).not.toContain(request.id);
    expect(withheld.withheldPeople).toBeGreaterThanOrEqual(1);
    for (const input of [
      { kind: 'PERSONAL_DATA', givenOn: '2026-03-05' },
      { kind: 'SHARING', sharedWith: 'HEALTH', givenOn: '2026-03-05' },
    ]) {
      ok(await mutate('giveConsent', 'GiveConsentInput', { recipientId: person, ...input }));
    }
    const queue = ok(
      await t.gql<{
        interagencyQueue: { edges: { node: { id: string; recipient: { lastName: string } } }[] };
      }>(QUEUE, {}, health),
    );
    expect(queue.interagencyQueue.edges.map((e) => [e.node.id, e.node.recipient.lastName])).toEqual([
      [request.id, 'Очередёва'],
    ]);
  });

  // seed 002 §14: the services follow the plan's hours per week
  it('lists a service plan under-delivered last week with its hours, and not once the hours are given', async () => {
    ok(
      await mutate('createServicePlan', 'CreateServicePlanInput', {
        recipientId: person,
        providerId: provider,
        hoursPerWeek: 4,
        fromDate: '2026-02-23',
      }),
    );
    const staff = await mutate<{ createStaffMember: { id: string } }>(
      'createStaffMember',
      'CreateStaffMemberInput',
      { providerId: provider, role: 'SOCIAL_WORKER', fullName: 'Лебедева Нина Павловна' },
    );
    const staffMemberId = ok(staff).createStaffMember.id;
    const visit = async (plannedAt: string, hoursDelivered: number) => {
      const scheduled = await mutate<{ scheduleVisit: { id: string } }>(
        'scheduleVisit',
        'ScheduleVisitInput',
        {
          recipientId: person,
          staffMemberId,
          plannedAt,
        },
      );
      const visitId = ok(scheduled).scheduleVisit.id;
      ok(await mutate('recordVisit', 'RecordVisitInput', { visitId, delivered: true, hoursDelivered }));
    };
    await visit('2026-03-03T10:00:00+03:00', 1.5);
    expect(await deadlines({ kinds: ['SERVICE_HOURS'] })).toEqual([
      expect.objectContaining({ dueOn: '2026-03-08', daysLate: 2, hoursPlanned: 4, hoursDelivered: 1.5 }),
    ]);
    // Sunday evening in Murmansk is still last week (the region's calendar, not UTC's).
    await visit('2026-03-08T23:30:00+03:00', 2.5);
    expect(await deadlines({ kinds: ['SERVICE_HOURS'] })).toEqual([]);
  });

  it('tells the case’s coordinator, and no other, that the latest medical conclusion has expired', async () => {
    const EXPIRED = `query($id: ID!) { recipient(id: $id) { expiredMedicalConclusion { id validUntil } } }`;
    const expiredOf = async () =>
      ok(
        await t.gql<{ recipient: { expiredMedicalConclusion: { validUntil: string } | null } }>(EXPIRED, {
          id: person,
        }),
      ).recipient.expiredMedicalConclusion;
    expect(await expiredOf()).toBeNull();
    const record = (issuedOn: string, validUntil: string) =>
      mutate(
        'recordMedicalConclusion',
        'RecordMedicalConclusionInput',
        {
          recipientId: person,
          issuedOn,
          contraindicationsPresent: false,
          conditions: [],
          organisation: 'ГОБУЗ МОКБ',
          validUntil,
        },
        'id',
        health,
      );
    ok(await record('2025-03-01', '2026-03-01'));
    expect(await expiredOf()).toEqual({ id: expect.any(String), validUntil: '2026-03-01' });
    const stranger = await t.gql(EXPIRED, { id: person }, other);
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_CASE_COORDINATOR');
    // A newer conclusion still valid: nothing expired.
    ok(await record('2026-03-09', '2027-03-09'));
    expect(await expiredOf()).toBeNull();
  });

  it('tells the case’s story newest first from its own records, readable by coordinators only', async () => {
    const TIMELINE = `query($id: ID!) { recipient(id: $id) { timeline { on kind code text by } } }`;
    const res = ok(
      await t.gql<{
        recipient: { timeline: { on: string; kind: string; code: string | null; by: string | null }[] };
      }>(TIMELINE, { id: person }),
    );
    const events = res.recipient.timeline;
    const days = events.map((e) => e.on);
    expect(days).toEqual([...days].sort().reverse());
    expect(events).toEqual(
      expect.arrayContaining([
        { on: '2026-03-05', kind: 'APPLICATION_SUBMITTED', code: 'PERSON', text: null, by: null },
        expect.objectContaining({
          on: '2026-03-09',
          kind: 'REQUEST_SENT',
          code: 'MEDICAL_CONCLUSION',
          by: interagencyAgencyOf('murmansk', 'MEDICAL_CONCLUSION').name,
        }),
        expect.objectContaining({ on: '2026-03-05', kind: 'CONSENT', code: 'GIVEN', text: 'SHARING HEALTH' }),
        expect.objectContaining({ on: '2026-02-23', kind: 'SERVICE_PLAN', text: '4.00' }),
        expect.objectContaining({ on: '2026-03-08', kind: 'VISIT', by: 'Лебедева Нина Павловна' }),
      ]),
    );
    const refused = await t.gql(TIMELINE, { id: person }, health);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the queue to ministry officers and bad filters with a clear error', async () => {
    const denied = await t.gql(DEADLINES, { filter: { mine: true } }, health);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(DEADLINES, { filter: { mine: 'yes' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
