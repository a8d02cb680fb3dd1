/** "Now" for every deadline rule; tests pass a fixed or adjustable clock instead of the system's. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** One formatter per time zone: building one costs far more than formatting a date with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar date (YYYY-MM-DD) of an instant in the region's time zone. */
export function localDateOf(date: Date, timeZone = 'Europe/Moscow'): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(date);
}

/** "Today" in the region, from the request's clock (tests set it). */
export function todayOf(ctx: { clock: Clock }): string {
  return localDateOf(ctx.clock.now());
}
