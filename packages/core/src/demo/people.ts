import { Faker, ru } from '@faker-js/faker';
import { snilsFromBody } from '../validation/snils.js';

/** One synthetic person; every subgraph's demo data hangs on the same list. */
export interface DemoPerson {
  index: number;
  id: string;
  snils: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
  municipality: string;
}

export const MUNICIPALITIES: Record<string, string[]> = {
  kaluga: [
    'г. Калуга',
    'г. Обнинск',
    'Боровский район',
    'Малоярославецкий район',
    'Козельский район',
    'Людиновский район',
    'Кировский район',
    'Жуковский район',
    'Сухиничский район',
    'Тарусский район',
  ],
  murmansk: [
    'г. Мурманск',
    'г. Апатиты',
    'г. Кировск',
    'г. Мончегорск',
    'г. Оленегорск',
    'Кандалакшский район',
    'Печенгский округ',
    'Кольский район',
    'ЗАТО г. Североморск',
    'Ковдорский округ',
  ],
};

/**
 * The same seed gives the same people on every machine, so each subgraph can write its own part
 * of the demo data independently and the parts still meet on the person's id.
 */
export function demoPeople(count: number, region: string, seed = 2024): DemoPerson[] {
  const faker = new Faker({ locale: [ru] });
  faker.seed(seed);
  const municipalities = MUNICIPALITIES[region] ?? MUNICIPALITIES.kaluga!;
  const people: DemoPerson[] = [];
  for (let index = 0; index < count; index += 1) {
    const sex = faker.datatype.boolean() ? 'MALE' : 'FEMALE';
    const fakerSex = sex === 'MALE' ? 'male' : 'female';
    const birth = faker.date.birthdate({ mode: 'age', min: 18, max: 75, refDate: new Date('2026-01-01') });
    people.push({
      index,
      id: faker.string.uuid(),
      // Bodies above 001-001-998 so that every number carries a real check number.
      snils: snilsFromBody(100_000_000 + index * 7919 + faker.number.int({ min: 0, max: 7000 })),
      lastName: faker.person.lastName(fakerSex),
      firstName: faker.person.firstName(fakerSex),
      patronymic: faker.person.middleName(fakerSex),
      sex,
      birthDate: birth.toISOString().slice(0, 10),
      municipality: faker.helpers.arrayElement(municipalities),
    });
  }
  return people;
}

/**
 * The demo coordinator's account id (access subgraph's demo): fixed, so that the social demo can
 * put the demo cases in that coordinator's hands without reading another subgraph's tables.
 */
export const DEMO_COORDINATOR_ACCOUNT_ID = '00000000-0000-4000-8000-00000000c001';
