import { RefusalGround, RuleSet } from '@sl/social';
import {
  decisionLetter,
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
};
const refusal: LetterApplication = {
  id: 'a',
  submittedOn: '2026-11-23',
  decision: 'REFUSED',
  decidedOn: '2026-12-03',
  refusalGround: 'DOCUMENTS_NOT_SUBMITTED',
  refusalParagraph: null,
  refusalMissingDocuments: [],
  decisionAct: null,
  needUntil: null,
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
    expect(code(() => terminationLetter(person, [], '2026-12-03'))).toBe('LETTER_UNAVAILABLE');
  });
});
