/**
 * СНИЛС: 11 digits, the last two a check number over the first nine (Pension Fund rules):
 * sum of digit × (9 − position); under 100 → the sum; 100 or 101 → 00; over 101 → sum mod 101,
 * with 100 again → 00. Numbers up to 001-001-998 were issued before the check existed.
 */
export function normalizeSnils(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function snilsCheckNumber(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(first9[i]) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const rest = sum % 101;
  return rest === 100 ? 0 : rest;
}

/** `ZERO`: 000-000-000 00, which passes the check number but is never issued to anyone. */
export type SnilsProblem = 'FORMAT' | 'CHECKSUM' | 'ZERO';

export function checkSnils(input: string): SnilsProblem | null {
  const snils = normalizeSnils(input);
  if (!/^\d{11}$/.test(snils)) return 'FORMAT';
  const body = snils.slice(0, 9);
  if (Number(body) === 0) return 'ZERO';
  if (Number(body) <= 1_001_998) return null;
  return snilsCheckNumber(body) === Number(snils.slice(9)) ? null : 'CHECKSUM';
}

export function formatSnils(snils: string): string {
  const s = normalizeSnils(snils);
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}`;
}

/** Builds a valid СНИЛС from a nine-digit body (demo data, tests). */
export function snilsFromBody(body: number): string {
  const first9 = String(body).padStart(9, '0');
  return `${first9}${String(snilsCheckNumber(first9)).padStart(2, '0')}`;
}
