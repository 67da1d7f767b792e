/**
 * The plain in-memory oracle of the interleaving property test: each sheet as an array of rows,
 * changed by the semantics the spec promises, never by sheetorm's code.
 *
 * Rows are objects, so a row keeps its identity while rows around it are inserted or deleted. A
 * transaction works on a copy of each sheet taken when it first touches the sheet (as sheetorm
 * reads a sheet once per unit of work); at commit its changes are applied to the rows it read,
 * wherever they are by then, and new rows go below the last row.
 */

/** A cell as the oracle holds it (null: empty). */
export type Cell = string | number | null;

/** One sheet row. `formula`: the Posts `double` cell holds `=C{row}*2`, which a person typed. */
export interface Row {
  cells: Cell[];
  formula: boolean;
}

/** The sheets of the test and their columns. */
export const SCHEMA = {
  Posts: ['id', 'title', 'views', 'double', 'note'],
  Tags: ['id', 'name'],
  PostTag: ['post_id', 'tag_id', 'note'],
} as const;

/** A sheet name of the test. */
export type SheetName = keyof typeof SCHEMA;

/** The key of a value as sheetorm compares keys: `3` and `'3'` are one key. */
export function normKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = String(value).trim();
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}

/** Column position by name. */
export function col(sheet: SheetName, name: string): number {
  return (SCHEMA[sheet] as readonly string[]).indexOf(name);
}

/** Whether a row has no content at all (a blank row a person inserted). */
export function isBlank(row: Row): boolean {
  return !row.formula && row.cells.every((cell) => cell === null || cell === '');
}

/** The key of a row: `id`, or `post_id|tag_id` for the pivot. */
export function rowKey(sheet: SheetName, row: Row): string {
  if (sheet === 'PostTag') return `${normKey(row.cells[0])}|${normKey(row.cells[1])}`;
  return normKey(row.cells[0]);
}

/** One sheet's rows below the header. */
export class OSheet {
  constructor(readonly name: SheetName, public rows: Row[]) {}

  /** Rows with content, in sheet order. */
  live(): Row[] {
    return this.rows.filter((row) => !isBlank(row));
  }

  /** The first row holding `key` (as sheetorm's key index finds it). */
  byKey(key: string): Row | undefined {
    return key === '' ? undefined : this.live().find((row) => rowKey(this.name, row) === key);
  }

  /** `max + 1` of the whole-number keys in column 1 (1 for none). */
  nextKey(): number {
    let max = 0;
    for (const row of this.live()) {
      const value = row.cells[0];
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : null;
      if (n !== null && n > max) max = n;
    }
    return Math.floor(max) + 1;
  }

  /** Adds a row below the last row with content. */
  append(cells: Cell[]): Row {
    this.trim();
    const row = { cells: cells.slice(), formula: false };
    this.rows.push(row);
    return row;
  }

  /** Removes a row (rows below move up). */
  remove(row: Row): void {
    const at = this.rows.indexOf(row);
    if (at >= 0) this.rows.splice(at, 1);
    this.trim();
  }

  /** Drops blank rows at the bottom (they are not part of the data range). */
  trim(): void {
    while (this.rows.length && isBlank(this.rows[this.rows.length - 1])) this.rows.pop();
  }

  /** A copy whose rows are new objects; `origin` maps each copy to the row it was copied from. */
  copy(): { sheet: OSheet; origin: Map<Row, Row> } {
    const origin = new Map<Row, Row>();
    const rows = this.rows.map((row) => {
      const twin = { cells: row.cells.slice(), formula: row.formula };
      origin.set(twin, row);
      return twin;
    });
    return { sheet: new OSheet(this.name, rows), origin };
  }

  /** What `getValues()` of the used area must return. */
  expectedValues(): unknown[][] {
    const header = SCHEMA[this.name] as readonly string[];
    const views = col('Posts', 'views');
    return [
      header.slice(),
      ...this.rows.map((row) =>
        row.cells.map((cell, c) => {
          if (this.name === 'Posts' && c === col('Posts', 'double')) {
            if (!row.formula) return '';
            const n = row.cells[views];
            return typeof n === 'number' ? n * 2 : 0;
          }
          return cell === null ? '' : cell;
        }),
      ),
    ];
  }

  /** What the formulas of the used area must be ('' where there is none). */
  expectedFormulas(): string[][] {
    const width = SCHEMA[this.name].length;
    const blank = () => new Array<string>(width).fill('');
    return [
      blank(),
      ...this.rows.map((row, i) => {
        const line = blank();
        if (row.formula) line[col('Posts', 'double')] = `=C${i + 2}*2`;
        return line;
      }),
    ];
  }
}

/** Where operations apply their changes: the sheets themselves, or a transaction's copies. */
export interface Store {
  sheet(name: SheetName): OSheet;
  set(name: SheetName, row: Row, column: number, value: Cell): void;
  insert(name: SheetName, cells: Cell[]): Row;
  remove(name: SheetName, row: Row): void;
}

/** The sheets as they are. */
export class Sheets implements Store {
  readonly sheets: Record<SheetName, OSheet>;

  constructor(seed: Record<SheetName, Row[]>) {
    this.sheets = {
      Posts: new OSheet('Posts', seed.Posts),
      Tags: new OSheet('Tags', seed.Tags),
      PostTag: new OSheet('PostTag', seed.PostTag),
    };
  }

  sheet(name: SheetName): OSheet {
    return this.sheets[name];
  }

  set(name: SheetName, row: Row, column: number, value: Cell): void {
    row.cells[column] = value;
  }

  insert(name: SheetName, cells: Cell[]): Row {
    return this.sheets[name].append(cells);
  }

  remove(name: SheetName, row: Row): void {
    this.sheets[name].remove(row);
  }
}

interface TxSheet {
  copy: OSheet;
  origin: Map<Row, Row>;
  changed: Map<Row, Set<number>>;
  added: Set<Row>;
  removed: Row[];
}

/** A transaction's view: copies of the sheets it touched, and what it changed in them. */
export class TxStore implements Store {
  private readonly touched = new Map<SheetName, TxSheet>();

  constructor(private readonly base: Sheets) {}

  sheet(name: SheetName): OSheet {
    return this.view(name).copy;
  }

  set(name: SheetName, row: Row, column: number, value: Cell): void {
    const view = this.view(name);
    row.cells[column] = value;
    if (view.added.has(row)) return;
    const columns = view.changed.get(row) || new Set<number>();
    columns.add(column);
    view.changed.set(row, columns);
  }

  insert(name: SheetName, cells: Cell[]): Row {
    const view = this.view(name);
    const row = { cells: cells.slice(), formula: false };
    view.copy.rows.push(row);
    view.added.add(row);
    return row;
  }

  remove(name: SheetName, row: Row): void {
    const view = this.view(name);
    view.copy.rows.splice(view.copy.rows.indexOf(row), 1);
    if (view.added.delete(row)) return;
    view.changed.delete(row);
    view.removed.push(view.origin.get(row) as Row);
  }

  /**
   * Applies the changes to the sheets as they are now. A row the transaction changed that is gone
   * (a person deleted it meanwhile) fails the whole commit, before anything is applied.
   */
  commit(): { error?: string } {
    for (const [name, view] of this.touched) {
      const rows = this.base.sheet(name).rows;
      for (const row of view.changed.keys()) {
        if (rows.indexOf(view.origin.get(row) as Row) < 0) return { error: 'ModelNotFoundError' };
      }
    }
    for (const [name, view] of this.touched) {
      const sheet = this.base.sheet(name);
      for (const [row, columns] of view.changed) {
        const target = view.origin.get(row) as Row;
        columns.forEach((c) => (target.cells[c] = row.cells[c]));
      }
      view.removed.forEach((row) => sheet.remove(row));
      view.copy.rows.filter((row) => view.added.has(row)).forEach((row) => sheet.append(row.cells));
    }
    return {};
  }

  private view(name: SheetName): TxSheet {
    let view = this.touched.get(name);
    if (!view) {
      const { sheet, origin } = this.base.sheet(name).copy();
      view = { copy: sheet, origin, changed: new Map(), added: new Set(), removed: [] };
      this.touched.set(name, view);
    }
    return view;
  }
}
