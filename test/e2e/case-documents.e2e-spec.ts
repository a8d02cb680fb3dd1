import { randomUUID } from 'node:crypto';
import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/sample-files.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23, documents of a case: the signed application, identity documents, ИППСУ, medical
// conclusions, powers of attorney (seed 001 §3 а–ж), uploaded as files whose type is found from the
// content, linked to the checklist item they satisfy, downloaded by those who may read the case,
// every download audited.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const UPLOAD = `mutation($input: UploadCaseDocumentInput!) { uploadCaseDocument(input: $input) {
  id kind fileName mediaType size sha256 checklistItem applicationId uploadedBy downloadUrl } }`;
const CASE = `query($id: ID!) { recipient(id: $id) {
  documents { id kind fileName size uploadedBy }
  timeline { on kind code by }
  applications { id missingDocuments documents { kind receivedOn files { id fileName } } } } }`;
const AUDIT = `query ($r: ID) { auditEvents(filter: { recipientId: $r, action: EXPORT }, first: 50) {
  edges { node { action entity entityId actorName recipientId after } } } }`;

describe('documents of a case (kaluga: seed 001 §3)', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let t: TestSystem;
  let person: string;
  let application: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { REGION: 'kaluga', CASE_DOCUMENT_MAX_BYTES: '20000' } });
    person = ok(
      await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: {
          lastName: 'Орлова',
          firstName: 'Вера',
          patronymic: 'Ильинична',
          sex: 'FEMALE',
          birthDate: '1991-05-20',
          municipality: 'г. Калуга',
          legalCapacity: 'FULL',
          limitations: {
            selfCare: 2,
            movement: 1,
            orientation: 2,
            communication: 1,
            learning: 1,
            behaviourControl: 0,
          },
          snils: snilsFromBody(251_000_001),
        },
      }),
    ).createRecipient.id;
    application = ok(
      await t.gql<{ submitApplication: { id: string } }>(SUBMIT, {
        input: {
          recipientId: person,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [{ kind: 'IDENTITY_DOCUMENT', receivedOn: '2026-03-02' }],
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
        },
      }),
    ).submitApplication.id;
  });
  afterAll(() => t.stop());

  function ok<T>(res: GraphQLResponse<T>): T {
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
  const upload = (
    input: Record<string, unknown>,
    as: Role | { role: Role; agencyId: string } = Role.COORDINATOR,
  ) => t.gql<{ uploadCaseDocument: Record<string, unknown> & { id: string } }>(UPLOAD, { input }, { as });
  const fileInput = (content: Buffer, fileName: string, rest: Record<string, unknown> = {}) => ({
    recipientId: person,
    kind: 'IPPSU',
    fileName,
    contentBase64: content.toString('base64'),
    ...rest,
  });
  async function download(
    id: string,
    as: Role | { role: Role; agencyId: string } | 'anonymous' = Role.COORDINATOR,
  ) {
    const req = t.http().get(`/documents/${id}`);
    if (as !== 'anonymous') req.set('Authorization', `Bearer ${await t.tokenFor(as)}`);
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }
  const bodyCode = (body: Buffer) => JSON.parse(body.toString()).errors[0].extensions.code;
  const documentCount = async () =>
    ok(await t.gql<{ recipient: { documents: unknown[] } }>(CASE, { id: person })).recipient.documents.length;

  let ippsu: string;

  it('stores a PDF as the ИППСУ of the checklist, and the checklist then counts the item received (001 §3 г)', async () => {
    const before = ok(
      await t.gql<{ recipient: { applications: { missingDocuments: string[] }[] } }>(CASE, { id: person }),
    );
    expect(before.recipient.applications[0]!.missingDocuments).toContain('IPPSU');
    const stored = ok(
      await upload(
        fileInput(SAMPLE_PDF, 'C:\\сканы\\ИППСУ Орловой.pdf', {
          applicationId: application,
          checklistItem: 'IPPSU',
        }),
      ),
    ).uploadCaseDocument;
    ippsu = stored.id;
    expect(stored).toMatchObject({
      kind: 'IPPSU',
      fileName: 'ИППСУ Орловой.pdf',
      mediaType: 'application/pdf',
      size: SAMPLE_PDF.length,
      checklistItem: 'IPPSU',
      applicationId: application,
      uploadedBy: 't-coordinator',
      downloadUrl: `/documents/${stored.id}`,
    });
    const after = ok(
      await t.gql<{
        recipient: {
          applications: {
            missingDocuments: string[];
            documents: { kind: string; receivedOn: string; files: { id: string; fileName: string }[] }[];
          }[];
        };
      }>(CASE, { id: person }),
    ).recipient.applications[0]!;
    expect(after.missingDocuments).not.toContain('IPPSU');
    const timeline = ok(
      await t.gql<{
        recipient: { timeline: { on: string; kind: string; code: string | null; by: string | null }[] };
      }>(CASE, { id: person }),
    ).recipient.timeline;
    expect(timeline).toContainEqual({
      on: '2026-03-10',
      kind: 'DOCUMENT_UPLOADED',
      code: 'IPPSU',
      by: 't-coordinator',
    });
    expect(after.documents.find((d) => d.kind === 'IPPSU')).toEqual({
      kind: 'IPPSU',
      receivedOn: '2026-03-10',
      files: [{ id: ippsu, fileName: 'ИППСУ Орловой.pdf' }],
    });
  });

  it('serves the file back byte for byte to the coordinator, and audits the download (who, whose, which file)', async () => {
    const res = await download(ippsu);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(Buffer.compare(res.body as Buffer, SAMPLE_PDF)).toBe(0);
    const exports = ok(
      await t.gql<{
        auditEvents: {
          edges: {
            node: {
              entity: string;
              entityId: string;
              actorName: string;
              recipientId: string;
              after: { kind: string };
            };
          }[];
        };
      }>(AUDIT, { r: person }, { as: Role.AUDITOR }),
    ).auditEvents.edges.map((e) => e.node);
    expect(exports).toContainEqual(
      expect.objectContaining({
        entity: 'CaseDocument',
        entityId: ippsu,
        actorName: 't-coordinator',
        recipientId: person,
        after: expect.objectContaining({ kind: 'IPPSU' }),
      }),
    );
  });

  it('refuses a text file or a program named .pdf by its content, with a code, and stores nothing', async () => {
    const count = await documentCount();
    const text = await upload(fileInput(Buffer.from('Это не скан, а текст.\n'.repeat(20)), 'паспорт.pdf'));
    expect(codeOf(text)).toBe('DOCUMENT_TYPE_INVALID');
    expect(text.errors![0]!.message).toContain('PDF, JPEG, PNG или DOCX');
    expect(text.errors![0]!.extensions!.field).toBe('contentBase64');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 1)]);
    const program = await upload(fileInput(elf, 'решение суда.pdf', { kind: 'COURT_DECISION' }));
    expect(codeOf(program)).toBe('DOCUMENT_TYPE_INVALID');
    expect(program.errors![0]!.extensions!.detected).toBe('application/x-elf');
    expect(codeOf(await upload(fileInput(Buffer.alloc(0), 'пусто.pdf')))).toBe('DOCUMENT_FILE_EMPTY');
    expect(await documentCount()).toBe(count);
  });

  it('refuses a file over CASE_DOCUMENT_MAX_BYTES, and stores nothing', async () => {
    const count = await documentCount();
    const large = Buffer.concat([SAMPLE_PDF, Buffer.from(`%${'x'.repeat(25_000)}\n`)]);
    const res = await upload(fileInput(large, 'большой.pdf'));
    expect(codeOf(res)).toBe('DOCUMENT_TOO_LARGE');
    expect(res.errors![0]!.extensions).toMatchObject({ limit: 20000, size: large.length });
    expect(await documentCount()).toBe(count);
  });

  it('refuses a file that cannot stand for the chosen checklist item, or an application of another person', async () => {
    const count = await documentCount();
    const mismatch = await upload(
      fileInput(SAMPLE_PNG, 'паспорт.png', {
        kind: 'CONSENT',
        applicationId: application,
        checklistItem: 'IDENTITY_DOCUMENT',
      }),
    );
    expect(codeOf(mismatch)).toBe('CHECKLIST_ITEM_MISMATCH');
    expect(codeOf(await upload(fileInput(SAMPLE_PNG, 'x.png', { checklistItem: 'IPPSU' })))).toBe(
      'APPLICATION_REQUIRED',
    );
    expect(
      codeOf(
        await upload(fileInput(SAMPLE_PNG, 'x.png', { applicationId: randomUUID(), checklistItem: 'IPPSU' })),
      ),
    ).toBe('APPLICATION_OF_ANOTHER_RECIPIENT');
    expect(await documentCount()).toBe(count);
  });

  it('lets no other role upload or download a file of the case, nor a stranger', async () => {
    for (const role of [
      Role.HEALTH_OFFICER,
      Role.EDUCATION_OFFICER,
      Role.PROVIDER_STAFF,
      Role.COUNCIL_MEMBER,
      Role.AUDITOR,
    ]) {
      const res = await download(ippsu, role);
      expect(res.status).toBe(403);
      expect(bodyCode(res.body as Buffer)).toBe('FORBIDDEN');
      expect(codeOf(await upload(fileInput(SAMPLE_PNG, 'x.png'), role))).toBe('FORBIDDEN');
    }
    const anonymous = await download(ippsu, 'anonymous');
    expect(anonymous.status).toBe(401);
    expect((await download('not-a-uuid')).status).toBe(400);
    const missing = await download(randomUUID());
    expect(missing.status).toBe(404);
  });

  it('gives a medical conclusion only to the coordinator running the case, as health details (152-ФЗ art. 10)', async () => {
    const conclusion = ok(
      await upload(fileInput(SAMPLE_PNG, 'заключение.png', { kind: 'MEDICAL_CONCLUSION' })),
    ).uploadCaseDocument;
    expect(conclusion.mediaType).toBe('image/png');
    const colleague = { role: Role.COORDINATOR, agencyId: randomUUID() };
    const refused = await download(conclusion.id, colleague);
    expect(refused.status).toBe(403);
    expect(bodyCode(refused.body as Buffer)).toBe('NOT_CASE_COORDINATOR');
    // The colleague still reads the case's other files (the case is open to every coordinator).
    expect((await download(ippsu, colleague)).status).toBe(200);
    expect((await download(conclusion.id)).status).toBe(200);
  });
});
