/**
 * Formats and the region's clock: plain functions without imports, so the unit test
 * (test/e2e/dashboard-format.e2e-spec.ts) runs them as they are.
 */

/** СНИЛС as people write it: `XXX-XXX-XXX YY`. */
export function formatSnils(snils: string | null | undefined): string {
  const d = (snils ?? '').replace(/\D/g, '');
  return d.length === 11 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}` : (snils ?? '');
}

export function fullName(
  p: { lastName?: string; firstName?: string; patronymic?: string | null } | null | undefined,
) {
  return [p?.lastName, p?.firstName, p?.patronymic].filter(Boolean).join(' ');
}

/**
 * The region's time zone: the server counts visits and deadlines by its calendar day
 * (social's `TIME_ZONE`), so the forms read and write times in it, whatever the browser's zone.
 */
export const REGION_TIME_ZONE = 'Europe/Moscow';

function partsIn(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** Today in the region, `YYYY-MM-DD`. */
export function regionToday(now = new Date(), timeZone = REGION_TIME_ZONE): string {
  const p = partsIn(now, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * A wall-clock time typed in the form (`YYYY-MM-DDTHH:mm`, the region's time) as the ISO instant
 * the graph's DateTimeISO takes; null when it is not such a time.
 */
export function regionInstant(local: string, timeZone = REGION_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found by formatting a guess in the zone (twice, for DST edges).
  let guess = wanted;
  for (let i = 0; i < 2; i += 1) {
    const p = partsIn(new Date(guess), timeZone);
    const shown = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}

/** The reverse: an instant as the form's wall-clock value in the region. */
export function regionLocal(instant: string, timeZone = REGION_TIME_ZONE): string {
  const p = partsIn(new Date(instant), timeZone);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** Days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
