import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { answersFor } from '../support/questionnaire.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23, corrections: a wrong assessment is annulled with a reason by the coordinator running
// the case, never edited in place; what follows from it is derived again; the history shows both.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id degree } }`;
const ANNUL = `mutation($input: AnnulAssessmentInput!) { annulAssessment(input: $input) {
  id score degree annulledAt annulledBy annulmentReason } }`;
const CASE = `query($id: ID!) { recipient(id: $id) { autonomyDegree
  assessments { id score degree annulledAt annulledBy annulmentReason }
  timeline { on kind code text by } } }`;

interface Case {
  autonomyDegree: string | null;
  assessments: {
    id: string;
    score: number;
    degree: string;
    annulledAt: string | null;
    annulledBy: string | null;
    annulmentReason: string | null;
  }[];
  timeline: { on: string; kind: string; code: string | null; text: string | null; by: string | null }[];
}

describe('annulling a wrong assessment (issue 23; seed 001 §9)', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  const otherCoordinator = { as: { role: Role.COORDINATOR, agencyId: 'Отдел-2' } };
  let t: TestSystem;
  let id: string;
  let right: string;
  let wrong: string;

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const read = async () => ok(await t.gql<{ recipient: Case }>(CASE, { id })).recipient;
  const annul = (assessmentId: string, reason: string, as = {}) =>
    t.gql<{ annulAssessment: Case['assessments'][number] }>(ANNUL, { input: { assessmentId, reason } }, as);

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'false', REGION: 'kaluga' } });
    id = ok(
      await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: {
          snils: snilsFromBody(234_000_001),
          lastName: 'Гусева',
          firstName: 'Алла',
          birthDate: '1989-07-07',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
      }),
    ).createRecipient.id;
    ok(
      await t.gql(SUBMIT, {
        input: {
          recipientId: id,
          submittedOn: '2026-03-02',
          appliedBy: 'PERSON',
          documents: [],
          consentToAssessmentOn: '2026-03-02',
          consentToDataProcessingOn: '2026-03-02',
        },
      }),
    );
    const assess = async (assessedOn: string, score: number) =>
      ok(
        await t.gql<{ recordAssessment: { id: string } }>(ASSESS, {
          input: {
            recipientId: id,
            assessedOn,
            assessor: 'Петрова А. В., специалист',
            answers: answersFor(score),
          },
        }),
      ).recordAssessment.id;
    // seed 001 §9: 150 points — degree III; then a wrong one, 60 points — degree I, is the latest
    right = await assess('2026-03-04', 150);
    wrong = await assess('2026-03-05', 60);
    expect((await read()).autonomyDegree).toBe('I');
  });
  afterAll(() => t.stop());

  it('refuses another coordinator (NOT_CASE_COORDINATOR) and a ministry officer, changing nothing', async () => {
    const other = await annul(wrong, 'Баллы подсчитаны неверно', otherCoordinator);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_CASE_COORDINATOR' });
    expect(other.errors?.[0]?.message).toMatch(/координатор, который ведёт дело/);
    const health = await annul(wrong, 'Баллы подсчитаны неверно', { as: Role.HEALTH_OFFICER });
    expect(health.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await annul(wrong, 'Баллы подсчитаны неверно', { as: Role.ADMIN });
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const c = await read();
    expect(c.autonomyDegree).toBe('I');
    expect(c.assessments.every((a) => a.annulledAt === null)).toBe(true);
  });

  it('refuses an annulment without a reason', async () => {
    const res = await annul(wrong, '  ');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await read()).assessments.find((a) => a.id === wrong)!.annulledAt).toBeNull();
  });

  // seed 001 §9: the degree is the band of the latest assessment in force — III again once the
  // wrong one (I) is annulled; the wrong one stays, marked with who, when and why
  it('annuls with who, when and why, keeps the record, and derives the degree from the one in force', async () => {
    const res = ok(await annul(wrong, 'Баллы подсчитаны неверно: ответы перепутаны')).annulAssessment;
    expect(res).toMatchObject({
      id: wrong,
      score: 60,
      degree: 'I',
      annulledBy: expect.any(String),
      annulmentReason: 'Баллы подсчитаны неверно: ответы перепутаны',
    });
    expect(res.annulledAt).toBeTruthy();
    const c = await read();
    expect(c.autonomyDegree).toBe('III');
    expect(c.assessments.map((a) => [a.score, a.annulledAt !== null])).toEqual([
      [60, true],
      [150, false],
    ]);
    const events = c.timeline.filter((e) => e.kind.startsWith('ASSESSMENT'));
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ASSESSMENT', code: 'I', text: '60' }),
        expect.objectContaining({ kind: 'ASSESSMENT', code: 'III', text: '150' }),
        expect.objectContaining({
          kind: 'ASSESSMENT_ANNULLED',
          code: 'I',
          text: 'Баллы подсчитаны неверно: ответы перепутаны',
          on: '2026-03-10',
        }),
      ]),
    );
  });

  it('never annuls twice (ALREADY_ANNULLED)', async () => {
    const again = await annul(wrong, 'Повторно');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_ANNULLED' });
  });

  it('leaves no degree when the only assessment in force is annulled, and takes a corrected one anew', async () => {
    ok(await annul(right, 'Оценка проведена без согласия законного представителя'));
    expect((await read()).autonomyDegree).toBeNull();
    const corrected = ok(
      await t.gql<{ recordAssessment: { degree: string } }>(ASSESS, {
        input: {
          recipientId: id,
          assessedOn: '2026-03-10',
          assessor: 'Иванова О. П.',
          answers: answersFor(140),
        },
      }),
    );
    expect(corrected.recordAssessment.degree).toBe('III');
    const c = await read();
    expect(c.autonomyDegree).toBe('III');
    expect(c.assessments).toHaveLength(3);
  });
});
