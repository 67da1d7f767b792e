/**
 * Serial numbers (days since 1899-12-30, counted in the spreadsheet's time zone) to Dates, as
 * SpreadsheetApp's getValues() would return them.
 */

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
export function zoneOffset(zone: string, instant: number): number {
  const key = `${zone}@${Math.floor(instant / 900000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = wall - Math.floor(instant / 1000) * 1000;
  offsets.set(key, offset);
  return offset;
}

/** The instant a serial number denotes in a time zone. */
export function serialToDate(serial: number, zone: string): Date {
  const wall = EPOCH + Math.round(serial * DAY);
  let instant = wall - zoneOffset(zone, wall);
  instant = wall - zoneOffset(zone, instant);
  return new Date(instant);
}
