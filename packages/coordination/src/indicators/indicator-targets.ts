import type { Target } from '../roadmap/targets.js';

/**
 * Which roadmap targets measure which indicator, as data: an item's target applies to an indicator
 * when the item's measure or expected result matches `text` and the target's unit matches `unit`.
 * Seed 000 item 12: "Организация 12 мест для проведения учебно-тренировочных мероприятий" is the
 * target of the training-flat places. New rules go here, one line each.
 */
export const TARGET_RULES: readonly { indicator: string; text: RegExp; unit: RegExp }[] = [
  { indicator: 'trainingFlatPlaces', text: /учебно-тренировочн|тренировочн[а-я]* квартир/i, unit: /^мест/i },
  { indicator: 'otherHousingPlaces', text: /сопровождаем[а-я]* проживани/i, unit: /^(мест|квартир|жил)/i },
  { indicator: 'shareDecidedOnTime', text: /решени|заявлени/i, unit: /^%$/ },
  {
    indicator: 'peopleIdentified',
    text: /выявлен|нуждающихся в сопровождаемом/i,
    unit: /^(инвалид|человек|граждан)/i,
  },
  { indicator: 'peopleEmployed', text: /трудоустро/i, unit: /^(инвалид|человек|граждан)/i },
  { indicator: 'peopleInEducation', text: /образовани|обучени/i, unit: /^(инвалид|человек|граждан)/i },
];

/** The indicator a target measures, if any (the first matching rule wins). */
export function indicatorOf(itemText: string, target: Pick<Target, 'unit'>): string | null {
  const unit = target.unit ?? '';
  const rule = TARGET_RULES.find((r) => r.unit.test(unit) && r.text.test(itemText));
  return rule?.indicator ?? null;
}
