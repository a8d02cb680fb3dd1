import { interagencyAgencyOf, ManualClock, Role, snilsFromBody } from '@sl/core';
import { shareWith } from '../support/consent.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23, "a ministry's queue": a ministry cannot write about a person who has not consented to
// sharing with it, unless it is answering that person's interagency request (seed 001 §4).

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`;
const CONCLUSION = `mutation($input: RecordMedicalConclusionInput!) { recordMedicalConclusion(input: $input) { id } }`;
const ENROL = `mutation($input: EnrolRecipientInput!) { enrolRecipient(input: $input) { id } }`;
const EMPLOYER = `mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { id } }`;
const PLACE = `mutation($input: PlaceRecipientInput!) { placeRecipient(input: $input) { id } }`;
const SEND = `mutation($input: SendInteragencyRequestInput!) { sendInteragencyRequest(input: $input) { id } }`;
const ANSWER = `mutation($input: AnswerInteragencyRequestInput!) { answerInteragencyRequest(input: $input) {
  conclusion { id } } }`;

const NAMES = [
  'Ирина',
  'Ольга',
  'Мария',
  'Анна',
  'Елена',
  'Дарья',
  'Вера',
  'Нина',
  'Зоя',
  'Лидия',
  'Алла',
  'Инна',
];

describe('a ministry writes about a person only under their consent to share with it', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let t: TestSystem;
  let serial = 0;
  let employerId: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'false', REGION: 'kaluga' } });
    const employer = await t.gql<{ createEmployer: { id: string } }>(
      EMPLOYER,
      { input: { name: 'ООО «Чистый город»', inn: '4027000012', municipality: 'г. Калуга' } },
      { as: Role.EMPLOYMENT_OFFICER },
    );
    expect(employer.errors).toBeUndefined();
    employerId = employer.data!.createEmployer.id;
  });
  afterAll(() => t.stop());

  const newPerson = async () => {
    serial += 1;
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: {
        snils: snilsFromBody(233_000_000 + serial),
        lastName: 'Белова',
        firstName: NAMES[serial % NAMES.length]!,
        birthDate: '1990-02-02',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
      },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createRecipient.id;
  };
  const count = async (
    subgraph: 'health' | 'education' | 'employment',
    table: string,
    recipientId: string,
  ) => {
    const rows = await t.system.runtimes
      .get(subgraph)!
      .orm.em.getConnection()
      .execute<{ n: number }[]>(`select count(*)::int n from ${subgraph}.${table} where recipient_id = ?`, [
        recipientId,
      ]);
    return rows[0]!.n;
  };
  const refused = (res: GraphQLResponse<unknown>, code: string) => {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field: 'recipientId' });
    expect(res.errors?.[0]?.message).toMatch(/записывать сведения о нём нельзя/);
    expect(res.data ?? null).toBeNull();
  };

  const writes = {
    health: (recipientId: string) =>
      t.gql(
        CONCLUSION,
        {
          input: {
            recipientId,
            issuedOn: '2026-03-05',
            contraindicationsPresent: false,
            conditions: [],
            organisation: 'ГБУЗ КО «Калужская областная больница»',
          },
        },
        { as: Role.HEALTH_OFFICER },
      ),
    education: (recipientId: string) =>
      t.gql(
        ENROL,
        {
          input: {
            recipientId,
            level: 'VOCATIONAL',
            organisation: 'ГБПОУ «Техникум сервиса»',
            programme: 'Повар',
            form: 'PART_TIME',
            startDate: '2026-03-01',
          },
        },
        { as: Role.EDUCATION_OFFICER },
      ),
    employment: (recipientId: string) =>
      t.gql(
        PLACE,
        {
          input: {
            recipientId,
            employerId,
            position: 'Уборщик',
            workKind: 'CLEANING',
            startDate: '2026-03-02',
          },
        },
        { as: Role.EMPLOYMENT_OFFICER },
      ),
  };
  const tables = { health: 'medical_conclusion', education: 'enrolment', employment: 'placement' } as const;
  const ministry = { health: 'HEALTH', education: 'EDUCATION', employment: 'EMPLOYMENT' } as const;

  describe.each(['health', 'education', 'employment'] as const)('%s', (name) => {
    it('refuses to write about a person with no consent (CONSENT_MISSING) and writes nothing', async () => {
      const id = await newPerson();
      refused(await writes[name](id), 'CONSENT_MISSING');
      expect(await count(name, tables[name], id)).toBe(0);
    });

    it('refuses while only another ministry is consented to, and writes once its own is', async () => {
      const id = await newPerson();
      const others = (['HEALTH', 'EDUCATION', 'EMPLOYMENT'] as const).filter((m) => m !== ministry[name]);
      await shareWith(t, id, [...others]);
      refused(await writes[name](id), 'CONSENT_MISSING');
      expect(await count(name, tables[name], id)).toBe(0);
      await shareWith(t, id, [ministry[name]], { processing: false });
      const res = await writes[name](id);
      expect(res.errors).toBeUndefined();
      expect(await count(name, tables[name], id)).toBe(1);
    });

    it('refuses after the person withdrew the sharing consent (CONSENT_WITHDRAWN) and writes nothing', async () => {
      const id = await newPerson();
      await shareWith(t, id, [ministry[name]], { givenOn: '2026-03-01' });
      const withdrawn = await t.gql(WITHDRAW, {
        input: { recipientId: id, kind: 'SHARING', sharedWith: ministry[name], withdrawnOn: '2026-03-09' },
      });
      expect(withdrawn.errors).toBeUndefined();
      refused(await writes[name](id), 'CONSENT_WITHDRAWN');
      expect(await count(name, tables[name], id)).toBe(0);
    });
  });

  // seed 001 §4: the authorised body's request about the person is health's ground to answer it
  it('lets health answer the authorised body’s request about a person who gave health no consent', async () => {
    const id = await newPerson();
    const sent = await t.gql<{ sendInteragencyRequest: { id: string } }>(SEND, {
      input: {
        recipientId: id,
        agencyId: interagencyAgencyOf('kaluga', 'MEDICAL_CONCLUSION').id,
        subject: 'MEDICAL_CONCLUSION',
        sentOn: '2026-03-03',
      },
    });
    expect(sent.errors).toBeUndefined();
    refused(await writes.health(id), 'CONSENT_MISSING');
    const answered = await t.gql(
      ANSWER,
      {
        input: {
          requestId: sent.data!.sendInteragencyRequest.id,
          recipientId: id,
          conclusion: {
            issuedOn: '2026-03-05',
            contraindicationsPresent: false,
            conditions: [],
            organisation: 'ГБУЗ КО «Калужская областная больница»',
          },
        },
      },
      { as: Role.HEALTH_OFFICER },
    );
    expect(answered.errors).toBeUndefined();
    expect(await count('health', 'medical_conclusion', id)).toBe(1);
  });
});
