import { checkSnils, formatSnils, normalizeSnils, snilsCheckNumber, snilsFromBody } from './snils.js';

describe('СНИЛС check number', () => {
  // The Pension Fund's published example: 112-233-445 95.
  it('accepts the published example and its formatted form', () => {
    expect(snilsCheckNumber('112233445')).toBe(95);
    expect(checkSnils('11223344595')).toBeNull();
    expect(checkSnils('112-233-445 95')).toBeNull();
  });

  it('refuses a wrong check number', () => {
    expect(checkSnils('11223344596')).toBe('CHECKSUM');
  });

  it('refuses anything that is not 11 digits', () => {
    expect(checkSnils('1122334459')).toBe('FORMAT');
    expect(checkSnils('1122334459a')).toBe('FORMAT');
    expect(checkSnils('')).toBe('FORMAT');
    expect(checkSnils('000-000-000 00')).toBe('ZERO');
  });

  it('maps sums of 100 and 101 to 00 and reduces larger sums mod 101', () => {
    // 000000091 → 9*1… : find bodies with known sums by construction
    const body100 = '000000000'.split('');
    // digits weighted 9..1; choose 9*9 + 8*2 + 3*1 = 100
    body100[0] = '9';
    body100[1] = '2';
    body100[8] = '3';
    expect(snilsCheckNumber(body100.join(''))).toBe(0);
    // 9*9 + 8*2 + 4*1 = 101
    body100[8] = '4';
    expect(snilsCheckNumber(body100.join(''))).toBe(0);
    // 9*9+8*9+7*9+6*9+5*9+4*9+3*9+2*9+1*9 = 405 → 405 mod 101 = 1
    expect(snilsCheckNumber('999999999')).toBe(1);
  });

  it('builds valid numbers from a body and formats them', () => {
    const s = snilsFromBody(123456789);
    expect(checkSnils(s)).toBeNull();
    expect(formatSnils(s)).toMatch(/^123-456-789 \d\d$/);
    expect(normalizeSnils(formatSnils(s))).toBe(s);
  });
});
