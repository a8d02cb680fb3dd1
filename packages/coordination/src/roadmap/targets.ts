import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { oneLine } from '../text/clean.js';

export enum Comparator {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  MORE_THAN = 'MORE_THAN',
  LESS_THAN = 'LESS_THAN',
  EXACTLY = 'EXACTLY',
}
registerEnumType(Comparator, { name: 'Comparator' });

/** A measurable target stated in an item's expected result («не менее 80%», «12 мест»). */
@ObjectType({ description: 'A measurable target pulled from the expected result' })
export class Target {
  @Field(() => Int, { description: 'Position among the item’s targets; progress figures refer to it' })
  index!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => String, {
    nullable: true,
    description: '% or the counted noun as written (мест, детей, волонтеров)',
  })
  unit!: string | null;

  @Field(() => Comparator)
  comparator!: Comparator;

  @Field(() => String, { description: 'The phrase the target was read from' })
  text!: string;
}

const COMPARATORS: [RegExp, Comparator][] = [
  [/не\s+менее|не\s+меньше|не\s+ниже|как\s+минимум/, Comparator.AT_LEAST],
  [/не\s+более|не\s+больше|не\s+выше|до/, Comparator.AT_MOST],
  [/более|свыше|больше/, Comparator.MORE_THAN],
  [/менее|меньше/, Comparator.LESS_THAN],
];

// Numbers that are not targets: years, ages, dates, document numbers, copies of a print run.
const NOT_A_UNIT =
  /^(год[а-я]*|г|лет|числа|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|экз)$/;
const ADJECTIVE = /(ых|их|ой|ый|ий|ая|ое|ые|ие)$/;

/** «Количество проведенных семинаров, круглых столов … не менее 20»: the counted noun comes first. */
const COUNTED_BEFORE = /(?:^|\s)(?:количеств[оа]|числ[оа]|численност[ьи])\s+(.+?)\s*$/i;

/**
 * Targets line by line: a cell's lines are separate statements (seed 004 item 4.3.4 puts «… не менее
 * 20» and «Количество вебинаров не менее 12» on two lines), so a unit is never taken across them.
 */
export function extractTargets(raw: string | null | undefined): Target[] {
  const targets: Target[] = [];
  for (const line of (raw ?? '').split('\n')) {
    for (const target of targetsOfLine(oneLine(line))) targets.push({ ...target, index: targets.length });
  }
  return targets;
}

function countedBefore(text: string, at: number): string | null {
  const before = text.slice(0, at);
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1);
  const words = COUNTED_BEFORE.exec(sentence)?.[1]
    ?.replace(/[.,;:]+$/, '')
    .split(/\s+/);
  if (!words) return null;
  // «проведенных семинаров»: the participle is not the unit
  while (words.length > 1 && ADJECTIVE.test(words[0]!.toLowerCase())) words.shift();
  return words.join(' ').slice(0, 200) || null;
}

function targetsOfLine(text: string): Target[] {
  const targets: Target[] = [];
  const pattern =
    /((?:не\s+менее|не\s+меньше|не\s+ниже|не\s+более|не\s+больше|как\s+минимум|более|свыше|менее|до)\s+)?(\d+(?:[.,]\d+)?)\s*(%|процент[а-яё]*|[а-яё]+\.?)?/gi;
  for (const m of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    // part of a date, a decimal section number or a document number («№ 670», «01.10.2024»)
    if (/[№.\d]\s*$/.test(before) || /^\d+[.,]\d+[.,]/.test(text.slice(m.index))) continue;
    const value = Number(m[2]!.replace(',', '.'));
    let unit = m[3]?.replace(/\.$/, '') ?? null;
    // A capital letter starts the next sentence («не менее 20 Количество вебинаров»), not a unit.
    if (unit && /^[А-ЯЁ]/.test(unit)) unit = null;
    if (unit && NOT_A_UNIT.test(unit.toLowerCase())) continue;
    if (unit && /^процент/i.test(unit)) unit = '%';
    if (unit === null && m[1]) unit = countedBefore(text, m.index);
    // «3 методических пособий»: an adjective takes the noun after it.
    const nextWord = /^\s+([а-яё]+)/i.exec(text.slice(m.index + m[0].length))?.[1];
    if (unit && unit !== '%' && ADJECTIVE.test(unit) && nextWord) unit = `${unit} ${nextWord}`;
    if (unit === null && !m[1]) continue;
    const comparatorText = (m[1] ?? '').toLowerCase().trim();
    const comparator =
      COMPARATORS.find(([re]) => comparatorText && re.test(comparatorText))?.[1] ?? Comparator.EXACTLY;
    targets.push({ index: targets.length, value, unit, comparator, text: sentenceAround(text, m.index) });
  }
  return targets;
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at) + 1, text.lastIndexOf('; ', at) + 1, 0);
  const stops = [text.indexOf('. ', at), text.indexOf('; ', at)].filter((i) => i >= 0);
  const end = stops.length ? Math.min(...stops) : text.length;
  return text.slice(start, end).trim().slice(0, 500);
}
