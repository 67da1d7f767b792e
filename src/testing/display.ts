/**
 * What getDisplayValues shows: numbers plainly, TRUE/FALSE, dates as yyyy-MM-dd (with the time
 * when there is one), or per a simple number format ("0.00", "#,##0", "0%", "yyyy-mm-dd", "@").
 */
import { DEFAULT_FORMAT, isDateFormat } from './grid';
import { dateToSerial, formatPattern, wallTime } from './dates';
import { isDate, Scalar } from './parse';

/** A number as Sheets' automatic format shows it (no float noise, no exponent below 1e15). */
export function plainNumber(value: number): string {
  return String(parseFloat(value.toPrecision(15)));
}

const NUMBER_FORMAT = /^([^#0.,%]*)([#0,]*)(?:\.([0#]+))?(%?)(.*)$/;

function withGrouping(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function numberWithFormat(value: number, format: string): string | undefined {
  const match = NUMBER_FORMAT.exec(format.replace(/"([^"]*)"/g, '$1'));
  if (!match || !match[2].includes('0')) return undefined;
  const [, prefix, whole, fraction = '', percent, suffix] = match;
  const scaled = percent ? value * 100 : value;
  const minimum = (fraction.match(/0/g) ?? []).length;
  let text = Math.abs(scaled).toFixed(fraction.length);
  if (fraction.length > minimum) text = text.replace(new RegExp(`0{0,${fraction.length - minimum}}$`), '').replace(/\.$/, '');
  const [digits, fracPart] = text.split('.');
  const intPart = digits.padStart((whole.match(/0/g) ?? []).length, '0');
  const grouped = whole.includes(',') ? withGrouping(intPart) : intPart;
  const sign = scaled < 0 && Number(text) !== 0 ? '-' : '';
  return sign + prefix + grouped + (fracPart ? `.${fracPart}` : '') + percent + suffix;
}

const MONTH_INITIALS = 'JFMAMJJASOND';

/**
 * Converts a Sheets date format ("yyyy-mm-dd hh:mm") to a SimpleDateFormat pattern for `date`.
 * Tokens Java has no letter for are written as literals: elapsed units (`[h]:mm`: 1.5 days as
 * 36:00), the month's initial (`mmmmm`) and `a/p` (a or p, in the token's case).
 */
function datePattern(format: string, date: Date, timeZone: string): string {
  const elapsed = (perDay: number) => Math.floor(dateToSerial(date, timeZone) * perDay + 1e-9);
  const wall = wallTime(date, timeZone);
  // Quoted text and backslash escapes are literals: set aside, so their letters are not tokens.
  const quoted: string[] = [];
  const unquoted = format.replace(/"([^"]*)"|\\(.)/g, (_, text: string | undefined, escaped: string | undefined) => {
    quoted.push(text ?? escaped ?? '');
    return String.fromCharCode(QUOTED + quoted.length - 1);
  });
  const twelveHour = /am\/pm|a\/p/i.test(unquoted);
  // a/p shows a letter, set aside like quoted text: a letter among the tokens would hide an h from the m after it.
  const marked = unquoted
    .replace(/a\/p/gi, (token) => {
      quoted.push(wall.hour < 12 ? token[0] : token[2]);
      return String.fromCharCode(QUOTED + quoted.length - 1);
    })
    .replace(/am\/pm/gi, '\u0001')
    .replace(/\[h+\]/gi, '\u0002')
    .replace(/\[m+\]/gi, '\u0003')
    .replace(/\[s+\]/gi, '\u0004');
  const tokens = marked.match(/y+|m+|d+|h+|s+|\u0001|\u0002|\u0003|\u0004|[^ymdhs\u0001-\u0004]+/gi) ?? [];
  return tokens
    .map((token, i) => {
      const lower = token.toLowerCase();
      if (token === '\u0001') return 'a';
      // Digits are literal in a pattern.
      if (token === '\u0002') return String(elapsed(24));
      if (token === '\u0003') return String(elapsed(1440));
      if (token === '\u0004') return String(elapsed(86400));
      if (lower[0] === 'y') return lower.length <= 2 ? 'yy' : 'yyyy';
      if (lower[0] === 'd') return lower.length >= 4 ? 'EEEE' : lower.length === 3 ? 'EEE' : 'd'.repeat(lower.length);
      if (lower[0] === 'h') return (twelveHour ? 'h' : 'H').repeat(Math.min(lower.length, 2));
      if (lower[0] === 's') return 's'.repeat(Math.min(lower.length, 2));
      if (lower[0] === 'm') {
        const before = tokens.slice(0, i).reverse().find((t) => /^[a-z\u0002]/i.test(t))?.toLowerCase() ?? '';
        const after = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t))?.toLowerCase() ?? '';
        const minute = lower.length <= 2 && (before[0] === 'h' || before[0] === '\u0002' || after[0] === 's');
        if (lower.length === 5) return literal(MONTH_INITIALS[wall.month - 1]);
        return minute ? 'm'.repeat(lower.length) : 'M'.repeat(lower.length);
      }
      return literal(token.replace(/[\ue000-\uf8ff]/g, (ch) => quoted[ch.charCodeAt(0) - QUOTED]));
    })
    .join('')
    .replace(/\u0006\u0005/g, '')
    .replace(/\u0005\u0006/g, '')
    .replace(/\u0005([^\u0006]*)\u0006/g, (_, text: string) => `'${text.replace(/'/g, "''")}'`);
}

// Marked, so that neighbouring literals are quoted as one ('D'' ' would show a quote).
function literal(text: string): string {
  return `\u0005${text}\u0006`;
}

// Quoted parts of a format stand in its text as characters from here on (Unicode's private use area).
const QUOTED = 0xe000;

function defaultDate(date: Date, timeZone: string): string {
  const wall = wallTime(date, timeZone);
  const timeOnly = wall.year === 1899 && wall.month === 12 && wall.day === 30;
  const midnight = wall.hour === 0 && wall.minute === 0 && wall.second === 0;
  if (timeOnly) return formatPattern(date, timeZone, 'HH:mm:ss');
  return formatPattern(date, timeZone, midnight ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss');
}

/** The text a cell shows. */
export function displayText(value: Scalar | '', format: string, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const custom = format !== DEFAULT_FORMAT && format !== '@' && format !== 'General';
  if (isDate(value)) {
    if (custom && isDateFormat(format)) return formatPattern(value, timeZone, datePattern(format, value, timeZone));
    return defaultDate(value, timeZone);
  }
  if (!custom) return plainNumber(value);
  const { section, shown } = numberSection(value, format);
  const unquoted = section.replace(/"[^"]*"/g, '');
  if (unquoted.includes('?')) throw new TypeError(`sheetorm/testing: the number format "${format}" has fraction placeholders (?), which the kit does not render.`);
  // A section of text alone ("zero") shows that text.
  if (section !== format && !/[#0]/.test(unquoted)) return section.replace(/"([^"]*)"/g, '$1');
  return numberWithFormat(shown, section) || plainNumber(shown);
}

/**
 * The section of a format ("positive;negative;zero;text") a number shows with, and the number it
 * shows: a negative section gives its own sign, so it shows the number without one.
 */
function numberSection(value: number, format: string): { section: string; shown: number } {
  const sections = format.match(/(?:"[^"]*"|\\.|[^;"\\])+|(?<=^|;)(?=;|$)/g) || [format];
  if (sections.length === 1) return { section: format, shown: value };
  if (value < 0) return { section: sections[1], shown: -value };
  return { section: value === 0 && sections.length > 2 ? sections[2] : sections[0], shown: value };
}
