import { registerEnumType } from 'type-graphql';

/**
 * Kinds of work an ИПРА recommends or forbids (seed 004 item 2.2.2: «показанные (противопоказанные)
 * виды трудовой деятельности»), as the employment agency classifies vacancies and placements.
 */
export enum WorkKind {
  LIGHT_MANUAL = 'LIGHT_MANUAL',
  HEAVY_MANUAL = 'HEAVY_MANUAL',
  CLEANING = 'CLEANING',
  FOOD_SERVICE = 'FOOD_SERVICE',
  PACKING = 'PACKING',
  COURIER = 'COURIER',
  OFFICE = 'OFFICE',
  CRAFT = 'CRAFT',
  AGRICULTURE = 'AGRICULTURE',
  WORK_AT_HEIGHT = 'WORK_AT_HEIGHT',
  MACHINERY = 'MACHINERY',
  DRIVING = 'DRIVING',
  NIGHT_SHIFT = 'NIGHT_SHIFT',
}
export const WORK_KIND_NAMES: Record<WorkKind, string> = {
  LIGHT_MANUAL: 'лёгкий физический труд',
  HEAVY_MANUAL: 'тяжёлый физический труд',
  CLEANING: 'уборка помещений и территорий',
  FOOD_SERVICE: 'общественное питание',
  PACKING: 'фасовка и упаковка',
  COURIER: 'курьерская работа',
  OFFICE: 'офисная работа',
  CRAFT: 'ремесленный труд',
  AGRICULTURE: 'сельскохозяйственный труд',
  WORK_AT_HEIGHT: 'работа на высоте',
  MACHINERY: 'работа с движущимися механизмами',
  DRIVING: 'управление транспортом',
  NIGHT_SHIFT: 'работа в ночную смену',
};
registerEnumType(WorkKind, {
  name: 'WorkKind',
  description: 'Kind of work as an ИПРА recommends or forbids it',
  valuesConfig: Object.fromEntries(
    Object.entries(WORK_KIND_NAMES).map(([k, description]) => [k, { description }]),
  ),
});
