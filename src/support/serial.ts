/**
 * Serial numbers (days since 1899-12-30, counted in the spreadsheet's time zone) to Dates, as
 * SpreadsheetApp's getValues() would return them.
 */

import { SheetORMError } from '../errors';

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
      era: 'short',
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

// Apps Script also accepts Java's custom zone IDs (GMT+1, GMT-07:00, GMT+0530), which Intl does not.
const GMT_OFFSET = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;
const BUCKET = 900000;

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
export function zoneOffset(zone: string, instant: number): number {
  const fixed = GMT_OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] || 0)) * 60000;
  // Cached per quarter hour, unless the offset changes within it (a transition, or a local mean
  // time of minutes and seconds): then each instant gets its own.
  const bucket = Math.floor(instant / BUCKET);
  const key = `${zone}@${bucket}`;
  let cached = offsets.get(key);
  if (cached === undefined) {
    const start = offsetAt(zone, bucket * BUCKET);
    cached = start === offsetAt(zone, bucket * BUCKET + BUCKET - 1000) ? start : NaN;
    offsets.set(key, cached);
  }
  return cached === cached ? cached : offsetAt(zone, instant);
}

function offsetAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  let format: Intl.DateTimeFormat;
  try {
    format = formatter(zone);
  } catch (error) {
    throw new SheetORMError(`The spreadsheet's time zone "${zone}" is not one this runtime knows, so dates read through the Sheets API cannot be converted; set the spreadsheet's time zone (File → Settings) to a named zone, or configure({ sheetsApi: false }).`);
  }
  let era = '';
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type === 'era') era = part.value;
    else if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = new Date(Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
  // Date.UTC reads years 0–99 as 1900–1999; 1 BC is year 0.
  wall.setUTCFullYear(era.charAt(0) === 'B' ? 1 - parts.year : parts.year);
  return wall.getTime() - Math.floor(instant / 1000) * 1000;
}

/** The instant a serial number denotes in a time zone. */
export function serialToDate(serial: number, zone: string): Date {
  const wall = EPOCH + Math.round(serial * DAY);
  // The offsets a day either side: equal unless the clocks change near this wall time.
  const before = zoneOffset(zone, wall - DAY);
  const after = zoneOffset(zone, wall + DAY);
  if (before === after) return new Date(wall - before);
  const early = wall - before;
  const late = wall - after;
  const earlyHolds = zoneOffset(zone, early) === before;
  const lateHolds = zoneOffset(zone, late) === after;
  // A wall time seen twice (clocks falling back) is the earlier instant; one the clocks skip is
  // moved forward by the gap: both as V8's Date and java.time read them.
  if (earlyHolds && lateHolds) return new Date(Math.min(early, late));
  if (lateHolds && !earlyHolds) return new Date(late);
  return new Date(early);
}
