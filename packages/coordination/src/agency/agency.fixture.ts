import { AgencyKind } from './agency.kind.js';

export interface AgencySeed {
  name: string;
  /** Abbreviations and other spellings the documents use. */
  abbreviations: string[];
  kind: AgencyKind;
}

const { GOVERNMENT, MINISTRY, AGENCY, INSTITUTION, MUNICIPALITY, FEDERAL, COUNCIL } = AgencyKind;

/**
 * The agency directory per region, as the seeds name the agencies: seed 000 (Kaliningrad) and
 * seed 004 (Astrakhan), which carry no list of their own. Seed 003 (Novosibirsk) brings its list of
 * abbreviations, read into the directory when it is imported (abbreviations.ts). Loaded at
 * start-up, idempotently; each agency's id is `agencyIdOf(region, name)`.
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
