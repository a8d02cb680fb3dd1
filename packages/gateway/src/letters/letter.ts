import { ConflictError } from '@sl/core';
import { incline } from 'lvovich';
import { Case, numeralize } from 'numeralize-ru';

/** What a letter says, independent of its file format. */
export interface Letter {
  /** The letterhead: the deciding body, then the line for the outgoing number (ГОСТ Р 7.0.97). */
  sender: string[];
  /** Addressee block: the name in the dative, then the address. */
  addressee: string[];
  date: string;
  title: string;
  salutation: string;
  body: string[];
  /** The signatory's position and the lines the official signs on. */
  signature: string[];
}

export interface LetterPerson {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'MALE' | 'FEMALE' | null;
  address: string | null;
  municipality: string;
  /** A legal or authorised representative: the letter goes to them (001 §3 ж). */
  representative: { kind: string; fullName: string } | null;
}

export interface LetterApplication {
  id: string;
  submittedOn: string;
  appliedBy: 'PERSON' | 'REPRESENTATIVE';
  decision: 'GRANTED' | 'REFUSED' | 'OTHER_FORM' | null;
  decidedOn: string | null;
  refusalGround: string | null;
  refusalParagraph: string | null;
  refusalMissingDocuments: string[];
  decisionAct: string | null;
  decidingAuthority: string | null;
  needUntil: string | null;
  /** The service type the grant's assessment recommends (001 §9.1), with its hours. */
  service: { name: string; hours: { min: number; max: number; per: 'WEEK' | 'DAY' } } | null;
}

export interface LetterTermination {
  reason: string;
  effectiveOn: string;
}

const REFUSAL_GROUNDS: Record<string, string> = {
  NO_DEGREE: 'степень нарушения автономии (нуждаемости в сопровождаемом проживании) не установлена',
  DOCUMENTS_NOT_SUBMITTED: 'не представлены документы, необходимые для принятия решения',
  ASSESSMENT_REFUSED: 'получен письменный отказ от проведения оценки нуждаемости',
  OTHER_FORM_CHOSEN: 'выбрана иная форма социального обслуживания',
};

const DOCUMENTS: Record<string, string> = {
  IDENTITY_DOCUMENT: 'документ, удостоверяющий личность',
  IPPSU: 'индивидуальная программа предоставления социальных услуг (ИППСУ)',
  MEDICAL_CONCLUSION: 'медицинское заключение',
  REPRESENTATIVE_IDENTITY: 'документ, удостоверяющий личность представителя',
  REPRESENTATIVE_AUTHORITY: 'документ, подтверждающий полномочия представителя',
};

const TERMINATION_REASONS: Record<string, string> = {
  PERSONAL_INITIATIVE: 'по Вашему заявлению',
  TERM_EXPIRED: 'в связи с истечением срока предоставления',
  CONTRACT_VIOLATION: 'в связи с нарушением условий договора',
  PERSISTENT_IMPAIRMENT: 'в связи со стойким ухудшением состояния здоровья',
  DEATH: 'в связи со смертью получателя',
  PROVIDER_LIQUIDATED: 'в связи с ликвидацией поставщика социальных услуг',
};

const WORDS_DATE = new Intl.DateTimeFormat('ru-RU', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as Russian letters write it: "3 декабря 2026 г.". */
export const wordsDate = (iso: string) => WORDS_DATE.format(new Date(`${iso}T00:00:00Z`));

const genderOf = (sex: LetterPerson['sex']) => (sex === 'MALE' ? 'male' : sex === 'FEMALE' ? 'female' : null);

interface Named {
  last: string;
  first: string;
  middle: string | null;
  sex: LetterPerson['sex'];
}

/**
 * A name in the dative ("Иванову Ивану Ивановичу"), declined by petrovich's rules (lvovich); with
 * no recorded sex the library tells it from the patronymic.
 */
function dative(name: Named): { text: string; female: boolean } {
  const declined = incline(
    { first: name.first, last: name.last, middle: name.middle, gender: genderOf(name.sex) },
    'dative',
  );
  return {
    text: [declined.last, declined.first, declined.middle].filter(Boolean).join(' '),
    female: (declined.gender ?? genderOf(name.sex)) === 'female',
  };
}

/** A representative's full name as recorded ("Петрова Мария Ивановна") split into its parts. */
function namedRepresentative(fullName: string): Named {
  const [last = fullName, first = '', ...rest] = fullName.trim().split(/\s+/);
  return { last, first, middle: rest.join(' ') || null, sex: null };
}

/**
 * Whom the letter is to and how the person is named in its sentences. To the person themselves:
 * "Вам". To their representative (who filed the application, or holds a legal representative's
 * authority): the representative in the addressee block and the salutation, and the person named
 * in the dative where the sentence needs it ("…предоставлении … Иванову Ивану Ивановичу").
 */
function address(person: LetterPerson, viaRepresentative: boolean) {
  const self = { last: person.lastName, first: person.firstName, middle: person.patronymic, sex: person.sex };
  const to =
    viaRepresentative && person.representative ? namedRepresentative(person.representative.fullName) : self;
  const addressee = dative(to);
  const polite = [to.first, to.middle].filter(Boolean).join(' ');
  return {
    addressee: [addressee.text, person.address ?? person.municipality],
    salutation: `${addressee.female ? 'Уважаемая' : 'Уважаемый'} ${polite}!`,
    /** The person in the dative, as the body names them: "Вам" when the letter is theirs. */
    toPerson: to === self ? 'Вам' : dative(self).text,
  };
}

/** The letterhead and the signature of the body that decided; the number and the signer by hand. */
function frame(authority: string | null) {
  const body = authority ?? 'Уполномоченный орган в сфере социального обслуживания';
  return {
    sender: [body, 'Исх. № ____________ от ____________'],
    signature: [
      `Руководитель (уполномоченное лицо) — ${body}`,
      '____________________ / ____________________',
    ],
  };
}

/** "12 (двенадцати)": a number as Russian official letters write an amount, declined in the genitive. */
const inWordsGenitive = (n: number) => `${n} (${numeralize(n, undefined, Case.Genitive)})`;

/** The hours of a service type: "от 12 (двенадцати) до 28 (двадцати восьми) часов в неделю". */
export function hoursInWords(hours: { min: number; max: number; per: 'WEEK' | 'DAY' }): string {
  const hour = hours.max % 10 === 1 && hours.max % 100 !== 11 ? 'часа' : 'часов';
  return `от ${inWordsGenitive(hours.min)} до ${inWordsGenitive(hours.max)} ${hour} ${hours.per === 'DAY' ? 'в день' : 'в неделю'}`;
}

/** The letter on an application's decision (001 §13): the grant or the refusal with its ground. */
export function decisionLetter(person: LetterPerson, application: LetterApplication, today: string): Letter {
  const { decision, decidedOn } = application;
  if (!decision || !decidedOn || decision === 'OTHER_FORM') {
    throw new ConflictError('LETTER_UNAVAILABLE', 'По заявлению нет решения о предоставлении или об отказе');
  }
  const to = address(person, application.appliedBy === 'REPRESENTATIVE');
  const { toPerson, ...addressed } = to;
  const letter = { ...addressed, ...frame(application.decidingAuthority), date: wordsDate(today) };
  const head = `Сообщаем, что по Вашему заявлению от ${wordsDate(application.submittedOn)} ${wordsDate(decidedOn)}`;
  const act = application.decisionAct ? ` (${application.decisionAct})` : '';
  if (decision === 'GRANTED') {
    const body = [`${head} принято решение о предоставлении ${toPerson} сопровождаемого проживания${act}.`];
    if (application.service)
      body.push(
        `По результатам оценки нуждаемости рекомендован тип сопровождения «${application.service.name}»: ${hoursInWords(application.service.hours)}.`,
      );
    if (application.needUntil)
      body.push(
        `Нуждаемость в сопровождаемом проживании установлена до ${wordsDate(application.needUntil)}.`,
      );
    return {
      ...letter,
      title: 'Уведомление о предоставлении сопровождаемого проживания',
      body,
    };
  }
  const ground = application.refusalGround ?? '';
  const body = [
    `${head} принято решение об отказе в предоставлении ${toPerson === 'Вам' ? '' : `${toPerson} `}сопровождаемого проживания.`,
    `Основание отказа: ${application.refusalParagraph ?? ''}${act} — ${REFUSAL_GROUNDS[ground] ?? ground}.`,
  ];
  if (application.refusalMissingDocuments.length)
    body.push(
      `Не представлены: ${application.refusalMissingDocuments.map((d) => DOCUMENTS[d] ?? d).join('; ')}.`,
    );
  body.push('Решение может быть обжаловано в порядке, установленном законодательством Российской Федерации.');
  return {
    ...letter,
    title: 'Уведомление об отказе в предоставлении сопровождаемого проживания',
    body,
  };
}

/** The notice of the latest termination (001 §17): the ground and the day services end. */
export function terminationLetter(
  person: LetterPerson,
  terminations: LetterTermination[],
  today: string,
  authority: string | null,
): Letter {
  const latest = terminations[0];
  if (!latest) throw new ConflictError('LETTER_UNAVAILABLE', 'Сопровождаемое проживание не прекращалось');
  // To the representative when there is one (and always after a death: never to the deceased).
  const { toPerson, ...addressed } = address(person, Boolean(person.representative));
  return {
    ...addressed,
    ...frame(authority),
    date: wordsDate(today),
    title: 'Уведомление о прекращении предоставления сопровождаемого проживания',
    body: [
      `Сообщаем, что предоставление ${toPerson} сопровождаемого проживания прекращено с ${wordsDate(latest.effectiveOn)} ${TERMINATION_REASONS[latest.reason] ?? latest.reason}.`,
    ],
  };
}
