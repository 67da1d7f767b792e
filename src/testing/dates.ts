/** Time-zone arithmetic on `Intl` (no Node APIs), and Java-style date patterns for formatDate. */
import { exception } from './errors';

/** The wall-clock fields of an instant in a time zone. */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (it throws a RangeError for an unknown one). */
function intlKnows(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// Java's custom time-zone IDs, which Apps Script accepts and Intl does not: GMT+1, GMT-05:00, GMT+0530.
const GMT_OFFSET = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;

function fixedOffsetMinutes(timeZone: string): number | null {
  const match = GMT_OFFSET.exec(timeZone);
  if (!match || Number(match[2]) > 23 || Number(match[3] || 0) > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] || 0));
}

/** Splits an instant into the wall-clock fields seen in `timeZone`. */
export function wallTime(date: Date, timeZone: string): WallTime {
  const offset = fixedOffsetMinutes(timeZone);
  if (offset !== null) {
    const shifted = new Date(date.getTime() + offset * 60000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      millisecond: shifted.getUTCMilliseconds(),
      weekday: shifted.getUTCDay(),
    };
  }
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((date.getTime() % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

function wallAsUtc(wall: Omit<WallTime, 'weekday'>): number {
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  // Date.UTC maps years 0-99 to 1900-1999.
  if (wall.year >= 0 && wall.year < 100) return new Date(ms).setUTCFullYear(wall.year);
  return ms;
}

/**
 * The instant whose wall-clock time in `timeZone` is `wall`: the earlier one in a DST overlap, and
 * one the gap's length later for a time the clocks skip (as V8's Date and Java's ZonedDateTime).
 */
export function fromWallTime(wall: Omit<WallTime, 'weekday'>, timeZone: string): Date {
  const target = wallAsUtc(wall);
  const offsetAt = (instant: number) => wallAsUtc(wallTime(new Date(instant), timeZone)) - instant;
  // Every instant that shows `target`, trying the offsets in force a day before and a day after.
  const earlier = offsetAt(target - DAY_MS);
  const later = offsetAt(target + DAY_MS);
  const shown = [target - earlier, target - later].filter((instant) => instant + offsetAt(instant) === target);
  return new Date(shown.length ? Math.min(...shown) : target - earlier);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** A date as a Sheets serial number (days since 1899-12-30 in the spreadsheet's zone). */
export function dateToSerial(date: Date, timeZone: string): number {
  return (wallAsUtc(wallTime(date, timeZone)) - SERIAL_EPOCH) / DAY_MS;
}

/** The date a Sheets serial number stands for in the spreadsheet's zone (to the millisecond). */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return fromWallTime(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      millisecond: wall.getUTCMilliseconds(),
    },
    timeZone,
  );
}

/** The number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOfYear(wall: WallTime): number {
  let day = wall.day;
  for (let month = 1; month < wall.month; month++) day += daysInMonth(wall.year, month);
  return day;
}

/** The week (from 1) of the `day`-th day of a year or month, weeks starting on Sunday. */
function weekOf(day: number, wall: WallTime): number {
  const firstWeekday = (((wall.weekday - (day - 1)) % 7) + 7) % 7;
  return Math.floor((day - 1 + firstWeekday) / 7) + 1;
}

/**
 * Java's week of year and week year in its default US locale: weeks start on Sunday and week 1
 * is the one holding January 1, so the last days of December can be week 1 of the next year.
 */
function usWeek(wall: WallTime): { week: number; weekYear: number } {
  const day = dayOfYear(wall);
  const saturday = day + 6 - wall.weekday;
  if (saturday > (isLeap(wall.year) ? 366 : 365)) return { week: 1, weekYear: wall.year + 1 };
  return { week: weekOf(day, wall), weekYear: wall.year };
}

/** The letters that count days and weeks within the year or month (D, w, W, F, Y). */
function calendarField(letter: string, width: number, wall: WallTime): string {
  switch (letter) {
    case 'D':
      return pad(dayOfYear(wall), width);
    case 'w':
      return pad(usWeek(wall).week, width);
    case 'W':
      return pad(weekOf(wall.day, wall), width);
    case 'F':
      return pad(Math.floor((wall.day - 1) / 7) + 1, width);
    default: {
      const year = usWeek(wall).weekYear;
      return width === 2 ? pad(year % 100, 2) : pad(year, width);
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  return (value < 0 ? '-' : '') + (text.length >= width ? text : '0'.repeat(width - text.length) + text);
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

// Intl canonicalises these to UTC; Java keeps calling them GMT.
const GMT_ALIASES = /^(Etc\/)?(GMT([+-]?0)?|Greenwich)$/;

/** The zone's name as Java's `z` (short) or `zzzz` (long) shows it, from Intl's en-US names. */
function zoneName(date: Date, timeZone: string, width: number): string {
  const style = width >= 4 ? 'long' : 'short';
  if (GMT_ALIASES.test(timeZone)) return style === 'long' ? 'Greenwich Mean Time' : 'GMT';
  if (fixedOffsetMinutes(timeZone) !== null) return offsetText(date, timeZone, 'z', width);
  const key = `${timeZone}|${style}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) nameFormatters.set(key, (formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })));
  const name = formatter.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // A zone without an English name comes as "GMT+1" or "GMT+5:30"; Java writes "GMT+01:00".
  return GMT_OFFSET.test(name) ? offsetText(date, timeZone, 'z', width) : name;
}

function offsetText(date: Date, timeZone: string, letter: string, width: number): string {
  const minutes = Math.round((wallAsUtc(wallTime(date, timeZone)) - date.getTime()) / 60000);
  if (letter === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mins = pad(Math.abs(minutes) % 60, 2);
  if (letter === 'z') return `GMT${sign}${hours}:${mins}`;
  if (letter === 'X' && width === 1) return sign + hours;
  return letter === 'X' && width >= 3 ? `${sign}${hours}:${mins}` : sign + hours + mins;
}

function field(letter: string, width: number, wall: WallTime, date: Date, timeZone: string): string {
  switch (letter) {
    case 'y':
      return width === 2 ? pad(wall.year % 100, 2) : pad(wall.year, width);
    case 'M':
    case 'L':
      if (width >= 4) return MONTHS[wall.month - 1];
      return width === 3 ? MONTHS[wall.month - 1].slice(0, 3) : pad(wall.month, width);
    case 'd':
      return pad(wall.day, width);
    case 'E':
      return width >= 4 ? DAYS[wall.weekday] : DAYS[wall.weekday].slice(0, 3);
    case 'u':
      return String(wall.weekday === 0 ? 7 : wall.weekday);
    case 'H':
      return pad(wall.hour, width);
    case 'k':
      return pad(wall.hour === 0 ? 24 : wall.hour, width);
    case 'K':
      return pad(wall.hour % 12, width);
    case 'h':
      return pad(wall.hour % 12 === 0 ? 12 : wall.hour % 12, width);
    case 'm':
      return pad(wall.minute, width);
    case 's':
      return pad(wall.second, width);
    case 'S':
      // Java pads the millisecond number, so S is "6" and SSSSSS "000006", never a fraction.
      return pad(wall.millisecond, width);
    case 'a':
      return wall.hour < 12 ? 'AM' : 'PM';
    case 'G':
      return wall.year > 0 ? 'AD' : 'BC';
    case 'D':
    case 'w':
    case 'W':
    case 'F':
    case 'Y':
      return calendarField(letter, width, wall);
    case 'z':
      return zoneName(date, timeZone, width);
    case 'Z':
    case 'X':
      return offsetText(date, timeZone, letter, width);
    default:
      throw exception(`Illegal pattern character '${letter}'`);
  }
}

/** Whether a zone ID is one the kit knows (an IANA name, or a GMT offset as Java writes them). */
export function isKnownZone(timeZone: string): boolean {
  return fixedOffsetMinutes(timeZone) !== null || intlKnows(timeZone);
}

/** The zone Java's TimeZone.getTimeZone gives for an ID: the zone itself, or GMT when it is unknown. */
function javaZone(timeZone: string): string {
  return fixedOffsetMinutes(timeZone) !== null || intlKnows(timeZone) ? timeZone : 'GMT';
}

/** Formats like Java's SimpleDateFormat, which is what Utilities.formatDate uses. */
export function formatPattern(date: Date, zoneId: string, pattern: string): string {
  const timeZone = javaZone(zoneId);
  const wall = wallTime(date, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'" && pattern[i + 1] === "'") {
      out += "'";
      i += 2;
    } else if (ch === "'") {
      // Quoted text, in which '' stands for one quote ("'o''clock'" → o'clock).
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] !== "'") out += pattern[j++];
        else if (pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else break;
      }
      if (j >= pattern.length) throw exception('Unterminated quote');
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let width = 1;
      while (pattern[i + width] === ch) width++;
      out += field(ch, width, wall, date, timeZone);
      i += width;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
