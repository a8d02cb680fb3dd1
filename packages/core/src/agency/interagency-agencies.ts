import { agencyIdOf } from './agency-id.js';

/** What an interagency request asks (seed 001 §4, §3 д), as social's `InteragencySubject` names it. */
export type InteragencySubjectName =
  | 'RESIDENCE_REGISTRATION'
  | 'DISABILITY_FACT'
  | 'IPRA'
  | 'MEDICAL_CONCLUSION';

/**
 * The agency of the directory a region's request of each subject goes to — the place of residence
 * to the migration office, the fact of disability and the ИПРА to the Social Fund (ЕЦП), the medical
 * conclusion to health — by the directory's full name (coordination's fixture holds the same
 * names). Shared by the demo, the migration of free-text agencies and the tests.
 */
export const INTERAGENCY_AGENCIES: Record<string, Record<InteragencySubjectName, string>> = {
  kaluga: {
    RESIDENCE_REGISTRATION: 'Управление по вопросам миграции УМВД России по Калужской области',
    DISABILITY_FACT:
      'Отделение Фонда пенсионного и социального страхования Российской Федерации по Калужской области',
    IPRA: 'Отделение Фонда пенсионного и социального страхования Российской Федерации по Калужской области',
    MEDICAL_CONCLUSION: 'министерство здравоохранения Калужской области',
  },
  murmansk: {
    RESIDENCE_REGISTRATION: 'Управление по вопросам миграции УМВД России по Мурманской области',
    DISABILITY_FACT:
      'Отделение Фонда пенсионного и социального страхования Российской Федерации по Мурманской области',
    IPRA: 'Отделение Фонда пенсионного и социального страхования Российской Федерации по Мурманской области',
    MEDICAL_CONCLUSION: 'Министерство здравоохранения Мурманской области',
  },
};

/** The directory id and name of the agency a region's request of `subject` goes to. */
export function interagencyAgencyOf(
  region: string,
  subject: InteragencySubjectName,
): { id: string; name: string } {
  const name = INTERAGENCY_AGENCIES[region]?.[subject];
  if (!name) throw new Error(`No interagency agency for ${subject} in region ${region}`);
  return { id: agencyIdOf(region, name), name };
}
