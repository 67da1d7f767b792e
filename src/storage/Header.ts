/** The header row of a sheet: column names (trimmed text) and their positions. */
import { ColumnNotFoundError, ValidationError } from '../errors';
import { zoneOffset } from '../support/serial';
import { isDate } from '../support/values';

/** Something that can say which sheet it is, for error messages. */
export interface Describable {
  describe(): string;
}

/** Column names in sheet order, with an index by name. */
export class Header {
  readonly names: readonly string[];
  private readonly positions: Map<string, number>;

  private constructor(names: string[]) {
    this.names = names;
    this.positions = new Map(names.map((name, index) => [name, index]));
  }

  /**
   * Parses row 1; blank or duplicated names are errors (they would silently lose data). Blank
   * headers past the last named column are ignored unless data rows use them (`dataWidth`).
   */
  static parse(row: readonly unknown[], where: Describable, dataWidth = 0, owner = '', zone?: () => string): Header {
    // Described only for an error: describing asks the spreadsheet its name.
    const place = () => (owner ? `${owner}: ${where.describe()}` : where.describe());
    const names = row.map((cell) => headerText(cell, zone));
    let width = names.length;
    while (width > dataWidth && width > 0 && names[width - 1] === '') width--;
    const used = names.slice(0, width);
    const blanks = used.map((name, i) => (name === '' ? columnLetter(i + 1) : '')).filter((letter) => letter !== '');
    if (blanks.length) {
      let lastNamed = width - 1;
      while (lastNamed >= 0 && used[lastNamed] === '') lastNamed--;
      const one = blanks.length === 1;
      const firstNamed = used.findIndex((name) => name !== '');
      const before = firstNamed > 0;
      const between = used.slice(firstNamed, lastNamed + 1).some((name) => name === '');
      const why =
        lastNamed < width - 1
          ? `the sheet has values up to column ${columnLetter(width)}${used.filter((name) => name !== '').length === 1 ? ' (if row 1 holds a title above the header, delete that row: row 1 must be the header row)' : ''}`
          : `${one ? 'it lies' : 'they lie'} ${before && between ? 'before or between' : before ? 'before the' : 'between'} named columns`;
      throw new ValidationError(
        `${place()}: ${one ? `column ${blanks[0]} has` : `columns ${blanks.join(', ')} have`} no header in row 1, but ${why}; name ${one ? 'it' : 'them'} in row 1 or delete ${one ? 'the column' : 'those columns'}.`,
      );
    }
    const seen = new Set<string>();
    for (const name of used) {
      if (seen.has(name)) {
        throw new ValidationError(`${place()}: the header "${name}" appears twice in row 1; rename one of the columns.`);
      }
      seen.add(name);
    }
    return new Header(used);
  }

  /** A header from known names (used for sheets being created). */
  static of(names: readonly string[]): Header {
    return new Header(names.slice());
  }

  /** Number of named columns. */
  get width(): number {
    return this.names.length;
  }

  /** 0-based position of a column, or -1. */
  indexOf(name: string): number {
    const position = this.positions.get(name);
    return position === undefined ? -1 : position;
  }

  /** Whether the sheet has this column. */
  has(name: string): boolean {
    return this.positions.has(name);
  }

  /** 0-based position of a column, or a ColumnNotFoundError naming who asked and the columns there are. */
  require(name: string, owner: string, where: Describable, advice = ''): number {
    const position = this.positions.get(name);
    if (position !== undefined) return position;
    // A name built from a request can be any length: the message shows enough of it to recognise.
    const shown = name.length > 200 ? `${name.slice(0, 200)}…` : name;
    const detail = `${where.describe()} has no column "${shown}"${this.hint(name)} (columns: ${this.list()})${advice}.`;
    throw new ColumnNotFoundError(`${owner}: ${detail}`, name, detail);
  }

  /** The column names as a readable list. */
  list(): string {
    return this.names.length ? this.names.join(', ') : 'none: row 1 is empty';
  }

  private hint(name: string): string {
    // Case, and spaces that look alike or do not show (a non-breaking or zero-width space pasted
    // from a web page, a doubled space, a line break), are what people miss.
    const loose = (text: string): string => text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
    const wanted = loose(name);
    const close = this.names.find((candidate) => loose(candidate) === wanted);
    if (!close) return '';
    const spacing = close.toLowerCase() !== name.trim().toLowerCase() ? ' (the header differs in its spaces or in characters that do not show: retype it)' : '';
    return `; did you mean ${JSON.stringify(close)}${spacing}?`;
  }
}

/**
 * A header cell as the sheet shows it: TRUE/FALSE for booleans, and a date typed into row 1 as its
 * wall time in the spreadsheet's zone (`2024-01-01`, or `2024-01-01 09:30:00`), asked for only then.
 */
export function headerText(cell: unknown, zone?: () => string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDate(cell)) {
    const time = cell.getTime();
    if (!zone || Number.isNaN(time)) return cell.toISOString();
    const wall = new Date(time + zoneOffset(zone(), time)).toISOString();
    return wall.endsWith('T00:00:00.000Z') ? wall.slice(0, 10) : `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
  }
  return String(cell).trim();
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
