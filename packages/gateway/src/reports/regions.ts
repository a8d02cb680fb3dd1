/**
 * The regions' names as a report's title gives them. A region is stored by its Latin code
 * (`kaliningrad`); a document sent to Минтруд names the subject of the Federation.
 */
const REGION_NAMES: Record<string, string> = {
  kaliningrad: 'Калининградская область',
  novosibirsk: 'Новосибирская область',
  astrakhan: 'Астраханская область',
  kaluga: 'Калужская область',
  murmansk: 'Мурманская область',
};

/** The region's Russian name; a code the list does not know is shown as «регион <код>». */
export const regionName = (code: string): string => REGION_NAMES[code] ?? `регион «${code}»`;
