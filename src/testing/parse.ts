/**
 * How Sheets reads a typed string (what setValues does with strings): numbers, booleans, dates
 * and times become typed values, "=..." (and "+..." that is not a number) a formula, and a
 * leading apostrophe forces text.
 */
import { daysInMonth, fromWallTime, wallTime } from './dates';

/** A cell value as stored: a number, boolean, Date or non-empty string. */
export type Scalar = number | boolean | string | Date;

/** What a write puts in a cell: nothing (empty), a value or a formula. */
export interface Content {
  value?: Scalar;
  formula?: string;
}

const NUMBER = /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?(?:\\s*([AaPp][Mm]))?';
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T]${TIME})?$`);
const US_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?:\\s+${TIME})?$`);
/** "1/2": month/day of the current year. */
const US_DAY = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:\\s+${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);
/** "10 AM", "3pm": an hour alone needs its meridiem. */
const HOUR_ONLY = /^(\d{1,2})\s*([AaPp][Mm])$/;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '([A-Za-z]{3,9})\\.?';
/** "Mar 1 2016", "March 1, 2016" (groups: month, day, year, time…). */
const NAMED_MONTH_FIRST = new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?:\\s+${TIME})?$`);
/** "1 Mar 2016", "1 March, 2016" (groups: day, month, year, time…). */
const NAMED_DAY_FIRST = new RegExp(`^(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})(?:\\s+${TIME})?$`);
/** "Mar 1", "1 March": a day of the current year (groups: month or day, day or month). */
const NAMED_NO_YEAR = new RegExp(`^(?:${MONTH}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH})$`);

/** 1–12 for a month's English name or its three-letter abbreviation; 0 for anything else. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((month) => month === lower || (lower.length === 3 && month.startsWith(lower))) + 1;
}

/** A date written with the month's name, as Sheets reads "Mar 1 2016"; undefined if none. */
function parseNamedDate(text: string, timeZone: string): Date | undefined {
  const first = NAMED_MONTH_FIRST.exec(text);
  const dayFirst = first ? null : NAMED_DAY_FIRST.exec(text);
  const match = first ?? dayFirst;
  if (!match) return undefined;
  const [monthName, day] = first ? [match[1], match[2]] : [match[2], match[1]];
  const month = monthNumber(monthName);
  const clock = parseClock(match, 4);
  if (!month || clock === null) return undefined;
  return makeDate(Number(match[3]), month, Number(day), clock, timeZone);
}

/** True for a value read through Object.prototype.toString, which works across realms. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function parseNumber(text: string): number | undefined {
  const match = NUMBER.exec(text);
  if (!match || (match[1] && match[3])) return undefined;
  const sign = match[1] === '-' || match[3] === '-' ? -1 : 1;
  const mantissa = Number(match[4].replace(/,/g, ''));
  const value = sign * mantissa * Math.pow(10, Number(match[5] || 0));
  return match[6] ? value / 100 : value;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function parseClock(groups: string[], offset: number): Clock | null | undefined {
  if (groups[offset] === undefined) return undefined;
  let hour = Number(groups[offset]);
  const minute = Number(groups[offset + 1]);
  const second = Number(groups[offset + 2] || 0);
  const millisecond = Number((groups[offset + 3] || '0').padEnd(3, '0'));
  const meridiem = groups[offset + 4];
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second, millisecond };
}

function makeDate(year: number, month: number, day: number, clock: Clock | undefined, timeZone: string): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const { hour, minute, second, millisecond } = clock ?? { hour: 0, minute: 0, second: 0, millisecond: 0 };
  return fromWallTime({ year, month, day, hour, minute, second, millisecond }, timeZone);
}

/** A typed year; two digits mean 2000–2029 below 30 and 1930–1999 from 30 on, as Sheets (and Excel) read them. */
function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length > 2 ? year : year < 30 ? 2000 + year : 1900 + year;
}

/**
 * A date, date-time or time typed as text, read as the en_US locale does; undefined if none.
 * `now` (the kit's clock) gives the year of a date typed without one ("1/2").
 */
export function parseDate(text: string, timeZone: string, now?: number): Date | undefined {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const match = iso ?? us;
  if (match) {
    const clock = parseClock(match, 4);
    if (clock === null) return undefined;
    const [year, month, day] = iso
      ? [Number(match[1]), Number(match[2]), Number(match[3])]
      : [fullYear(match[3]), Number(match[1]), Number(match[2])];
    return makeDate(year, month, day, clock, timeZone);
  }
  const named = parseNamedDate(text, timeZone);
  if (named) return named;
  const thisYear = now === undefined ? null : NAMED_NO_YEAR.exec(text);
  if (thisYear) {
    const month = monthNumber(thisYear[1] ?? thisYear[4]);
    const year = wallTime(new Date(now as number), timeZone).year;
    return month ? makeDate(year, month, Number(thisYear[2] ?? thisYear[3]), undefined, timeZone) : undefined;
  }
  const day = now === undefined ? null : US_DAY.exec(text);
  if (day) {
    const clock = parseClock(day, 3);
    return clock === null ? undefined : makeDate(wallTime(new Date(now as number), timeZone).year, Number(day[1]), Number(day[2]), clock, timeZone);
  }
  const hour = HOUR_ONLY.exec(text);
  const time = hour ? [text, hour[1], '00', undefined, undefined, hour[2]] : TIME_ONLY.exec(text);
  const clock = time ? parseClock(time as string[], 1) : undefined;
  // A time alone is a fraction of day zero, which Sheets dates 1899-12-30.
  return clock ? makeDate(1899, 12, 30, clock, timeZone) : undefined;
}

/** What Sheets stores for a string typed into a cell (USER_ENTERED). */
export function parseTyped(text: string, timeZone: string, now?: number): Content {
  if (text === '') return {};
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const number = parseNumber(trimmed);
  if (number !== undefined && Number.isFinite(number)) return { value: number };
  const date = parseDate(trimmed, timeZone, now);
  if (date) return { value: date };
  // Sheets reads a leading "+" or "-" as the start of a formula ("+44 20 7946", "- item" show #ERROR!).
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) return { formula: `=${text}` };
  return { value: text };
}
