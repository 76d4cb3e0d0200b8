/** Adds calendar months in UTC, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsUtc(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The start of a moment's UTC minute. */
export const floorToMinute = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

/** The UTC minute of a moment as `YYYY-MM-DD-HH-MM`: the part of job ids that makes one job per minute. */
export const minuteStamp = (at: Date) => at.toISOString().slice(0, 16).replace(/[:T]/g, '-');

/** A stored date as an ISO string for a response; null when there is none. */
export const isoOrNull = (value: Date | string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null;
