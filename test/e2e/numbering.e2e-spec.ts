import { ManualClock } from '@sl/core';
import { seedText, toBase64 } from '../support/roadmap-files.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CouncilMeetingInput!) {
    createCouncilMeeting(input: $input) { id protocolNumber decisions { id number reference meeting { id } } }
  }
`;
const ADD = /* GraphQL */ `
  mutation Add($meetingId: ID!, $input: DecisionInput!) {
    addCouncilDecision(meetingId: $meetingId, input: $input) { number reference }
  }
`;

describe('numbers that name one thing: items with their roadmap, decisions with their protocol', () => {
  let t: TestSystem;
  let social: string;
  let roadmapTitle: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock: new ManualClock(new Date('2025-02-10T09:00:00Z')) });
    const imported = await t.gql<{ importRoadmap: { roadmap: { id: string; title: string } } }>(
      'mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id title } } }',
      {
        input: {
          region: 'kaliningrad',
          filename: '312-рп.txt',
          contentBase64: toBase64(seedText('kaliningrad-000')),
        },
      },
    );
    expect(imported.errors).toBeUndefined();
    roadmapTitle = imported.data!.importRoadmap.roadmap.title;
    const list = await t.gql<{ agencies: { edges: { node: { id: string; name: string } }[] } }>(
      '{ agencies(first: 100) { edges { node { id name } } } }',
    );
    social = list.data!.agencies.edges.find(
      (e) => e.node.name === 'Министерство социальной политики Калининградской области',
    )!.node.id;
  });
  afterAll(() => t.stop());

  const decision = (text: string, number?: string) => ({
    ...(number ? { number } : {}),
    text,
    assigneeAgencyId: social,
    dueDate: '2025-12-31',
  });
  const meetingInput = (protocolNumber: string, region = 'kaliningrad') => ({
    region,
    heldOn: '2025-02-10',
    agenda: 'О ходе реализации дорожной карты',
    attendees: ['Председатель Совета'],
    protocolNumber,
  });

  it('names every item with its roadmap, since numbers like 2.1.2 repeat across roadmaps', async () => {
    const res = await t.gql<{
      roadmapItems: { edges: { node: { number: string; reference: string; roadmap: { title: string } } }[] };
    }>('{ roadmapItems(first: 50) { edges { node { number reference roadmap { title } } } } }');
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.roadmapItems.edges) {
      expect(node.roadmap.title).toBe(roadmapTitle);
      expect(node.reference).toBe(`${roadmapTitle}, п. ${node.number}`);
    }
  });

  it('numbers decisions within their meeting and names them with the protocol', async () => {
    const res = await t.gql<{
      createCouncilMeeting: { id: string; decisions: { number: string; reference: string }[] };
    }>(CREATE, {
      input: {
        ...meetingInput('7'),
        decisions: [decision('Первое поручение'), decision('Второе поручение')],
      },
    });
    expect(res.errors).toBeUndefined();
    const meeting = res.data!.createCouncilMeeting;
    expect(meeting.decisions.map((d) => [d.number, d.reference]).sort()).toEqual([
      ['1', 'Протокол № 7, поручение 1'],
      ['2', 'Протокол № 7, поручение 2'],
    ]);
    const added = await t.gql<{ addCouncilDecision: { number: string; reference: string } }>(ADD, {
      meetingId: meeting.id,
      input: decision('Третье поручение'),
    });
    expect(added.data!.addCouncilDecision).toEqual({ number: '3', reference: 'Протокол № 7, поручение 3' });
    // another meeting starts its own numbering; its protocol tells the two «поручение 1» apart
    const other = await t.gql<{ createCouncilMeeting: { decisions: { reference: string }[] } }>(CREATE, {
      input: { ...meetingInput('8'), decisions: [decision('Поручение другого заседания', '1')] },
    });
    expect(other.data!.createCouncilMeeting.decisions[0]!.reference).toBe('Протокол № 8, поручение 1');
    const one = await t.gql<{ councilMeeting: { protocolNumber: string; decisions: unknown[] } }>(
      'query($id: ID!) { councilMeeting(id: $id) { protocolNumber decisions { number } } }',
      { id: meeting.id },
    );
    expect(one.data!.councilMeeting).toEqual({
      protocolNumber: '7',
      decisions: [{ number: '1' }, { number: '2' }, { number: '3' }],
    });
  });

  it('refuses a number already given in the meeting, and a protocol number the Council already has', async () => {
    const res = await t.gql<{ createCouncilMeeting: { id: string } }>(CREATE, {
      input: { ...meetingInput('9'), decisions: [decision('Поручение', '1')] },
    });
    const meetingId = res.data!.createCouncilMeeting.id;
    const taken = await t.gql(ADD, {
      meetingId,
      input: decision('Ещё одно поручение с тем же номером', '1'),
    });
    expect(taken.errors?.[0]?.extensions?.code).toBe('DECISION_NUMBER_TAKEN');
    expect(taken.errors?.[0]?.message).toBe('Поручение № 1 уже есть в этом заседании');
    const twice = await t.gql(CREATE, {
      input: { ...meetingInput('9'), decisions: [decision('Дубль', '1'), decision('Дубль второй', '1')] },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('PROTOCOL_NUMBER_TAKEN');
    const sameInMeeting = await t.gql(CREATE, {
      input: { ...meetingInput('10'), decisions: [decision('Дубль', '1'), decision('Дубль второй', '1')] },
    });
    expect(sameInMeeting.errors?.[0]?.extensions?.code).toBe('DECISION_NUMBER_TAKEN');
    // nothing of the refused meetings was kept
    const count = await t.gql<{ councilMeetings: { totalCount: number } }>(
      '{ councilMeetings(region: "kaliningrad") { totalCount } }',
    );
    expect(count.data!.councilMeetings.totalCount).toBe(3);
    const meeting = await t.gql<{ councilMeeting: { decisions: unknown[] } }>(
      'query($id: ID!) { councilMeeting(id: $id) { decisions { number } } }',
      { meetingId, id: meetingId },
    );
    expect(meeting.data!.councilMeeting.decisions).toHaveLength(1);
  });
});
