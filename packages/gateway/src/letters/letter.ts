import { ConflictError } from '@sl/core';
import { incline } from 'lvovich';

/** What a letter says, independent of its file format. */
export interface Letter {
  /** Addressee block: the name in the dative, then the address. */
  addressee: string[];
  date: string;
  title: string;
  salutation: string;
  body: string[];
}

export interface LetterPerson {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'MALE' | 'FEMALE' | null;
  address: string | null;
  municipality: string;
}

export interface LetterApplication {
  id: string;
  submittedOn: string;
  decision: 'GRANTED' | 'REFUSED' | 'OTHER_FORM' | null;
  decidedOn: string | null;
  refusalGround: string | null;
  refusalParagraph: string | null;
  refusalMissingDocuments: string[];
  decisionAct: string | null;
  needUntil: string | null;
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

const genderOf = (person: LetterPerson) =>
  person.sex === 'MALE' ? 'male' : person.sex === 'FEMALE' ? 'female' : null;

/**
 * The addressee's name in the dative ("Иванову Ивану Ивановичу") and the salutation, declined by
 * petrovich's rules (lvovich); with no recorded sex the library tells it from the patronymic.
 */
function address(person: LetterPerson): { addressee: string[]; salutation: string } {
  const named = { first: person.firstName, last: person.lastName, middle: person.patronymic };
  const dative = incline({ ...named, gender: genderOf(person) }, 'dative');
  const female = (dative.gender ?? genderOf(person)) === 'female';
  const addressee = [[dative.last, dative.first, dative.middle].filter(Boolean).join(' ')];
  addressee.push(person.address ?? person.municipality);
  const polite = [person.firstName, person.patronymic].filter(Boolean).join(' ');
  return { addressee, salutation: `${female ? 'Уважаемая' : 'Уважаемый'} ${polite}!` };
}

/** The letter on an application's decision (001 §13): the grant or the refusal with its ground. */
export function decisionLetter(person: LetterPerson, application: LetterApplication, today: string): Letter {
  const { decision, decidedOn } = application;
  if (!decision || !decidedOn || decision === 'OTHER_FORM') {
    throw new ConflictError('LETTER_UNAVAILABLE', 'По заявлению нет решения о предоставлении или об отказе');
  }
  const head = `Сообщаем, что по Вашему заявлению от ${wordsDate(application.submittedOn)} ${wordsDate(decidedOn)}`;
  const act = application.decisionAct ? ` (${application.decisionAct})` : '';
  if (decision === 'GRANTED') {
    const body = [`${head} принято решение о предоставлении Вам сопровождаемого проживания${act}.`];
    if (application.needUntil)
      body.push(
        `Нуждаемость в сопровождаемом проживании установлена до ${wordsDate(application.needUntil)}.`,
      );
    return {
      ...address(person),
      date: wordsDate(today),
      title: 'Уведомление о предоставлении сопровождаемого проживания',
      body,
    };
  }
  const ground = application.refusalGround ?? '';
  const body = [
    `${head} принято решение об отказе в предоставлении сопровождаемого проживания.`,
    `Основание отказа: ${application.refusalParagraph ?? ''}${act} — ${REFUSAL_GROUNDS[ground] ?? ground}.`,
  ];
  if (application.refusalMissingDocuments.length)
    body.push(
      `Не представлены: ${application.refusalMissingDocuments.map((d) => DOCUMENTS[d] ?? d).join('; ')}.`,
    );
  body.push('Решение может быть обжаловано в порядке, установленном законодательством Российской Федерации.');
  return {
    ...address(person),
    date: wordsDate(today),
    title: 'Уведомление об отказе в предоставлении сопровождаемого проживания',
    body,
  };
}

/** The notice of the latest termination (001 §17): the ground and the day services end. */
export function terminationLetter(
  person: LetterPerson,
  terminations: LetterTermination[],
  today: string,
): Letter {
  const latest = terminations[0];
  if (!latest) throw new ConflictError('LETTER_UNAVAILABLE', 'Сопровождаемое проживание не прекращалось');
  return {
    ...address(person),
    date: wordsDate(today),
    title: 'Уведомление о прекращении предоставления сопровождаемого проживания',
    body: [
      `Сообщаем, что предоставление Вам сопровождаемого проживания прекращено с ${wordsDate(latest.effectiveOn)} ${TERMINATION_REASONS[latest.reason] ?? latest.reason}.`,
    ],
  };
}
