import { isValidInn, withInnCheckDigits } from './inn.js';

describe('ИНН check digits', () => {
  it('accepts real-format legal-entity (10) and individual (12) numbers', () => {
    // ПАО Сбербанк and a published example of an individual's ИНН.
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn(' 7707 083893 ')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732249')).toBe(false);
    expect(isValidInn('77070838')).toBe(false);
    expect(isValidInn('77070838931')).toBe(false);
    expect(isValidInn('77070838a3')).toBe(false);
  });

  it('completes check digits for both lengths', () => {
    expect(withInnCheckDigits('770708389')).toBe('7707083893');
    expect(withInnCheckDigits('5001007322')).toBe('500100732259');
  });
});
