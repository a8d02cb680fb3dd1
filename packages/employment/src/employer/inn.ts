/**
 * ИНН check digits (ФНС algorithm): a legal entity has 10 digits with one check digit, an individual
 * (incl. an individual entrepreneur) 12 digits with two. Each check digit is the weighted sum of the
 * preceding digits mod 11, then mod 10.
 */
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  return (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;
}

export function normalizeInn(value: string): string {
  return value.replace(/\s/g, '');
}

export function isValidInn(value: string): boolean {
  const inn = normalizeInn(value);
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const d = [...inn].map(Number);
  if (d.length === 10) return checkDigit(d, W10) === d[9];
  return checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
}

/** Completes 9 (or 10) digits with valid check digits: deterministic demo and test data. */
export function withInnCheckDigits(prefix: string): string {
  const d = [...prefix].map(Number);
  if (d.length === 9) return prefix + checkDigit(d, W10);
  const eleven = [...d, checkDigit(d, W11)];
  return eleven.join('') + checkDigit(eleven, W12);
}
