import { ManualClock, Role, snilsFromBody } from '@sl/core';
import mammoth from 'mammoth';
import { pdfText } from '../support/pdf-text.js';
import { answersFor } from '../support/questionnaire.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23, letters: the grant, the refusal citing its ground and the act's paragraph (seed 001
// §13, §16) and the termination notice (001 §17), generated from the record as DOCX and PDF,
// addressed with the person's name in the dative and dated in words.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id decision } }`;
const TERMINATE = `mutation($input: TerminateParticipationInput!) { terminateParticipation(input: $input) { id effectiveOn } }`;
const AUDIT = `query ($r: ID) { auditEvents(filter: { recipientId: $r }, first: 200) {
  edges { node { action fields } } } }`;

const limitations = {
  selfCare: 2,
  movement: 1,
  orientation: 2,
  communication: 1,
  learning: 1,
  behaviourControl: 0,
};

describe('letters to the person (kaluga: seed 001 §13, §16, §17)', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let t: TestSystem;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { REGION: 'kaluga' } });
  });
  afterAll(() => t.stop());

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const newPerson = async (name: {
    lastName: string;
    firstName: string;
    patronymic: string;
    sex: string;
    representative?: Record<string, string>;
  }) => {
    serial += 1;
    const input = {
      ...name,
      birthDate: '1990-04-12',
      municipality: 'г. Калуга',
      legalCapacity: 'FULL',
      limitations,
      snils: snilsFromBody(241_000_000 + serial),
    };
    return ok(await t.gql<{ createRecipient: { id: string } }>(CREATE, { input })).createRecipient.id;
  };
  const apply = async (
    recipientId: string,
    documents: { kind: string; receivedOn: string }[],
    appliedBy = 'PERSON',
  ) =>
    ok(
      await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
        input: {
          recipientId,
          submittedOn: '2026-03-02',
          appliedBy,
          documents,
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
        },
      }),
    ).submitApplication.id;
  async function download(path: string, as: Role | 'anonymous' = Role.COORDINATOR) {
    const req = t.http().get(path);
    if (as !== 'anonymous') req.set('Authorization', `Bearer ${await t.tokenFor(as)}`);
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }
  const docxText = async (path: string) => {
    const res = await download(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    return (await mammoth.extractRawText({ buffer: res.body as Buffer })).value;
  };
  const pdfOf = async (path: string) => {
    const res = await download(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    return pdfText(res.body as Buffer);
  };
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  let refusedPerson: string;
  let refusal: string;
  let grantedPerson: string;
  let grant: string;

  beforeAll(async () => {
    clock.set('2026-03-10T09:00:00Z');
    // seed 001 §16 б: refused because the ИППСУ was not handed in.
    refusedPerson = await newPerson({
      lastName: 'Иванов',
      firstName: 'Иван',
      patronymic: 'Иванович',
      sex: 'MALE',
    });
    refusal = await apply(refusedPerson, [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }]);
    ok(
      await t.gql(DECIDE, {
        input: {
          applicationId: refusal,
          decidedOn: '2026-03-10',
          decision: 'REFUSED',
          refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
        },
      }),
    );
    grantedPerson = await newPerson({
      lastName: 'Соколова',
      firstName: 'Анна',
      patronymic: 'Петровна',
      sex: 'FEMALE',
    });
    grant = await apply(grantedPerson, [
      { kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' },
      { kind: 'IPPSU', receivedOn: '2026-03-02' },
    ]);
    ok(
      await t.gql(ASSESS, {
        input: {
          recipientId: grantedPerson,
          assessedOn: '2026-03-04',
          assessor: 'Петрова А. В.',
          answers: answersFor(150),
        },
      }),
    );
    ok(
      await t.gql(DECIDE, { input: { applicationId: grant, decidedOn: '2026-03-10', decision: 'GRANTED' } }),
    );
  });

  it('writes the refusal to "Иванову Ивану Ивановичу", citing п. 16 «б» and the missing ИППСУ, as DOCX and PDF', async () => {
    for (const text of [
      await docxText(`/letters/${refusedPerson}/decision/${refusal}.docx`),
      await pdfOf(`/letters/${refusedPerson}/decision/${refusal}.pdf`),
    ]) {
      const words = flat(text);
      expect(words).toContain('Иванову Ивану Ивановичу');
      expect(words).toContain('Уважаемый Иван Иванович!');
      expect(words).toContain('об отказе в предоставлении сопровождаемого проживания');
      expect(words).toContain('п. 16 «б»');
      expect(words).toContain('№ 2840-п');
      expect(words).toContain('(ИППСУ)');
      expect(words).toContain('от 2 марта 2026 г. 10 марта 2026 г.');
    }
  });

  it('writes the grant to "Соколовой Анне Петровне", dated in words, as DOCX and PDF', async () => {
    for (const text of [
      await docxText(`/letters/${grantedPerson}/decision/${grant}.docx`),
      await pdfOf(`/letters/${grantedPerson}/decision/${grant}.pdf`),
    ]) {
      const words = flat(text);
      expect(words).toContain('Соколовой Анне Петровне');
      expect(words).toContain('Уважаемая Анна Петровна!');
      expect(words).toContain('о предоставлении Вам сопровождаемого проживания');
      expect(words).toContain('10 марта 2026 г.');
      expect(words).not.toContain('Основание отказа');
      // seed 001 §9.1: score 150 is degree III, the regular type, its hours written in words.
      expect(words).toContain(
        'рекомендован тип сопровождения «регулярное»: от 4 (четырёх) до 8 (восьми) часов в день.',
      );
      // Addressed as an official letter: the ministry's letterhead with the outgoing number, the signature.
      expect(words).toContain('Министерство труда и социальной защиты Калужской области Исх. № ____________');
      expect(words).toContain('Руководитель (уполномоченное лицо)');
    }
  });

  it('answers a representative’s application to the representative, naming the person in the dative (001 §3 ж)', async () => {
    const represented = await newPerson({
      lastName: 'Зайцев',
      firstName: 'Олег',
      patronymic: 'Петрович',
      sex: 'MALE',
      representative: {
        kind: 'LEGAL',
        fullName: 'Петрова Мария Сергеевна',
        identityDocument: 'паспорт 2900 123456',
        authorityDocument: 'распоряжение об опеке № 12',
      },
    });
    // seed 001 §16 б: the ИППСУ and the representative's papers are missing.
    const application = await apply(
      represented,
      [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
      'REPRESENTATIVE',
    );
    ok(
      await t.gql(DECIDE, {
        input: {
          applicationId: application,
          decidedOn: '2026-03-10',
          decision: 'REFUSED',
          refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
        },
      }),
    );
    for (const text of [
      await docxText(`/letters/${represented}/decision/${application}.docx`),
      await pdfOf(`/letters/${represented}/decision/${application}.pdf`),
    ]) {
      const words = flat(text);
      expect(words).toContain('Петровой Марии Сергеевне');
      expect(words).toContain('Уважаемая Мария Сергеевна!');
      expect(words).toContain(
        'об отказе в предоставлении Зайцеву Олегу Петровичу сопровождаемого проживания',
      );
      expect(words).not.toContain('Уважаемый Олег Петрович');
    }
  });

  it('writes the termination notice once participation has ended, and not before (001 §17)', async () => {
    const before = await download(`/letters/${grantedPerson}/termination.pdf`);
    expect(before.status).toBe(409);
    expect(JSON.parse(before.body.toString()).errors[0].extensions.code).toBe('LETTER_UNAVAILABLE');
    clock.set('2026-03-12T09:00:00Z');
    ok(
      await t.gql(TERMINATE, {
        input: { recipientId: grantedPerson, reason: 'DEATH', groundOn: '2026-03-11' },
      }),
    );
    for (const text of [
      await docxText(`/letters/${grantedPerson}/termination.docx`),
      await pdfOf(`/letters/${grantedPerson}/termination.pdf`),
    ]) {
      const words = flat(text);
      expect(words).toContain('Соколовой Анне Петровне');
      expect(words).toContain('прекращено с 11 марта 2026 г.');
      expect(words).toContain('12 марта 2026 г.');
    }
  });

  it('records the letter as a read of the person’s data in the audit trail', async () => {
    const reads = async () =>
      ok(
        await t.gql<{ auditEvents: { edges: { node: { action: string; fields: string[] } }[] } }>(
          AUDIT,
          { r: refusedPerson },
          { as: Role.AUDITOR },
        ),
      ).auditEvents.edges.filter(
        (e) => e.node.action === 'READ' && e.node.fields.includes('Application.refusalParagraph'),
      ).length;
    const before = await reads();
    expect((await download(`/letters/${refusedPerson}/decision/${refusal}.pdf`)).status).toBe(200);
    expect(await reads()).toBeGreaterThan(before);
  });

  it('refuses other roles, strangers, a wrong application and unknown letters, with a code', async () => {
    const path = `/letters/${refusedPerson}/decision/${refusal}.docx`;
    const code = (body: Buffer) => JSON.parse(body.toString()).errors[0].extensions.code;
    const officer = await download(path, Role.EMPLOYMENT_OFFICER);
    expect(officer.status).toBe(403);
    expect(code(officer.body as Buffer)).toBe('FORBIDDEN');
    const anonymous = await download(path, 'anonymous');
    expect(anonymous.status).toBe(401);
    // Another person's application is not this person's letter.
    const crossed = await download(`/letters/${refusedPerson}/decision/${grant}.pdf`);
    expect(crossed.status).toBe(404);
    expect(code(crossed.body as Buffer)).toBe('NOT_FOUND');
    expect((await download(`/letters/${refusedPerson}/decision/${refusal}.exe`)).status).toBe(404);
    expect((await download(`/letters/${refusedPerson}/welcome.pdf`)).status).toBe(404);
    expect((await download(`/letters/not-a-uuid/termination.pdf`)).status).toBe(404);
  });
});
