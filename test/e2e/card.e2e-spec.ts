import { interagencyAgencyOf, ManualClock, Role } from '@sl/core';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

// The region's health ministry in the agency directory (requests name agencies by id).
const HEALTH_AGENCY = interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id;

const CARD = /* GraphQL */ `
  query Cards($first: Int) {
    recipients(first: $first) {
      edges {
        node {
          id lastName
          currentStage { kind }
          housing { current { fromDate } }
          interagencyRequests { id subject answeredOn healthAnswer { answeredOn conclusion { id } } }
          medicalConclusions { issuedOn contraindicationsPresent conditions organisation validUntil }
          rehabilitationEpisodes { setting startDate }
          mobileTeamVisits { visitedOn team }
          enrolments { level form organisation programme startDate status }
          pmpkRecommendations { programme }
          guidanceSessions { heldOn }
          placements { position workKind supported mentorName quota employer { name inn } }
          employed registeredUnemployed
          workRecommendations { workKind verdict }
          employmentSupports { kind startDate }
        }
      }
    }
  }
`;
interface Card {
  id: string;
  currentStage: { kind: string } | null;
  interagencyRequests: { id: string; healthAnswer: unknown }[];
  medicalConclusions: { conditions: string[]; contraindicationsPresent: boolean }[];
  enrolments: unknown[];
  placements: { workKind: string; employer: { inn: string } }[];
  employed: boolean;
}
type Cards = { recipients: { edges: { node: Card }[] } };

describe('the recipient card across the four ministries', () => {
  let t: TestSystem;
  let people: Card[];
  // The demo coordinator runs the demo cases, so sees their health details (docs/access.md ✓¹).
  const demo = { authorization: '' };
  beforeAll(async () => {
    t = await startTestSystem({
      clock: new ManualClock(new Date('2026-11-20T09:00:00Z')),
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60' },
    });
    demo.authorization = await demoAuthorization(`http://127.0.0.1:${t.system.server.port}`);
    const res = await t.gql<Cards>(CARD, { first: 60 }, demo);
    expect(res.errors).toBeUndefined();
    people = res.data!.recipients.edges.map((e) => e.node);
  });
  afterAll(() => t.stop());

  it('returns social case, housing, health, education and employment in one request', async () => {
    expect(people).toHaveLength(60);
    expect(people.some((p) => p.medicalConclusions.length > 0)).toBe(true);
    expect(people.some((p) => p.enrolments.length > 0)).toBe(true);
    expect(people.some((p) => p.placements.length > 0)).toBe(true);
    // order 202н: conditions are listed exactly when contraindications are present
    for (const c of people.flatMap((p) => p.medicalConclusions)) {
      expect(c.conditions.length > 0).toBe(c.contraindicationsPresent);
    }
    const main = people.filter((p) => p.currentStage?.kind === 'MAIN');
    expect(main.length).toBeGreaterThan(3);
    expect(main.some((p) => p.employed)).toBe(true);
    for (const p of people.flatMap((x) => x.placements)) expect(p.employer.inn).toMatch(/^\d{10}(\d{2})?$/);
  });

  it('tells one story per demo person across the ministries (the journey every demo reads)', async () => {
    const res = await t.gql<{
      recipients: {
        edges: {
          node: {
            applications: { submittedOn: string; decision: string | null }[];
            currentStage: { kind: string } | null;
            stages: { kind: string }[];
            medicalConclusions: { issuedOn: string; contraindicationsPresent: boolean }[];
            placements: { startDate: string; endDate: string | null }[];
            employed: boolean;
            registeredUnemployed: boolean;
          };
        }[];
      };
    }>(
      `{ recipients(first: 60) { edges { node {
      applications { submittedOn decision } currentStage { kind } stages { kind }
      medicalConclusions { issuedOn contraindicationsPresent }
      placements { startDate endDate } employed registeredUnemployed } } } }`,
      {},
      demo,
    );
    expect(res.errors).toBeUndefined();
    const cards = res.data!.recipients.edges.map((e) => e.node);
    expect(cards).toHaveLength(60);
    for (const card of cards) {
      const granted = card.applications.some((a) => a.decision === 'GRANTED');
      // placements only for people whose application was granted, none before the application
      if (card.placements.length > 0) {
        expect(granted).toBe(true);
        const appliedOn = card.applications.map((a) => a.submittedOn).sort()[0]!;
        for (const p of card.placements) expect(p.startDate > appliedOn).toBe(true);
      }
      // a medical conclusion for everyone who applied, issued before the application (001 §3)
      expect(card.applications.length).toBeGreaterThan(0);
      expect(card.medicalConclusions.length).toBeGreaterThan(0);
      expect(card.medicalConclusions.some((c) => c.issuedOn <= card.applications[0]!.submittedOn)).toBe(true);
      // contraindications found: not granted (a ground to refuse supported living)
      if (card.medicalConclusions.some((c) => c.contraindicationsPresent)) expect(granted).toBe(false);
      // stages only after a grant; no one both at work and registered unemployed
      if (card.stages.length > 0) expect(granted).toBe(true);
      expect(card.employed && card.registeredUnemployed).toBe(false);
    }
    const main = cards.filter((c) => c.currentStage?.kind === 'MAIN');
    // people in the main stage mostly work, and some do not: the list of the jobless in the main stage
    expect(main.filter((c) => c.employed).length).toBeGreaterThan(main.length / 2);
    expect(main.some((c) => !c.employed)).toBe(true);
    expect(main.filter((c) => !c.employed).every((c) => c.registeredUnemployed)).toBe(true);
  });

  it('lists people in the main stage without a job from one page, without a query per person', async () => {
    t.resetQueries();
    const res = await t.gql<{ recipients: { edges: { node: Card }[] } }>(
      '{ recipients(first: 60) { edges { node { id currentStage { kind } employed } } } }',
    );
    const jobless = res
      .data!.recipients.edges.map((e) => e.node)
      .filter((p) => p.currentStage?.kind === 'MAIN' && !p.employed);
    expect(jobless.length).toBeGreaterThan(0);
    // one batched placements load and one audit insert, whatever the number of people
    expect(t.queries.get('employment')).toHaveLength(2);
  });

  it('costs a bounded number of statements per subgraph for the card of 5 and of 50 people', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(CARD, { first }, demo);
      expect(res.errors).toBeUndefined();
      return Object.fromEntries([...t.queries].map(([name, list]) => [name, list.length]));
    };
    const large = await cost(50);
    const tiny = await cost(5);
    // One batched statement per loader and at most one audit insert per subgraph fetch, whatever the
    // number of people: health 4 loaders, education 3, employment 4 (placements, recommendations,
    // supports, employers); the gateway may fetch a subgraph twice (Recipient and InteragencyRequest).
    const bound = { health: 4 + 2, education: 3 + 1, employment: 4 + 1 };
    for (const [name, max] of Object.entries(bound)) {
      expect(large[name]).toBeLessThanOrEqual(max);
      expect(tiny[name]).toBeLessThanOrEqual(max);
    }
    expect(large.education).toBe(4);
    expect(large.employment).toBe(5);
  });

  it('refuses a placement of a kind of work the ИПРА forbids, with the reason in Russian', async () => {
    const as = { as: Role.EMPLOYMENT_OFFICER };
    const badInn = await t.gql(
      'mutation { createEmployer(input: { name: "ООО «Ромашка»", inn: "7707083894" }) { id } }',
      {},
      as,
    );
    expect(badInn.errors?.[0]?.extensions?.code).toBe('INN_INVALID');
    const employer = await t.gql<{ createEmployer: { id: string } }>(
      'mutation { createEmployer(input: { name: "ПАО «Сбербанк»", inn: "7707083893" }) { id } }',
      {},
      as,
    );
    expect(employer.errors).toBeUndefined();
    const person = people.find((p) => p.placements.length === 0)!;
    const ipra = await t.gql(
      `mutation($id: ID!) { recordIpraWorkKinds(input: { recipientId: $id, ipraNumber: "77.5.39/2026",
        ipraIssuedOn: "2026-10-01", recommended: [OFFICE], forbidden: [WORK_AT_HEIGHT] }) { workKind verdict } }`,
      { id: person.id },
      as,
    );
    expect(ipra.errors).toBeUndefined();
    const place = (workKind: string, mentor: string | null) =>
      t.gql<{ placeRecipient: { supported: boolean; workKind: string } }>(
        `mutation($input: PlaceRecipientInput!) { placeRecipient(input: $input) { supported workKind } }`,
        {
          input: {
            recipientId: person.id,
            employerId: employer.data!.createEmployer.id,
            position: 'Монтажник',
            workKind,
            startDate: '2026-11-02',
            mentorName: mentor,
          },
        },
        as,
      );
    // seed 004 item 2.2.2: the kinds of work the ИПРА forbids are respected
    const refused = await place('WORK_AT_HEIGHT', null);
    expect(refused.errors?.[0]?.extensions?.code).toBe('WORK_KIND_FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/противопоказан по ИПРА № 77\.5\.39\/2026/);
    const placed = await place('OFFICE', 'Сидорова А. А.');
    expect(placed.data!.placeRecipient).toEqual({ supported: true, workKind: 'OFFICE' });
    const card = await t.gql<{ recipient: { placements: unknown[]; employed: boolean } }>(
      'query($id: ID!) { recipient(id: $id) { placements { position } employed } }',
      { id: person.id },
    );
    // the refused placement wrote nothing
    expect(card.data!.recipient).toEqual({ placements: [{ position: 'Монтажник' }], employed: true });
  });

  it('lets health answer a request of the authorised body and shows the answer on the case', async () => {
    const person = people[7]!;
    const sent = await t.gql<{ sendInteragencyRequest: { id: string } }>(
      `mutation($id: ID!) { sendInteragencyRequest(input: { recipientId: $id, agencyId: "${HEALTH_AGENCY}",
        subject: MEDICAL_CONCLUSION, sentOn: "2026-11-18" }) { id } }`,
      { id: person.id },
    );
    expect(sent.errors).toBeUndefined();
    const requestId = sent.data!.sendInteragencyRequest.id;
    const QUEUE = `{ interagencyQueue(subject: MEDICAL_CONCLUSION, first: 200) {
      edges { node { id recipientId dueOn healthAnswer { answeredOn } } } } }`;
    const queue = await t.gql<{
      interagencyQueue: { edges: { node: { id: string; recipientId: string } }[] };
    }>(QUEUE, {}, { as: Role.HEALTH_OFFICER });
    expect(queue.errors).toBeUndefined();
    const item = queue.data!.interagencyQueue.edges.find((e) => e.node.id === requestId)!.node;
    expect(item.recipientId).toBe(person.id);
    const elsewhere = await t.gql(QUEUE, {}, { as: Role.EDUCATION_OFFICER });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');

    const ANSWER = `mutation($input: AnswerInteragencyRequestInput!) { answerInteragencyRequest(input: $input) {
      answeredOn conclusion { id conditions } } }`;
    const input = {
      requestId,
      recipientId: item.recipientId,
      conclusion: {
        issuedOn: '2026-11-19',
        contraindicationsPresent: true,
        conditions: [],
        organisation: 'ГБУЗ «Областная больница»',
        validUntil: '2027-11-18',
      },
    };
    // order 202н: contraindications name the conditions
    const incomplete = await t.gql(ANSWER, { input }, { as: Role.HEALTH_OFFICER });
    expect(incomplete.errors?.[0]?.extensions?.code).toBe('CONDITIONS_REQUIRED');
    const complete = { ...input, conclusion: { ...input.conclusion, conditions: ['f20.0'] } };
    const byCoordinator = await t.gql(ANSWER, { input: complete });
    expect(byCoordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const answered = await t.gql<{
      answerInteragencyRequest: { answeredOn: string; conclusion: { id: string } };
    }>(ANSWER, { input: complete }, { as: Role.HEALTH_OFFICER });
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerInteragencyRequest.answeredOn).toBe('2026-11-20');
    const again = await t.gql(ANSWER, { input: complete }, { as: Role.HEALTH_OFFICER });
    expect(again.errors?.[0]?.extensions?.code).toBe('REQUEST_ALREADY_ANSWERED');

    const caseView = await t.gql<{
      recipient: {
        interagencyRequests: {
          id: string;
          healthAnswer: { conclusion: { id: string; conditions: string[] } } | null;
        }[];
        medicalConclusions: { conditions: string[] }[];
      };
    }>(
      `query($id: ID!) { recipient(id: $id) {
        interagencyRequests { id healthAnswer { answeredOn conclusion { id conditions } } }
        medicalConclusions { conditions } } }`,
      { id: person.id },
      demo,
    );
    expect(caseView.errors).toBeUndefined();
    const request = caseView.data!.recipient.interagencyRequests.find((r) => r.id === requestId)!;
    expect(request.healthAnswer!.conclusion).toEqual({
      id: answered.data!.answerInteragencyRequest.conclusion.id,
      conditions: ['F20.0'],
    });
    expect(caseView.data!.recipient.medicalConclusions[0]!.conditions).toEqual(['F20.0']);
  });

  it('shows conclusions to a health officer and refuses them to an education officer', async () => {
    const q = 'query($id: ID!) { recipient(id: $id) { id medicalConclusions { issuedOn } } }';
    const id = people.find((p) => p.medicalConclusions.length > 0)!.id;
    const health = await t.gql<{ recipient: { medicalConclusions: unknown[] } }>(
      q,
      { id },
      { as: Role.HEALTH_OFFICER },
    );
    expect(health.errors).toBeUndefined();
    expect(health.data!.recipient.medicalConclusions.length).toBeGreaterThan(0);
    const education = await t.gql(q, { id }, { as: Role.EDUCATION_OFFICER });
    expect(education.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives each ministry’s own figures to the Council as fields of the indicators', async () => {
    const res = await t.gql<{
      indicators: {
        medicalConclusionsIssued: number;
        peopleInEducation: number;
        peopleEmployed: number;
        peopleInSupportedEmployment: number;
        peopleOnQuotaJobs: number;
      };
    }>(
      `{ indicators(asOf: "2026-11-20") { medicalConclusionsIssued medicalConclusionsValid
           interagencyRequestsAnsweredByHealth peopleInEducation educationProgrammesCompleted
           pmpkRecommendationsIssued peopleEmployed peopleInSupportedEmployment peopleOnQuotaJobs
           workplacesCreated } }`,
      {},
      { as: Role.COUNCIL_MEMBER },
    );
    expect(res.errors).toBeUndefined();
    const conclusions = people.flatMap((p) => p.medicalConclusions).length;
    expect(res.data!.indicators.medicalConclusionsIssued).toBeGreaterThanOrEqual(conclusions);
    const f = res.data!.indicators;
    expect(f.peopleEmployed).toBeGreaterThan(0);
    expect(f.peopleInSupportedEmployment).toBeLessThanOrEqual(f.peopleEmployed);
    expect(f.peopleOnQuotaJobs).toBeLessThanOrEqual(f.peopleEmployed);
    const anonymous = await t.gql(
      '{ indicators(asOf: "2026-11-20") { medicalConclusionsIssued } }',
      {},
      { as: 'anonymous' },
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
