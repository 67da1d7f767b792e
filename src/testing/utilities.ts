/** The fake Utilities: getUuid, sleep (on the fake clock), formatDate, formatString and parseCsv. */
import { invoke } from './calls';
import { parseCsvText } from './csv';
import { formatPattern } from './dates';
import { checkSignature, exception } from './errors';
import type { World } from './model';
import { isDate } from './parse';

const worlds = new WeakMap<object, World>();

/** The longest sleep the reference allows. */
const MAX_SLEEP_MS = 300000;

/** Creates the Utilities object of a world. */
export function makeUtilities(world: World): GoogleAppsScript.Utilities.Utilities {
  const utilities = new FakeUtilities();
  worlds.set(utilities, world);
  return utilities as unknown as GoogleAppsScript.Utilities.Utilities;
}

function on<T>(fake: object, method: string, args: IArguments, body: (world: World) => T): T {
  const world = worlds.get(fake)!;
  return invoke(world, `Utilities.${method}`, {}, args, () => body(world));
}

function hex(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(Math.random() * 16).toString(16);
  return out;
}

/** One conversion of sprintf: the value as text, before padding to the width. */
function convert(letter: string, value: unknown, precision: string | undefined): string {
  const number = Number(value);
  switch (letter) {
    case 's':
      return precision === undefined ? String(value) : String(value).slice(0, Number(precision));
    case 'f':
      return number.toFixed(precision === undefined ? 6 : Number(precision));
    case 'x':
    case 'X': {
      const text = Math.trunc(number).toString(16);
      return letter === 'X' ? text.toUpperCase() : text;
    }
    case 'o':
      return Math.trunc(number).toString(8);
    default:
      return String(Math.trunc(number));
  }
}

function sprintf(template: string, values: unknown[]): string {
  let next = 0;
  return template.replace(/%(%|([-0]*)(\d*)(?:\.(\d+))?([sdifxXo]))/g, (whole, kind, flags, width, precision, letter) => {
    if (kind === '%') return '%';
    const text = convert(letter, values[next++], precision);
    const pad = width ? Number(width) - text.length : 0;
    if (pad <= 0) return text;
    if (flags.includes('-')) return text + ' '.repeat(pad);
    return (flags.includes('0') && letter !== 's' ? '0' : ' ').repeat(pad) + text;
  });
}

class FakeUtilities {
  getUuid(): string {
    return on(this, 'getUuid', arguments, () => {
      const variant = '89ab'[Math.floor(Math.random() * 4)];
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    });
  }

  sleep(milliseconds: number): void {
    const args = arguments;
    on(this, 'sleep', args, (world) => {
      checkSignature(args.length === 1 && typeof milliseconds === 'number', args, 'Utilities.sleep');
      // The reference caps a sleep at 5 minutes; a longer one must not pass a test by jumping the clock.
      if (milliseconds > MAX_SLEEP_MS) throw exception(`Utilities.sleep: the maximum is ${MAX_SLEEP_MS} milliseconds (5 minutes); got ${milliseconds}. (sheetorm/testing)`);
      world.now += Math.max(0, milliseconds);
    });
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    const args = arguments;
    return on(this, 'formatDate', args, () => {
      const ok = args.length === 3 && isDate(date) && typeof timeZone === 'string' && typeof format === 'string';
      checkSignature(ok, args, 'Utilities.formatDate');
      return formatPattern(date as unknown as Date, timeZone, format);
    });
  }

  formatString(template: string, ...args: any[]): string {
    return on(this, 'formatString', arguments, () => sprintf(String(template), args));
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    const args = arguments;
    return on(this, 'parseCsv', args, () => {
      const ok = typeof csv === 'string' && (args.length === 1 || (args.length === 2 && typeof delimiter === 'string' && delimiter.length === 1));
      checkSignature(ok, args, 'Utilities.parseCsv');
      return parseCsvText(csv, delimiter ?? ',');
    });
  }
}

/** The fake Utilities class, for the compile-time API check. */
export type { FakeUtilities };
