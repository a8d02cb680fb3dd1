import { AgencyKind } from './agency.kind.js';

export interface AgencySeed {
  name: string;
  /** Abbreviations and other spellings the documents use. */
  abbreviations: string[];
  kind: AgencyKind;
}

const { GOVERNMENT, MINISTRY, AGENCY, INSTITUTION, MUNICIPALITY, NGO, FEDERAL, COUNCIL } = AgencyKind;

/**
 * The agency directory per region, as the seeds name the agencies: seed 000 (Kaliningrad),
 * seed 003's list of abbreviations (Novosibirsk, checked against the seed by agency.spec.ts) and
 * seed 004 (Astrakhan). Loaded at start-up, idempotently; each agency's id is `agencyIdOf(region, name)`.
 */
export const AGENCY_DIRECTORY: Record<string, AgencySeed[]> = {
  kaliningrad: [
    {
      name: 'Министерство социальной политики Калининградской области',
      abbreviations: ['Минсоцполитики Калининградской области'],
      kind: MINISTRY,
    },
    { name: 'Министерство образования Калининградской области', abbreviations: [], kind: MINISTRY },
    // Not named by seed 000: the ministries whose officers the demo's accounts are (access demo.ts).
    { name: 'Министерство здравоохранения Калининградской области', abbreviations: [], kind: MINISTRY },
    {
      name: 'Центр занятости населения Калининградской области',
      abbreviations: ['ЦЗН Калининградской области'],
      kind: INSTITUTION,
    },
    { name: 'Правительство Калининградской области', abbreviations: [], kind: GOVERNMENT },
    {
      name: 'Совет по делам инвалидов при Губернаторе Калининградской области',
      abbreviations: ['Совет по делам инвалидов'],
      kind: COUNCIL,
    },
    {
      name: 'Министерство труда и социальной защиты Российской Федерации',
      abbreviations: ['Минтруд России'],
      kind: FEDERAL,
    },
    {
      name: 'Федеральный научно-образовательный центр медико-социальной экспертизы и реабилитации им. Г.А. Альбрехта',
      abbreviations: ['ФГБУ ФНОЦ МСЭ и Р им. Г.А. Альбрехта Минтруда России', 'Центр Альбрехта'],
      kind: FEDERAL,
    },
  ],
  novosibirsk: [
    {
      name: 'министерство труда и социального развития Новосибирской области',
      abbreviations: ['Минтруда и соцразвития НСО'],
      kind: MINISTRY,
    },
    {
      name: 'министерство здравоохранения Новосибирской области',
      abbreviations: ['Минздрав НСО'],
      kind: MINISTRY,
    },
    {
      name: 'министерство образования Новосибирской области',
      abbreviations: ['Минобразования НСО'],
      kind: MINISTRY,
    },
    {
      name: 'министерство цифрового развития и связи Новосибирской области',
      abbreviations: ['МЦРиС НСО'],
      kind: MINISTRY,
    },
    {
      name: 'государственные учреждения стационарного социального обслуживания, предоставляющие социальные услуги инвалидам, страдающим психическими расстройствами',
      abbreviations: ['ГУ ССО'],
      kind: INSTITUTION,
    },
    {
      name: 'органы местного самоуправления муниципальных образований Новосибирской области',
      abbreviations: ['ОМС НСО'],
      kind: MUNICIPALITY,
    },
    {
      name: 'комплексные центры социального обслуживания населения муниципальный районов и городских округов Новосибирской области',
      abbreviations: ['КЦСОН'],
      kind: INSTITUTION,
    },
    {
      name: 'государственные казенные учреждения Новосибирской области «Центры занятости населения»',
      abbreviations: ['ГКУ НСО «Центры занятости населения»'],
      kind: INSTITUTION,
    },
    {
      name: 'государственное бюджетное профессиональное образовательное учреждение Новосибирской области «Новосибирский профессионально-педагогический колледж»',
      abbreviations: ['ГБПОУ НСО «Новосибирский профессионально-педагогический колледж»'],
      kind: INSTITUTION,
    },
    {
      name: 'государственное автономное стационарное учреждение социального обслуживания Новосибирской области «Ояшинский детский дом-интернат для умственно отсталых детей»',
      abbreviations: ['ГАСУСО НСО «Ояшинский детский дом-интернат»'],
      kind: INSTITUTION,
    },
    {
      name: 'государственное автономное стационарное учреждение социального обслуживания Новосибирской области «Обской психоневрологический интернат»',
      abbreviations: ['ГАСУСО НСО «Обской ПНИ»'],
      kind: INSTITUTION,
    },
    {
      name: 'государственное автономное учреждение стационарного социального обслуживания Новосибирской области «Успенский психоневрологический интернат»',
      abbreviations: ['ГАУССО НСО «Успенский ПНИ»'],
      kind: INSTITUTION,
    },
    {
      name: 'государственное автономное учреждение Новосибирской области «Комплексный центр социальной адаптации инвалидов»',
      abbreviations: ['ГАУ НСО «Комплексный центр социальной адаптации инвалидов»'],
      kind: INSTITUTION,
    },
    {
      name: 'Новосибирская межрегиональная общественная организация инвалидов «Ассоциация «Интеграция» Общероссийской общественной организации инвалидов - Российского союза инвалидов',
      abbreviations: ['НМООИ «Ассоциация «Интеграция» ОООИ'],
      kind: NGO,
    },
    {
      name: 'социально ориентированные некоммерческие организации',
      abbreviations: ['СО НКО'],
      kind: NGO,
    },
  ],
  // Not named by seeds 001 and 002 beyond the authorised body: the agencies their interagency
  // requests go to (001 §4 — place of residence, the federal platform ЕЦП; 001 §3 д — health).
  kaluga: [
    {
      name: 'министерство труда и социальной защиты Калужской области',
      abbreviations: ['Минтруда Калужской области'],
      kind: MINISTRY,
    },
    {
      name: 'министерство здравоохранения Калужской области',
      abbreviations: ['Минздрав Калужской области', 'Минздрав КО'],
      kind: MINISTRY,
    },
    {
      name: 'Управление по вопросам миграции УМВД России по Калужской области',
      abbreviations: ['УВМ УМВД России по Калужской области'],
      kind: FEDERAL,
    },
    {
      name: 'Отделение Фонда пенсионного и социального страхования Российской Федерации по Калужской области',
      abbreviations: ['ОСФР по Калужской области', 'СФР (ЕЦП)', 'Социальный фонд России (ЕЦП)', 'СФР'],
      kind: FEDERAL,
    },
  ],
  murmansk: [
    {
      name: 'Министерство труда и социального развития Мурманской области',
      abbreviations: [],
      kind: MINISTRY,
    },
    {
      name: 'Министерство здравоохранения Мурманской области',
      abbreviations: ['Минздрав Мурманской области'],
      kind: MINISTRY,
    },
    {
      name: 'Управление по вопросам миграции УМВД России по Мурманской области',
      abbreviations: ['УВМ УМВД России по Мурманской области'],
      kind: FEDERAL,
    },
    {
      name: 'Отделение Фонда пенсионного и социального страхования Российской Федерации по Мурманской области',
      abbreviations: ['ОСФР по Мурманской области', 'СФР (ЕЦП)', 'Социальный фонд России (ЕЦП)', 'СФР'],
      kind: FEDERAL,
    },
  ],
  astrakhan: [
    {
      name: 'Министерство социального развития и труда Астраханской области',
      abbreviations: ['Министерство социального развития и труда АО'],
      kind: MINISTRY,
    },
    {
      name: 'Министерство здравоохранения Астраханской области',
      abbreviations: ['Министерство здравоохранения АО'],
      kind: MINISTRY,
    },
    { name: 'Министерство культуры и туризма Астраханской области', abbreviations: [], kind: MINISTRY },
    {
      name: 'Министерство физической культуры и спорта Астраханской области',
      abbreviations: ['Министерство физической культуры и спорта'],
      kind: MINISTRY,
    },
    { name: 'Агентство по занятости населения Астраханской области', abbreviations: [], kind: AGENCY },
    {
      name: 'Муниципальные образования Астраханской области',
      abbreviations: ['Муниципальные образования'],
      kind: MUNICIPALITY,
    },
    {
      name: 'Государственное бюджетное учреждение культуры Астраханской области «Астраханский музей-заповедник»',
      abbreviations: ['ГБУК АО «Астраханский музей-заповедник»'],
      kind: INSTITUTION,
    },
    {
      name: 'Государственное бюджетное учреждение культуры Астраханской области «Астраханская государственная картинная галерея им. П.М. Догадина»',
      abbreviations: ['ГБУК АО «Астраханская государственная картинная галерея им. П.М. Догадина»'],
      kind: INSTITUTION,
    },
  ],
};

/**
 * Seed 003 closes with «Применяемые сокращения:» — one or more `ABBR – full name;` per line. Used
 * to check the directory above against the document it came from.
 */
export function parseAbbreviationList(text: string): { abbreviation: string; name: string }[] {
  const start = text.indexOf('Применяемые сокращения');
  if (start < 0) return [];
  const body = text.slice(start).split('\n').slice(1).join('\n');
  return body
    .split(/;\s*|\.\s*$/m)
    .map((entry) => entry.replace(/\s+/g, ' ').trim())
    .filter((entry) => entry.length > 0)
    .flatMap((entry) => {
      // The separator is a dash with spaces around it; the full names themselves hold dashes
      // only inside words («медико-социальной») or after the first separator.
      const match = /^(.+?)\s+[–-]\s+(.+)$/.exec(entry);
      return match ? [{ abbreviation: match[1]!.trim(), name: match[2]!.replace(/\.$/, '').trim() }] : [];
    });
}
