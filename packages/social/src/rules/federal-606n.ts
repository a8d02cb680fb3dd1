import type { RuleSetData } from './rule-set.schema.js';

/** How much help the person needs for one activity: the four answers every item offers. */
export const QUESTIONNAIRE_LEVELS = [
  'самостоятельно',
  'с напоминанием или присмотром',
  'с частичной помощью другого лица',
  'только с помощью другого лица',
] as const;

/**
 * The autonomy score and its four degrees are federal (order 606н of 28.07.2023), so every
 * region's rule set shares them: seed 001 §9 — I 23–68, II 69–136, III 137–204, IV 205–272.
 *
 * The questionnaire behind the score: one item per activity, grouped by the basic life categories
 * of seed 002 §2 (self-care, moving, orientation, communication, learning, control of behaviour).
 * Each item gives 1 point when the person manages alone and `weight` more per level of help, so
 * 23 items span exactly 23–272 (the rule set's schema checks it); the two light items (weights 1
 * and 2) make every total of the range reachable. The seeds give the scale and the
 * bands, not the order's wording: the item texts and weights are the system's and must be checked
 * against the appendix of order 606н before a region relies on them in a dispute.
 *
 * NOT THE ORDER'S TEXT. The items and weights below are constructed, not taken from the order: a
 * search of the project's reference corpora (public pages, documentation, code; 03.12.2026) for
 * the appendix of приказ Минтруда России № 606н — its assessment of need items and their scores —
 * found only regional orders and unrelated scales (Barthel, CMS GG), never the appendix itself.
 * Only the range 23–272, the 23 items and the four bands (seed 001 §9) are sourced. Replace
 * `items` (codes, texts, weights) with the appendix's when its text is at hand; the schema check
 * and the questionnaire tests then tell whether the totals still span the range.
 */
export const federalAutonomyBands: Pick<RuleSetData, 'score' | 'degrees' | 'questionnaire'> = {
  score: { min: 23, max: 272 },
  degrees: [
    { degree: 'I', minScore: 23, maxScore: 68 },
    { degree: 'II', minScore: 69, maxScore: 136 },
    { degree: 'III', minScore: 137, maxScore: 204 },
    { degree: 'IV', minScore: 205, maxScore: 272 },
  ],
  questionnaire: {
    source:
      'Шкала и степени — по приказу Минтруда России от 28.07.2023 № 606н; пункты анкеты и их веса составлены в системе и с приложением приказа не сверены',
    levels: [...QUESTIONNAIRE_LEVELS],
    items: [
      { code: 'EATING', category: 'самообслуживание', text: 'Приём пищи', weight: 4 },
      { code: 'HYGIENE', category: 'самообслуживание', text: 'Личная гигиена', weight: 4 },
      { code: 'DRESSING', category: 'самообслуживание', text: 'Одевание и раздевание', weight: 4 },
      { code: 'TOILET', category: 'самообслуживание', text: 'Пользование туалетом', weight: 4 },
      { code: 'MEDICATION', category: 'самообслуживание', text: 'Приём лекарств по назначению', weight: 4 },
      { code: 'COOKING', category: 'самообслуживание', text: 'Приготовление пищи', weight: 4 },
      { code: 'HOUSEKEEPING', category: 'самообслуживание', text: 'Уборка жилья и стирка', weight: 3 },
      { code: 'SHOPPING', category: 'самообслуживание', text: 'Покупка продуктов и вещей', weight: 3 },
      { code: 'MONEY', category: 'самообслуживание', text: 'Распоряжение деньгами, оплата услуг', weight: 4 },
      { code: 'MOVING_HOME', category: 'передвижение', text: 'Передвижение по жилому помещению', weight: 4 },
      { code: 'MOVING_OUTSIDE', category: 'передвижение', text: 'Передвижение вне дома', weight: 4 },
      {
        code: 'TRANSPORT',
        category: 'передвижение',
        text: 'Пользование общественным транспортом',
        weight: 2,
      },
      { code: 'TIME', category: 'ориентация', text: 'Ориентация во времени', weight: 3 },
      { code: 'PLACE', category: 'ориентация', text: 'Ориентация в знакомой местности', weight: 4 },
      { code: 'DANGER', category: 'ориентация', text: 'Распознавание опасности', weight: 4 },
      { code: 'UNDERSTANDING', category: 'общение', text: 'Понимание обращённой речи', weight: 4 },
      { code: 'EXPRESSING', category: 'общение', text: 'Выражение своих потребностей', weight: 4 },
      {
        code: 'CONTACTS',
        category: 'общение',
        text: 'Поддержание контактов, пользование телефоном',
        weight: 1,
      },
      { code: 'NEW_SKILLS', category: 'обучение', text: 'Усвоение новых навыков', weight: 3 },
      { code: 'ROUTINE', category: 'обучение', text: 'Соблюдение распорядка дня', weight: 4 },
      {
        code: 'RULES',
        category: 'контроль за поведением',
        text: 'Соблюдение общепринятых норм поведения',
        weight: 4,
      },
      { code: 'EMOTIONS', category: 'контроль за поведением', text: 'Контроль эмоций', weight: 4 },
      {
        code: 'SAFETY',
        category: 'контроль за поведением',
        text: 'Поведение, безопасное для себя и других',
        weight: 4,
      },
    ],
  },
};
