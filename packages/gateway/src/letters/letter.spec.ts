import { RefusalGround, RuleSet } from '@sl/social';
import {
  decisionLetter,
  hoursInWords,
  type LetterApplication,
  type LetterPerson,
  terminationLetter,
  wordsDate,
} from './letter.js';

const person: LetterPerson = {
  lastName: 'Иванов',
  firstName: 'Иван',
  patronymic: 'Иванович',
  sex: 'MALE',
  address: null,
  municipality: 'г. Мурманск',
  representative: null,
};
const refusal: LetterApplication = {
  id: 'a',
  submittedOn: '2026-11-23',
  appliedBy: 'PERSON',
  decision: 'REFUSED',
  decidedOn: '2026-12-03',
  refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
  refusalParagraph: null,
  refusalMissingDocuments: [],
  decisionAct: null,
  decidingAuthority: null,
  needUntil: null,
  service: null,
};

describe('letters to the person', () => {
  it('writes dates in words, as Russian letters do', () => {
    expect(wordsDate('2026-12-03')).toBe('3 декабря 2026 г.');
    expect(wordsDate('2027-05-31')).toBe('31 мая 2027 г.');
  });

  it('declines the addressee into the dative, telling the sex from the patronymic when none is recorded', () => {
    const unknown = { ...person, lastName: 'Соколова', firstName: 'Анна', patronymic: 'Петровна', sex: null };
    const letter = decisionLetter(unknown, refusal, '2026-12-03');
    expect(letter.addressee).toEqual(['Соколовой Анне Петровне', 'г. Мурманск']);
    expect(letter.salutation).toBe('Уважаемая Анна Петровна!');
    expect(decisionLetter(person, refusal, '2026-12-03').addressee[0]).toBe('Иванову Ивану Ивановичу');
  });

  // seed 002 §9: Murmansk's refusal cites its own act's paragraph, taken from its rule set.
  it('cites the paragraph and act the region’s rule set gives the ground', () => {
    const murmansk = RuleSet.for('murmansk');
    const letter = decisionLetter(
      person,
      {
        ...refusal,
        refusalParagraph: murmansk.refusalParagraph(RefusalGround.DOCUMENTS_NOT_SUBMITTED),
        decisionAct: murmansk.data.source,
      },
      '2026-12-03',
    );
    expect(letter.body.join(' ')).toContain(`Основание отказа: п. 9 Правил (${murmansk.data.source})`);
    expect(letter.date).toBe('3 декабря 2026 г.');
  });

  it('has no letter for an undecided application, another form of service, or a person never terminated', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return 'NO ERROR';
    };
    expect(
      code(() => decisionLetter(person, { ...refusal, decision: null, decidedOn: null }, '2026-12-03')),
    ).toBe('LETTER_UNAVAILABLE');
    expect(code(() => decisionLetter(person, { ...refusal, decision: 'OTHER_FORM' }, '2026-12-03'))).toBe(
      'LETTER_UNAVAILABLE',
    );
    expect(code(() => terminationLetter(person, [], '2026-12-03', null))).toBe('LETTER_UNAVAILABLE');
  });

  // seed 001 §9.1: the hours of the recommended type, written as an amount in an official letter.
  it('writes the grant’s hours in words, declined after «от … до …»', () => {
    expect(hoursInWords({ min: 12, max: 28, per: 'WEEK' })).toBe(
      'от 12 (двенадцати) до 28 (двадцати восьми) часов в неделю',
    );
    expect(hoursInWords({ min: 8, max: 24, per: 'DAY' })).toBe(
      'от 8 (восьми) до 24 (двадцати четырёх) часов в день',
    );
    expect(hoursInWords({ min: 1, max: 21, per: 'DAY' })).toBe(
      'от 1 (одного) до 21 (двадцати одного) часа в день',
    );
    const kaluga = RuleSet.for('kaluga');
    const grant = decisionLetter(
      person,
      {
        ...refusal,
        decision: 'GRANTED',
        refusalGround: null,
        decidingAuthority: kaluga.data.authority,
        service: { name: 'периодическое', hours: { min: 12, max: 28, per: 'WEEK' } },
      },
      '2026-12-03',
    );
    expect(grant.body.join(' ')).toContain(
      'рекомендован тип сопровождения «периодическое»: от 12 (двенадцати) до 28 (двадцати восьми) часов в неделю.',
    );
    // The letterhead is the deciding ministry's, with the line for its outgoing number.
    expect(grant.sender).toEqual([
      'Министерство труда и социальной защиты Калужской области',
      'Исх. № ____________ от ____________',
    ]);
    expect(grant.signature[0]).toContain('Министерство труда и социальной защиты Калужской области');
  });

  // seed 001 §3 ж: an application filed by a representative is answered to the representative.
  it('writes to the representative who applied, naming the person in the dative', () => {
    const represented = {
      ...person,
      representative: { kind: 'GUARDIAN', fullName: 'Петрова Мария Сергеевна' },
    };
    const letter = decisionLetter(represented, { ...refusal, appliedBy: 'REPRESENTATIVE' }, '2026-12-03');
    expect(letter.addressee[0]).toBe('Петровой Марии Сергеевне');
    expect(letter.salutation).toBe('Уважаемая Мария Сергеевна!');
    expect(letter.body[0]).toContain(
      'об отказе в предоставлении Иванову Ивану Ивановичу сопровождаемого проживания',
    );
    // A termination (a death among its grounds) goes to the representative, never to the deceased.
    const notice = terminationLetter(
      represented,
      [{ reason: 'DEATH', effectiveOn: '2026-12-01' }],
      '2026-12-03',
      null,
    );
    expect(notice.addressee[0]).toBe('Петровой Марии Сергеевне');
    expect(notice.body[0]).toContain(
      'предоставление Иванову Ивану Ивановичу сопровождаемого проживания прекращено с 1 декабря 2026 г.',
    );
  });
});
