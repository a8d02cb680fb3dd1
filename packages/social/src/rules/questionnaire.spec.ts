import { AppError } from '@sl/core';
import { RuleSet } from './rule-set.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

describe('the 606н questionnaire behind the score', () => {
  const kaluga = RuleSet.for('kaluga');
  const items = kaluga.data.questionnaire.items;

  // seed 001 §9: the score runs from 23 to 272 — every item answered "alone" gives the minimum,
  // every item at the most help the maximum, and every total between is some set of answers.
  it('spans exactly 23–272 and reaches every total of it', () => {
    const alone = items.map((i) => ({ item: i.code, level: 0 }));
    const most = items.map((i) => ({ item: i.code, level: 3 }));
    expect(kaluga.scoreQuestionnaire(alone).score).toBe(23);
    expect(kaluga.scoreQuestionnaire(most).score).toBe(272);
    for (let score = 23; score <= 272; score += 1)
      expect(kaluga.scoreQuestionnaire(kaluga.answersTotalling(score)).score).toBe(score);
  });

  // seed 001 §9: the bands follow the computed total — 68 is degree I, 69 degree II
  it('gives the degree of the computed total at the band edges', () => {
    expect(kaluga.assess(kaluga.scoreQuestionnaire(kaluga.answersTotalling(68)).score).degree).toBe('I');
    expect(kaluga.assess(kaluga.scoreQuestionnaire(kaluga.answersTotalling(69)).score).degree).toBe('II');
  });

  it('keeps each answer with its points', () => {
    const { answers } = kaluga.scoreQuestionnaire(items.map((i) => ({ item: i.code, level: 1 })));
    const eating = answers.find((a) => a.item === 'EATING')!;
    expect(eating).toEqual({ item: 'EATING', level: 1, points: 5 });
  });

  it('refuses a questionnaire not answered in full, once per item, on its levels', () => {
    const full = kaluga.answersTotalling(150);
    expect(codeOf(() => kaluga.scoreQuestionnaire(full.slice(1)))).toBe('QUESTIONNAIRE_INCOMPLETE');
    expect(codeOf(() => kaluga.scoreQuestionnaire([...full, full[0]!]))).toBe('QUESTIONNAIRE_ITEM_REPEATED');
    expect(codeOf(() => kaluga.scoreQuestionnaire([...full, { item: 'FLYING', level: 0 }]))).toBe(
      'QUESTIONNAIRE_ITEM_UNKNOWN',
    );
    expect(codeOf(() => kaluga.scoreQuestionnaire([{ ...full[0]!, level: 4 }, ...full.slice(1)]))).toBe(
      'QUESTIONNAIRE_LEVEL_INVALID',
    );
  });

  it('is the same federal questionnaire in Murmansk', () => {
    expect(RuleSet.for('murmansk').data.questionnaire).toEqual(kaluga.data.questionnaire);
  });
});
