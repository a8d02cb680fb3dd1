import { Faker, ru } from '@faker-js/faker';
import { snilsFromBody } from '../validation/snils.js';

/**
 * The demo's "today": fixed so that the same people get the same story on every machine. Dates of
 * applications, stages, conclusions and placements are laid out around it.
 */
export const DEMO_TODAY = '2026-11-20';

/** How the person's application stands on the demo's today. */
export type DemoApplicationOutcome = 'SUBMITTED' | 'UNDER_REVIEW' | 'OTHER_FORM' | 'GRANTED';
/** What follows the start of the training stage: readiness reviews, the main stage, an early end. */
export type DemoStep = 'READY' | 'NOT_READY' | 'MAIN' | 'TERMINATE';

/**
 * One story per person that social and every ministry read, so that the card of a demo person
 * agrees with itself: only people with a granted application work through the employment agency,
 * people in the main stage mostly work (not all: the jobless in the main stage are a list the
 * dashboard shows), every applicant brought a medical conclusion. Decided here, from the index and
 * the birth date only, because no subgraph may read another's tables to find out.
 */
export interface DemoJourney {
  application: DemoApplicationOutcome;
  /** The day the application was submitted (the person was of age then, seed 002 §2). */
  appliedOn: string;
  /** After training begins; only for a granted application. */
  steps: DemoStep[];
  /** In the main stage on the demo's today: the steps reach it in time and it has not ended. */
  mainStage: boolean;
  /** Works on the demo's today, in open or supported (mentored, 004 п. 2.2.2) employment. */
  job: 'NONE' | 'OPEN' | 'SUPPORTED';
  education: 'NONE' | 'ACTIVE' | 'COMPLETED';
  /** The conclusion on contraindications brought with the application (order 202н). */
  medicalConclusion: { issuedOn: string; contraindications: boolean } | null;
}

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
  journey: DemoJourney;
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
 * How a profile bends the stories: the demo profile (`large` off) tells them as they always were;
 * the large profiles (region, country) put more people in work and fewer in education, so that
 * about 30% have a placement and 10% an enrolment, and give more weeks of visit history.
 */
export interface DemoScale {
  large: boolean;
  /** Weeks of visits before the demo's last week (the demo shows six). */
  visitWeeks: number;
}

export const DEMO_SCALE: DemoScale = { large: false, visitWeeks: 6 };

/** Indexes below this keep the demo's original СНИЛС formula (its bodies stay under 892 000 000). */
const SNILS_FIRST_BAND = 100_000;
/** Past it, a stride of 100 in the band the first one leaves free: 892 000 000 + 900 000 × 100 < 10⁹. */
const SNILS_SECOND_BAND_START = 892_000_000;

/**
 * The СНИЛС body of the person at `index`, with `jitter` (0–7000) drawn from the seeded faker. Each
 * index owns a band of bodies no other index reaches: [100 000 000 + 7919·i, +7000] for the first
 * 100 000 people (the demo's numbers as they always were), then [892 000 000 + 100·(i − 100 000),
 * +99], so the numbers stay unique and nine digits long up to 1 000 000 people.
 */
export function demoSnilsBody(index: number, jitter: number): number {
  if (index < SNILS_FIRST_BAND) return 100_000_000 + index * 7919 + jitter;
  return SNILS_SECOND_BAND_START + (index - SNILS_FIRST_BAND) * 100 + (jitter % 100);
}

/** The most people the СНИЛС bands hold. */
export const DEMO_MAX_PEOPLE = SNILS_FIRST_BAND + (999_999_999 - SNILS_SECOND_BAND_START + 1) / 100;

/**
 * The same seed gives the same people on every machine, so each subgraph can write its own part
 * of the demo data independently and the parts still meet on the person's id. Chunks continue one
 * seeded faker: the first people of any profile are the demo's people.
 */
export function* demoPeopleChunks(
  count: number,
  region: string,
  chunkSize: number,
  scale: DemoScale = DEMO_SCALE,
  seed = 2024,
): Generator<DemoPerson[]> {
  if (count > DEMO_MAX_PEOPLE) throw new Error(`At most ${DEMO_MAX_PEOPLE} demo people (СНИЛС bands)`);
  const faker = new Faker({ locale: [ru] });
  faker.seed(seed);
  const municipalities = MUNICIPALITIES[region] ?? MUNICIPALITIES.kaluga!;
  let people: DemoPerson[] = [];
  for (let index = 0; index < count; index += 1) {
    const sex: DemoPerson['sex'] = faker.datatype.boolean() ? 'MALE' : 'FEMALE';
    const fakerSex = sex === 'MALE' ? 'male' : 'female';
    const birth = faker.date.birthdate({ mode: 'age', min: 18, max: 75, refDate: new Date('2026-01-01') });
    const person = {
      index,
      id: faker.string.uuid(),
      // Bodies above 001-001-998 so that every number carries a real check number.
      snils: snilsFromBody(demoSnilsBody(index, faker.number.int({ min: 0, max: 7000 }))),
      lastName: faker.person.lastName(fakerSex),
      firstName: faker.person.firstName(fakerSex),
      patronymic: faker.person.middleName(fakerSex),
      sex,
      birthDate: birth.toISOString().slice(0, 10),
      municipality: faker.helpers.arrayElement(municipalities),
    };
    people.push({ ...person, journey: demoJourney(index, person.birthDate, scale) });
    if (people.length === chunkSize) {
      yield people;
      people = [];
    }
  }
  if (people.length > 0) yield people;
}

export function demoPeople(count: number, region: string, seed = 2024): DemoPerson[] {
  return [...demoPeopleChunks(count, region, Math.max(count, 1), DEMO_SCALE, seed)].flat();
}

const HISTORIES: DemoStep[][] = [
  ['NOT_READY', 'READY', 'MAIN'],
  ['READY', 'MAIN'],
  [],
  ['NOT_READY', 'NOT_READY', 'NOT_READY', 'NOT_READY'],
  ['NOT_READY'],
  ['READY', 'MAIN', 'TERMINATE'],
  ['NOT_READY', 'NOT_READY'],
];

/**
 * Days from submission to the main stage's reach, at the slowest: decision 7, preparatory 7,
 * training from 30 to 120 days later, two half-year readiness reviews, 5 days to the main stage,
 * and 200 more to an early end (seed 002 §15.2): about 530. A story through the main stage is
 * submitted earlier than that, so every step it names has happened by the demo's today.
 */
const MAIN_STAGE_LEAD_DAYS = 560;

const DAY = 86_400_000;
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
const ofAge = (birthDate: string, on: string) => yearsBefore(on, 18) >= birthDate;

function demoEducation(i: number, scale: DemoScale): DemoJourney['education'] {
  if (scale.large) return i % 10 !== 1 ? 'NONE' : i % 20 === 1 ? 'COMPLETED' : 'ACTIVE';
  return i % 5 !== 1 ? 'NONE' : i % 2 === 0 ? 'COMPLETED' : 'ACTIVE';
}

/** The person's story from the index (and the birth date, for age at application). */
export function demoJourney(index: number, birthDate: string, scale: DemoScale = DEMO_SCALE): DemoJourney {
  const i = index;
  const kind = i % 10;
  let application: DemoApplicationOutcome =
    kind === 0 ? 'SUBMITTED' : kind === 1 ? 'UNDER_REVIEW' : kind === 7 ? 'OTHER_FORM' : 'GRANTED';
  let steps = application === 'GRANTED' ? HISTORIES[i % HISTORIES.length]! : [];
  let appliedOn: string;
  if (kind === 0) appliedOn = daysBefore(DEMO_TODAY, i % 20);
  else if (kind === 1) appliedOn = daysBefore(DEMO_TODAY, 5 + (i % 8));
  // Re-assessment due about now: granted three years ago (001 §15).
  else if (kind === 9) appliedOn = yearsBefore(daysBefore(DEMO_TODAY, 20 - (i % 50)), 3);
  else appliedOn = daysBefore(DEMO_TODAY, 30 + ((i * 29) % 900));
  if (steps.includes('MAIN') && appliedOn > daysBefore(DEMO_TODAY, MAIN_STAGE_LEAD_DAYS)) {
    appliedOn = daysBefore(DEMO_TODAY, MAIN_STAGE_LEAD_DAYS + ((i * 29) % 300));
  }
  if (!ofAge(birthDate, appliedOn)) {
    // Not of age then: the person applied only now, and the application waits for its decision.
    application = 'SUBMITTED';
    steps = [];
    appliedOn = daysBefore(DEMO_TODAY, i % 5);
  }
  const granted = application === 'GRANTED';
  const mainStage = steps.includes('MAIN') && !steps.includes('TERMINATE');
  let job: DemoJourney['job'] = 'NONE';
  // In the main stage most work (the large profiles: four in five); the rest are the jobless list.
  if (mainStage && (scale.large ? i % 5 !== 0 : i % 3 !== 0)) job = i % 2 === 1 ? 'SUPPORTED' : 'OPEN';
  // In training some already work, with a mentor.
  // In training some already work, with a mentor (in the large profiles every third one).
  else if (granted && !mainStage && !steps.includes('TERMINATE') && i % (scale.large ? 3 : 6) === 0) {
    job = 'SUPPORTED';
  }
  return {
    application,
    appliedOn,
    steps,
    mainStage,
    job,
    education: demoEducation(i, scale),
    // Everyone who applied brought one, issued in the weeks before; contraindications only among
    // those offered another form of service (a contraindication is a ground to refuse, 001 §16).
    medicalConclusion: {
      issuedOn: daysBefore(appliedOn, 7 + (i % 21)),
      contraindications: application === 'OTHER_FORM' && i % 20 === 17,
    },
  };
}
/**
 * The demo coordinator's account id (access subgraph's demo): fixed, so that the social demo can
 * put the demo cases in that coordinator's hands without reading another subgraph's tables.
 */
export const DEMO_COORDINATOR_ACCOUNT_ID = '00000000-0000-4000-8000-00000000c001';
