import { ManualClock, snilsFromBody } from '@sl/core';
import { answersFor } from '../support/questionnaire.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

// Issue 23: the questionnaire behind a score (order 606н, seed 001 §5, §9) is kept with the
// assessment so a disputed score can be reviewed, and the total is computed from it.

const CREATE = `mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) {
  id score degree answers { item category question level levelLabel points } } }`;
const READ = `query($id: ID!) { recipient(id: $id) { assessments { id score
  answers { item level points } } } }`;
const QUESTIONNAIRE = `{ assessmentQuestionnaire { source levels items { code category text points }
  bands { degree minScore maxScore service { code hours { min max per } } } } }`;

interface Questionnaire {
  levels: string[];
  items: { code: string; category: string; text: string; points: number[] }[];
  bands: { degree: string; minScore: number; maxScore: number; service: { code: string } }[];
}

describe('the assessment questionnaire (order 606н; seed 001 §9)', () => {
  const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
  let t: TestSystem;
  let id: string;

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'false', REGION: 'kaluga' } });
    const created = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: {
        snils: snilsFromBody(232_000_001),
        lastName: 'Орлова',
        firstName: 'Анна',
        patronymic: 'Сергеевна',
        birthDate: '1991-05-20',
        sex: 'FEMALE',
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
      },
    });
    id = created.data!.createRecipient.id;
    const submitted = await t.gql(SUBMIT, {
      input: {
        recipientId: id,
        submittedOn: '2026-03-02',
        appliedBy: 'PERSON',
        documents: [],
        consentToAssessmentOn: '2026-03-02',
        consentToDataProcessingOn: '2026-03-02',
      },
    });
    expect(submitted.errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  const assess = (input: Record<string, unknown>) =>
    t.gql<{ recordAssessment: Record<string, unknown> }>(ASSESS, {
      input: { recipientId: id, assessedOn: '2026-03-04', assessor: 'Петрова А. В., специалист', ...input },
    });
  const refused = async (res: GraphQLResponse<unknown>, code: string, field: string) => {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(res.errors?.[0]?.message).toMatch(/[а-яё]/i);
    const read = await t.gql<{ recipient: { assessments: unknown[] } }>(READ, { id });
    expect(read.data!.recipient.assessments).toEqual([]);
  };

  // seed 001 §9: the questionnaire's least and most points are the score's range, 23 and 272, and
  // the bands I 23–68, II 69–136, III 137–204, IV 205–272 come with it for the form to show live
  it('serves the questionnaire with its points and the region’s bands', async () => {
    const res = await t.gql<{ assessmentQuestionnaire: Questionnaire }>(QUESTIONNAIRE);
    expect(res.errors).toBeUndefined();
    const q = res.data!.assessmentQuestionnaire;
    expect(q.items).toHaveLength(23);
    expect(q.items.reduce((sum, i) => sum + i.points[0]!, 0)).toBe(23);
    expect(q.items.reduce((sum, i) => sum + i.points[q.levels.length - 1]!, 0)).toBe(272);
    expect(q.bands.map((b) => [b.degree, b.minScore, b.maxScore, b.service.code])).toEqual([
      ['I', 23, 68, 'TYPE_1'],
      ['II', 69, 136, 'TYPE_2'],
      ['III', 137, 204, 'TYPE_3'],
      ['IV', 205, 272, 'TYPE_4'],
    ]);
  });

  it('refuses a questionnaire with an item left out, naming it, and records nothing', async () => {
    const res = await assess({ answers: answersFor(150).slice(1) });
    await refused(res, 'QUESTIONNAIRE_INCOMPLETE', 'answers');
    expect(res.errors?.[0]?.message).toContain('Приём пищи');
  });

  it('refuses an item answered twice, an unknown item and a level off the scale', async () => {
    const full = answersFor(150);
    await refused(await assess({ answers: [...full, full[3]] }), 'QUESTIONNAIRE_ITEM_REPEATED', 'answers');
    await refused(
      await assess({ answers: [...full, { item: 'FLYING', level: 1 }] }),
      'QUESTIONNAIRE_ITEM_UNKNOWN',
      'answers',
    );
    await refused(
      await assess({ answers: [{ ...full[0]!, level: 7 }, ...full.slice(1)] }),
      'QUESTIONNAIRE_LEVEL_INVALID',
      'answers',
    );
  });

  // seed 001 §9: the degree is the band of the total — never a total the client sends
  it('refuses a total the answers do not give (150 answered, 210 claimed) and records nothing', async () => {
    const res = await assess({ answers: answersFor(150), score: 210 });
    await refused(res, 'SCORE_MISMATCH', 'score');
    expect(res.errors?.[0]?.extensions).toMatchObject({ computed: 150, given: 210 });
  });

  // seed 001 §9: 137–204 points — degree III; the answers stay with the assessment for review
  it('computes the total from the answers, gives its band and keeps every answer with its points', async () => {
    const res = await assess({ answers: answersFor(137), score: 137 });
    expect(res.errors).toBeUndefined();
    const recorded = res.data!.recordAssessment as {
      score: number;
      degree: string;
      answers: { item: string; category: string; question: string; levelLabel: string; points: number }[];
    };
    expect(recorded).toMatchObject({ score: 137, degree: 'III' });
    expect(recorded.answers).toHaveLength(23);
    expect(recorded.answers.reduce((sum, a) => sum + a.points, 0)).toBe(137);
    expect(recorded.answers[0]).toMatchObject({
      item: 'EATING',
      category: 'самообслуживание',
      question: 'Приём пищи',
    });
    const read = await t.gql<{
      recipient: {
        assessments: { score: number; answers: { item: string; level: number; points: number }[] }[];
      };
    }>(READ, { id });
    const [kept] = read.data!.recipient.assessments;
    expect(kept!.score).toBe(137);
    expect(kept!.answers.map((a) => ({ item: a.item, level: a.level }))).toEqual(answersFor(137));
  });

  // seed 001 §9: 68 points is degree I, one point more is degree II
  it('moves to the next band with one point more at the edge', async () => {
    const i = await assess({ answers: answersFor(68), assessedOn: '2026-03-05' });
    const ii = await assess({ answers: answersFor(69), assessedOn: '2026-03-06' });
    expect(i.data!.recordAssessment).toMatchObject({ score: 68, degree: 'I' });
    expect(ii.data!.recordAssessment).toMatchObject({ score: 69, degree: 'II' });
  });

  it('shows the questionnaire only to the case’s readers', async () => {
    const res = await t.gql(QUESTIONNAIRE, undefined, { as: 'anonymous' });
    expect(res.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
