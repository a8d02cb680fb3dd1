import { ManualClock } from '@sl/core';
import { seedText, sql, toBase64 } from '../support/roadmap-files.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CouncilMeetingInput!) {
    createCouncilMeeting(input: $input) {
      id heldOn agenda attendees protocolNumber
      decisions { id number text dueDate status overdue assignee { name } items { key } }
    }
  }
`;
const DECISIONS = /* GraphQL */ `
  query Decisions($filter: DecisionFilter, $first: Int) {
    councilDecisions(filter: $filter, first: $first) {
      totalCount
      edges { node { id number dueDate status overdue doneOn assignee { name } items { key measure } meetingId } }
    }
  }
`;

interface Decision {
  id: string;
  number: string | null;
  dueDate: string;
  status: string;
  overdue: boolean;
  doneOn?: string | null;
  assignee: { name: string };
  items: { key: string }[];
}

describe('the Council: meetings, decisions and their tracking to done', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2025-02-10T09:00:00Z'));
  let agencies: Record<string, string>;
  let items: Record<string, string>;

  beforeAll(async () => {
    // The statement counts below measure batching: totals kept between requests (tested in
    // list-keyset and indicators-cache) would make a repeated list cost less than its first call.
    t = await startTestSystem({ clock, env: { INDICATORS_MAX_AGE_SECONDS: '0' } });
    const imported = await t.gql<{ importRoadmap: { roadmap: { id: string } } }>(
      'mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id } } }',
      {
        input: {
          region: 'kaliningrad',
          filename: '312-рп.txt',
          contentBase64: toBase64(seedText('kaliningrad-000')),
        },
      },
    );
    expect(imported.errors).toBeUndefined();
    const list = await t.gql<{ agencies: { edges: { node: { id: string; name: string } }[] } }>(
      '{ agencies(first: 100) { edges { node { id name } } } }',
    );
    agencies = Object.fromEntries(list.data!.agencies.edges.map((e) => [e.node.name, e.node.id]));
    const rows = await t.gql<{ roadmapItems: { edges: { node: { id: string; key: string } }[] } }>(
      'query($id: ID) { roadmapItems(roadmapId: $id, first: 50) { edges { node { id key } } } }',
      { id: imported.data!.importRoadmap.roadmap.id },
    );
    items = Object.fromEntries(rows.data!.roadmapItems.edges.map((e) => [e.node.key, e.node.id]));
  });
  afterAll(() => t.stop());

  const social = () => agencies['Министерство социальной политики Калининградской области']!;

  it('records a meeting with its protocol and decisions linked to roadmap items', async () => {
    // seed 000 item 5: coordination through the Council on disability affairs, its meeting protocols
    const res = await t.gql<{ createCouncilMeeting: { decisions: Decision[]; attendees: string[] } }>(
      CREATE,
      {
        input: {
          region: 'kaliningrad',
          heldOn: '2025-02-10',
          agenda: 'О ходе реализации дорожной карты по сопровождаемому проживанию',
          attendees: ['Председатель Совета', 'Министр социальной политики'],
          protocolNumber: '1/2025',
          protocol: 'Заслушали доклад о создании учебно-тренировочного отделения на 12 мест.',
          decisions: [
            {
              number: '1',
              text: 'Открыть учебно-тренировочное отделение «Яблоневый сад»',
              assigneeAgencyId: social(),
              dueDate: '2025-03-01',
              itemIds: [items['12']],
            },
            {
              number: '2',
              text: 'Представить данные мониторинга нуждаемости',
              assigneeAgencyId: agencies['Министерство образования Калининградской области'],
              dueDate: '2025-06-30',
              itemIds: [items['15'], items['7']],
            },
          ],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const decisions = res.data!.createCouncilMeeting.decisions;
    expect(decisions.map((d) => [d.number, d.status, d.overdue, d.items.map((i) => i.key).sort()])).toEqual([
      ['1', 'OPEN', false, ['12']],
      ['2', 'OPEN', false, ['15', '7']],
    ]);
    expect(res.data!.createCouncilMeeting.attendees).toHaveLength(2);
  });

  it('makes a decision overdue when the clock passes its due date, until it is done', async () => {
    clock.set('2025-03-05T09:00:00Z');
    const overdue = await t.gql<{ councilDecisions: { totalCount: number; edges: { node: Decision }[] } }>(
      DECISIONS,
      {
        filter: { overdue: true },
      },
    );
    expect(overdue.errors).toBeUndefined();
    expect(
      overdue.data!.councilDecisions.edges.map((e) => [e.node.number, e.node.overdue, e.node.assignee.name]),
    ).toEqual([['1', true, 'Министерство социальной политики Калининградской области']]);
    const id = overdue.data!.councilDecisions.edges[0]!.node.id;
    const done = await t.gql<{ setCouncilDecisionStatus: Decision }>(
      'mutation($id: ID!) { setCouncilDecisionStatus(id: $id, status: DONE, note: "Отделение открыто") { status overdue doneOn } }',
      { id },
    );
    expect(done.data!.setCouncilDecisionStatus).toEqual({
      status: 'DONE',
      overdue: false,
      doneOn: '2025-03-05',
    });
    const after = await t.gql<{ councilDecisions: { totalCount: number } }>(DECISIONS, {
      filter: { overdue: true },
    });
    expect(after.data!.councilDecisions.totalCount).toBe(0);
    clock.set('2025-07-01T09:00:00Z');
    const later = await t.gql<{ councilDecisions: { edges: { node: Decision }[] } }>(DECISIONS, {
      filter: { overdue: true },
    });
    expect(later.data!.councilDecisions.edges.map((e) => e.node.number)).toEqual(['2']);
  });

  it('adds a decision to a recorded meeting', async () => {
    const meetings = await t.gql<{ councilMeetings: { edges: { node: { id: string } }[] } }>(
      '{ councilMeetings(region: "kaliningrad") { edges { node { id } } } }',
    );
    const meetingId = meetings.data!.councilMeetings.edges[0]!.node.id;
    const res = await t.gql<{ addCouncilDecision: Decision & { meetingId: string } }>(
      `mutation($meetingId: ID!, $input: DecisionInput!) {
        addCouncilDecision(meetingId: $meetingId, input: $input) { number status overdue meetingId items { key } }
      }`,
      {
        meetingId,
        input: {
          number: '3',
          text: 'Доложить о выявлении инвалидов старше 18 лет',
          assigneeAgencyId: social(),
          dueDate: '2025-12-31',
          itemIds: [items['7']],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addCouncilDecision).toEqual({
      number: '3',
      status: 'OPEN',
      overdue: false,
      meetingId,
      items: [{ key: '7' }],
    });
  });

  it('sets a count of people on a decision, measured by an indicator, and refuses a count that is not one', async () => {
    // seed 000 item 11: employment of disabled people; a Council decision names how many people
    const meetings = await t.gql<{ councilMeetings: { edges: { node: { id: string } }[] } }>(
      '{ councilMeetings(region: "kaliningrad") { edges { node { id } } } }',
    );
    const meetingId = meetings.data!.councilMeetings.edges[0]!.node.id;
    const ADD = `mutation($meetingId: ID!, $input: DecisionInput!) {
      addCouncilDecision(meetingId: $meetingId, input: $input) { id peopleCount peopleIndicator items { key } }
    }`;
    const decision = {
      text: 'Трудоустроить 10 инвалидов на сопровождаемом проживании с наставником',
      assigneeAgencyId: social(),
      dueDate: '2025-12-31',
      itemIds: [items['11']],
    };
    const res = await t.gql<{
      addCouncilDecision: { id: string; peopleCount: number; peopleIndicator: string };
    }>(ADD, {
      meetingId,
      input: { ...decision, peopleCount: 10, peopleIndicator: 'PEOPLE_IN_SUPPORTED_EMPLOYMENT' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addCouncilDecision).toMatchObject({
      peopleCount: 10,
      peopleIndicator: 'PEOPLE_IN_SUPPORTED_EMPLOYMENT',
      items: [{ key: '11' }],
    });
    const stored = await sql<{ people_count: number; people_indicator: string }>(
      t.database.url,
      `SELECT people_count, people_indicator FROM coordination.council_decision WHERE id = '${res.data!.addCouncilDecision.id}'`,
    );
    expect(stored).toEqual([{ people_count: 10, people_indicator: 'PEOPLE_IN_SUPPORTED_EMPLOYMENT' }]);
    const count = async () =>
      (
        await sql<{ n: number }>(
          t.database.url,
          'SELECT count(*)::int AS n FROM coordination.council_decision',
        )
      )[0]!.n;
    const before = await count();
    const zero = await t.gql(ADD, { meetingId, input: { ...decision, peopleCount: 0 } });
    expect(zero.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const noCount = await t.gql(ADD, {
      meetingId,
      input: { ...decision, peopleIndicator: 'PEOPLE_EMPLOYED' },
    });
    expect(noCount.errors?.[0]?.extensions).toMatchObject({
      code: 'PEOPLE_COUNT_REQUIRED',
      field: 'peopleCount',
    });
    const unknown = await t.gql(ADD, {
      meetingId,
      input: { ...decision, peopleCount: 3, peopleIndicator: 'PEOPLE' },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    // and the database refuses it too
    await expect(
      sql(
        t.database.url,
        `UPDATE coordination.council_decision SET people_count = NULL WHERE id = '${res.data!.addCouncilDecision.id}'`,
      ),
    ).rejects.toThrow(/council_decision_indicator_has_count/);
  });

  it('refuses an assignee of another region, a due date before the meeting or an unknown item, writing nothing', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>(
          t.database.url,
          'SELECT (SELECT count(*) FROM coordination.council_meeting) + (SELECT count(*) FROM coordination.council_decision) AS n',
        )
      )[0]!.n;
    const before = await count();
    const base = {
      region: 'kaliningrad',
      heldOn: '2025-04-01',
      agenda: 'Повестка',
      attendees: ['Председатель'],
    };
    const decision = { text: 'Поручение', assigneeAgencyId: social(), dueDate: '2025-05-01' };
    const otherRegion = await t.gql(CREATE, {
      input: {
        ...base,
        decisions: [
          {
            ...decision,
            assigneeAgencyId:
              agencies['Минздрав Калужской области'] ??
              agencies['министерство здравоохранения Калужской области'],
          },
        ],
      },
    });
    expect(otherRegion.errors?.[0]?.extensions).toMatchObject({
      code: 'AGENCY_UNKNOWN',
      field: 'assigneeAgencyId',
    });
    const early = await t.gql(CREATE, {
      input: { ...base, decisions: [{ ...decision, dueDate: '2025-03-01' }] },
    });
    expect(early.errors?.[0]?.extensions?.code).toBe('DUE_BEFORE_MEETING');
    const unknownItem = await t.gql(CREATE, {
      input: { ...base, decisions: [{ ...decision, itemIds: ['00000000-0000-4000-8000-000000000000'] }] },
    });
    expect(unknownItem.errors?.[0]?.extensions?.code).toBe('ROADMAP_ITEM_UNKNOWN');
    const badDate = await t.gql(CREATE, { input: { ...base, heldOn: '01.04.2025' } });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('lists meetings and decisions with constant SQL whatever the page size', async () => {
    for (let i = 0; i < 6; i += 1) {
      const res = await t.gql(CREATE, {
        input: {
          region: 'kaliningrad',
          heldOn: `2025-0${4 + (i % 5)}-1${i}`,
          agenda: `Заседание ${i}`,
          attendees: ['Председатель'],
          decisions: [
            {
              number: `${i}.1`,
              text: 'Поручение',
              assigneeAgencyId: social(),
              dueDate: '2025-12-31',
              itemIds: [items['20']],
            },
          ],
        },
      });
      expect(res.errors).toBeUndefined();
    }
    const MEETINGS = `query($first: Int) { councilMeetings(region: "kaliningrad", first: $first) { totalCount edges { node {
      heldOn decisions { text overdue assignee { name } items { key } } } } } }`;
    const cost = async (query: string, variables: Record<string, unknown>) => {
      t.resetQueries();
      const res = await t.gql(query, variables);
      expect(res.errors).toBeUndefined();
      return t.queries.get('coordination')?.length ?? 0;
    };
    const small = await cost(MEETINGS, { first: 2 });
    expect(await cost(MEETINGS, { first: 7 })).toBe(small);
    // page, count, decisions, assignees, decisions with their items (two statements)
    expect(small).toBe(6);
    expect(await cost(DECISIONS, { first: 8 })).toBe(await cost(DECISIONS, { first: 2 }));
  });
});
