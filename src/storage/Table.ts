/**
 * A sheet read into memory: the header, one entry per data row, and the changes made to it in the
 * current unit of work. Storage knows nothing of models: rows are arrays in header order.
 */
import { DuplicateKeyError, ValidationError } from '../errors';
import { isPlainCell, validateCell } from '../support/cells';
import { CellValue, cloneValue, describeValue, fromCell, isDate, Key } from '../support/values';
import { Header, headerText } from './Header';
import { KeyStats } from './KeyStats';
import { keyOf, Row, RowEntry } from './RowEntry';
import { RowIndexes } from './RowIndexes';
import { GroupKey, RowGroups } from './RowGroups';
import { blanksToNull, dataWidth, hasContent, isPlaceholder } from './readRows';
import { retried } from './service';
import { timeZoneOf } from './sheetsApi/api';
import { OpenedSheet, reopenSheet, TableRef } from './TableRef';

export { keyOf, RowEntry } from './RowEntry';
export type { Row } from './RowEntry';

/** Undo records, so a failed operation inside a transaction leaves no trace. */
export type Undo = () => void;

/** A sheet's rows in memory, with the pending inserts, updates and deletions of a unit of work. */
export class Table {
  readonly ref: TableRef;
  /** The sheet's handle (replaced when a re-check finds the sheet was deleted and made again). */
  opened: OpenedSheet;
  readonly header: Header;
  /** Last sheet row with content when read or last written (0 for an empty sheet). */
  lastRow: number;
  /**
   * The rows below the last record that are no records (unticked checkboxes or formulas filled
   * down), as read: new rows go there first, leaving what those rows hold where a new row has no value.
   */
  filler: CellValue[][];
  journal: Undo[] | null = null;
  private readonly indexes = new RowIndexes(() => this.entries);
  private readonly groups = new RowGroups(() => this.entries);
  private readonly keyStats = new KeyStats(() => this.liveValues());
  private deletedCount = 0;
  /** Row entries, made on first use: a read-only join of a big sheet needs only its values. */
  private entryList: RowEntry[] | null = null;
  private asRead: { values: CellValue[][]; rowNumbers: number[] } | null;
  /** Rows inserted while the read rows have no entries (an insert into a big sheet makes none). */
  private added: RowEntry[] = [];

  private constructor(ref: TableRef, opened: OpenedSheet, header: Header, values: CellValue[][], rowNumbers: number[], lastRow: number, filler: CellValue[][]) {
    this.ref = ref;
    this.opened = opened;
    this.header = header;
    this.asRead = { values, rowNumbers };
    this.lastRow = lastRow;
    this.filler = filler;
  }

  /** The sheet row new rows start at: below the last record, over the filler rows. */
  get appendAt(): number {
    return this.lastRow - this.filler.length + 1;
  }

  /** One entry per data row (empty rows skipped), then the rows inserted since the read. */
  get entries(): RowEntry[] {
    if (!this.entryList) {
      const { values, rowNumbers } = this.asRead as { values: CellValue[][]; rowNumbers: number[] };
      // `original` shares the array until the first change (copy on write in set()).
      const list = values.map((cells, i) => new RowEntry(cells, rowNumbers[i], cells));
      for (const entry of this.added) list.push(entry);
      this.entryList = list;
      this.added = [];
      this.asRead = null;
    }
    return this.entryList;
  }

  /** The entries that may hold changes: every entry, or only the inserted ones while read rows have none. */
  get pending(): readonly RowEntry[] {
    return this.entryList || this.added;
  }

  /** How many rows the table holds (deleted ones included until settled). */
  get size(): number {
    return this.entryList ? this.entryList.length : (this.asRead as { values: CellValue[][] }).values.length + this.added.length;
  }

  /** Whether any row has an entry (until then every row is exactly as read). */
  get hasEntries(): boolean {
    return this.entryList !== null || this.added.length > 0;
  }

  /** The current values of the live rows; callers must not change the arrays. */
  liveValues(): readonly Row[] {
    if (this.entryList) return this.rows().map((entry) => entry.values);
    const values = (this.asRead as { values: CellValue[][] }).values;
    if (!this.added.length) return values;
    return values.concat(this.added.filter((entry) => !entry.deleted).map((entry) => entry.values));
  }

  /** The first non-empty value of a column among the live rows, or null. */
  firstValue(column: number): CellValue {
    // Stops at the first hit: attach asks this once per id.
    if (!this.entryList) {
      const values = (this.asRead as { values: CellValue[][] }).values;
      for (let i = 0; i < values.length; i++) if (values[i][column] !== null) return values[i][column];
    }
    const entries = this.entryList || this.added;
    for (let i = 0; i < entries.length; i++) if (!entries[i].deleted && entries[i].values[column] !== null) return entries[i].values[column];
    return null;
  }

  /** Each row as read or last written, by sheet row (rows not yet written have none). */
  writtenRows(): Map<number, Row> {
    const rows = new Map<number, Row>();
    if (this.asRead) {
      const { values, rowNumbers } = this.asRead;
      for (let i = 0; i < values.length; i++) rows.set(rowNumbers[i], values[i]);
    } else {
      const entries = this.entries;
      for (let i = 0; i < entries.length; i++) if (entries[i].rowNumber !== null) rows.set(entries[i].rowNumber as number, entries[i].original || entries[i].values);
    }
    return rows;
  }

  /** Reads a sheet with one `getDataRange().getValues()`. */
  static read(ref: TableRef, opened: OpenedSheet): Table {
    const readValues = ({ sheet }: OpenedSheet) => retried(`"${ref.sheetName}" getDataRange().getValues()`, () => sheet.getDataRange().getValues());
    let values: unknown[][];
    try {
      values = readValues(opened);
    } catch (error) {
      // A handle kept from an earlier operation fails once its sheet is deleted: open it by name again.
      const reopened = reopenSheet(ref, opened);
      if (!reopened) throw error;
      return Table.fromValues(ref, reopened, readValues(reopened));
    }
    return Table.fromValues(ref, opened, values);
  }

  /** Builds a table from the values of a sheet's data range. */
  static fromValues(ref: TableRef, opened: OpenedSheet, values: unknown[][]): Table {
    const headerRow = values[0] || [];
    // A last header of only spaces is blank too: data under it must not be dropped silently.
    const trailingBlank = headerRow.length > 0 && headerText(headerRow[headerRow.length - 1]) === '';
    const header = Header.parse(headerRow, opened, trailingBlank ? dataWidth(values) : 0, ref.owner, () => timeZoneOf(opened.spreadsheet));
    const width = header.width;
    const keyIndexes = ref.keyColumns.map((name) => header.indexOf(name));
    const keys = keyIndexes.length && keyIndexes.every((index) => index >= 0) ? keyIndexes : null;
    // Sized once and cut to the rows kept: pushing 500,000 rows would regrow both ~30 times.
    const rows = new Array<CellValue[]>(Math.max(0, values.length - 1));
    const rowNumbers = new Array<number>(rows.length);
    let kept = 0;
    for (let r = 1; r < values.length; r++) {
      const cells = values[r] as CellValue[];
      if (blanksToNull(cells, width) || isPlaceholder(cells, keys)) continue;
      rows[kept] = cells;
      rowNumbers[kept++] = r + 1;
    }
    rows.length = kept;
    rowNumbers.length = kept;
    const lastRow = values.length === 1 && width === 0 && !hasContent(headerRow) ? 0 : values.length;
    const lastRecord = kept ? rowNumbers[kept - 1] : Math.min(1, lastRow);
    return new Table(ref, opened, header, rows, rowNumbers, lastRow, values.slice(lastRecord, lastRow) as CellValue[][]);
  }

  /** Live rows (not deleted), in sheet order then insertion order. */
  rows(): RowEntry[] {
    return this.deletedCount ? this.entries.filter((entry) => !entry.deleted) : this.entries.slice();
  }

  /** 0-based column position, or ColumnNotFoundError naming `owner`. */
  column(name: string, owner = this.ref.owner): number {
    const { keySetting, keyColumns } = this.ref;
    if (!keySetting || keyColumns.indexOf(name) < 0 || this.header.has(name)) return this.header.require(name, owner, this.opened);
    const example = this.header.names.filter((column) => /_id$/i.test(column)).slice(0, 2);
    const composite = example.length === 2 ? `, such as ['${example.join("', '")}']` : '';
    return this.header.require(name, owner, this.opened, `; "${name}" is ${keyColumns.length > 1 ? 'part of ' : ''}the primary key: set ${keySetting} to the column that identifies a row (an array of columns for a composite key${composite})`);
  }

  /** The entry whose key columns hold `key` (normalised), if any. */
  find(columns: readonly number[], key: Key): RowEntry | undefined {
    return this.index(columns).get(key);
  }

  /** A Map from normalised key to entry for the given key columns (built once, kept up to date). */
  index(columns: readonly number[]): Map<Key, RowEntry> {
    return this.indexes.get(columns);
  }

  /** The live rows per normalised value of a column, in order (built once, kept up to date). */
  groupedBy(column: number): Map<Key, RowEntry[]> {
    return this.groups.get(column);
  }

  /** The live rows whose `column` holds `key` under `keyOf`, in order; null while a scan is cheaper (see RowGroups.lookup). */
  rowsHolding(column: number, keyOf: GroupKey, key: unknown): readonly RowEntry[] | null {
    return this.groups.lookup(column, keyOf, key);
  }

  /** Whether more than one live row holds `key` (normalised) in the given key columns. */
  isDuplicated(columns: readonly number[], key: Key): boolean {
    return this.indexes.isDuplicated(columns, key);
  }

  /** The sheet rows whose key columns hold `key` (normalised), for error messages. */
  rowNumbersHolding(columns: readonly number[], key: Key): number[] {
    const rows: number[] = [];
    for (const entry of this.rows()) if (entry.rowNumber !== null && keyOf(entry.values, columns) === key) rows.push(entry.rowNumber);
    return rows;
  }

  /** Adds a new row; values are validated now so nothing bad reaches the sheet. */
  insert(record: Readonly<Record<string, unknown>>, owner: string, uniqueColumns: readonly number[] = []): RowEntry {
    this.requireHeader(owner);
    const values = this.blankRow();
    for (const name of Object.keys(record)) {
      const value = record[name];
      if (value !== undefined) values[this.column(name, owner)] = this.cell(value, owner, name);
    }
    return this.insertRow(values, owner, uniqueColumns);
  }

  /** A row of empty cells, as wide as the header. */
  blankRow(): CellValue[] {
    const values: CellValue[] = new Array(this.header.width);
    for (let i = 0; i < values.length; i++) values[i] = null;
    return values;
  }

  /** Adds a new row whose values are in header order and came from `cell()`. */
  insertRow(values: CellValue[], owner: string, uniqueColumns: readonly number[] = []): RowEntry {
    if (uniqueColumns.length) this.assertUnique(values, uniqueColumns, owner);
    const entry = new RowEntry(values, null, null);
    (this.entryList || this.added).push(entry);
    this.afterInsert(entry);
    this.journal?.push(() => {
      // The entry may have moved from `added` to the entry list since (or left both when settled).
      const list = this.entryList || this.added;
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
      this.afterChange(null);
      if (entry.onWithdraw) entry.onWithdraw.forEach((withdraw) => withdraw());
    });
    return entry;
  }

  /** Changes one cell of a row. */
  set(entry: RowEntry, column: number, value: unknown, owner: string): void {
    const name = this.header.names[column];
    const next = this.cell(value, owner, name);
    if (entry.values === entry.original) entry.values = entry.values.slice();
    const previous = entry.values[column];
    const hadChanged = entry.changed ? new Set(entry.changed) : null;
    entry.values[column] = next;
    if (entry.original) {
      entry.changed = entry.changed || new Set();
      entry.changed.add(column);
    }
    this.afterChange(column);
    this.journal?.push(() => {
      entry.values[column] = previous;
      entry.changed = hadChanged;
      this.afterChange(column);
    });
  }

  /** Marks a row for deletion. */
  remove(entry: RowEntry): void {
    if (entry.deleted) return;
    entry.deleted = true;
    this.deletedCount++;
    // Kept up to date rather than rebuilt: scripts delete models one by one in a loop.
    this.indexes.noteRemove(entry);
    this.groups.noteRemove(entry);
    this.keyStats.noteRemove(entry.values);
    this.journal?.push(() => {
      entry.deleted = false;
      this.deletedCount--;
      this.afterChange(null);
    });
  }

  /** `max + 1` of the numeric keys in a column (text holding a whole number counts). */
  nextKey(column: number): number {
    const max = this.keyStats.max(column);
    const next = Math.floor(max) + 1;
    // Past 2^53, max + 1 can equal max: two new rows would share a key.
    if (!Number.isSafeInteger(next)) {
      throw new ValidationError(
        `${this.ref.owner}: ${this.opened.describe()}: the largest key in column "${this.header.names[column]}" is ${max}, and keys past ${Number.MAX_SAFE_INTEGER} lose precision; supply the keys yourself or set _keyType = 'uuid'. Nothing was written.`,
      );
    }
    return next;
  }

  /** Whether the column's numeric keys are mostly text ('1', '2'), as counted by nextKey(). */
  keysAreText(column: number): boolean {
    return this.keyStats.keysAreText(column);
  }

  /** Whether the column holds more text than numbers ('A-100' or '7' against 7). */
  holdsText(column: number): boolean {
    return this.keyStats.holdsText(column);
  }

  /** Whether any row was added, changed or deleted. */
  hasChanges(): boolean {
    // Rows get entries before any change, so a table without them is as read.
    return this.pending.some((e) => (e.deleted ? e.rowNumber !== null : e.rowNumber === null || !!e.changed?.size));
  }

  /**
   * Makes the table match the sheet after its plan was written where it was read: deleted rows
   * leave, rows below them move up, new rows get their row numbers, and every row is clean.
   */
  settle(appendAt: number, deletedRows: readonly number[], appended: number, overFiller: number): void {
    const deleted = deletedRows.slice().sort((a, b) => a - b);
    // Rows come in ascending order (sheet order, then appended), so one pointer walks the deletions.
    let below = 0;
    let last = 0;
    const shift = (row: number) => {
      if (row < last) below = 0;
      last = row;
      while (below < deleted.length && deleted[below] < row) below++;
      return row - below;
    };
    let next = appendAt;
    let highest = this.lastRow;
    // New rows took filler rows from `appendAt` (the top, or below a ticked box); rows appended below them leave none below the last record.
    if (appended) this.filler = overFiller === appended ? this.filler.slice(appendAt - this.appendAt + overFiller) : [];
    if (this.asRead) {
      // Only inserted rows can have changed: they join the rows as read.
      for (const entry of this.added) {
        if (entry.deleted) continue;
        const row = next++;
        if (row > highest) highest = row;
        this.asRead.values.push(entry.values);
        this.asRead.rowNumbers.push(row);
      }
      this.added = [];
      this.finishSettle(highest, deleted);
      return;
    }
    let kept = 0;
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.deleted) continue;
      const row = entry.rowNumber === null ? next++ : entry.rowNumber;
      if (row > highest) highest = row;
      entry.rowNumber = shift(row);
      entry.original = entry.values;
      entry.changed = null;
      this.entries[kept++] = entry;
    }
    this.entries.length = kept;
    this.finishSettle(highest, deleted);
  }

  private finishSettle(highest: number, deleted: readonly number[]): void {
    this.deletedCount = 0;
    this.lastRow = highest - deleted.filter((row) => row <= highest).length;
    this.journal = null;
    this.afterChange(null);
  }

  /** Throws unless row 1 names the columns. */
  requireHeader(owner: string): void {
    if (this.header.width === 0) {
      throw new ValidationError(
        `${owner}: ${this.opened.describe()} has no header row; put the column names in row 1 (or run SheetORM.ensureSchema).`,
      );
    }
  }

  private assertUnique(values: CellValue[], columns: readonly number[], owner: string): void {
    const key = keyOf(values, columns);
    const holder = key === '' ? undefined : this.index(columns).get(key);
    if (holder) {
      const names = columns.map((c) => this.header.names[c]);
      const shown = columns.map((c) => describeValue(values[c])).join(', ');
      // The holder may be a row of the sheet, or one added earlier in this same write.
      const where = holder.rowNumber !== null ? `${this.opened.describe()} already has a row with` : `another new row for ${this.opened.describe()} in this write has`;
      // Ids of rows copied elsewhere (an archive) come back: a sheet's new rows take max + 1 of the keys it holds now.
      const reused =
        holder.rowNumber !== null && columns.length === 1 && typeof values[columns[0]] === 'number'
          ? ` (new rows take max + 1 of the ids a sheet holds, so deleting the rows with the highest ids, as an archive job does, hands them out again: _keyType = 'uuid' gives ids that never come back)`
          : '';
      throw new DuplicateKeyError(`${owner}: ${where} ${names.join(', ')} = ${shown}; give each row its own key${reused}. Nothing was written.`);
    }
  }

  /** A value as this table stores it in `column`: validated, Dates copied, blanks as null. */
  cell(value: unknown, owner: string, column: string): CellValue {
    if (isPlainCell(value)) return value === '' || value === undefined ? null : (value as CellValue);
    if (isDate(value) && !isNaN(value.getTime())) return new Date(value.getTime());
    // Only values that need a closer look get a description of their cell.
    validateCell(value, { describe: () => `${owner}.${column} (${this.opened.describe()})` });
    return fromCell(cloneValue(value));
  }

  private afterInsert(entry: RowEntry): void {
    this.indexes.noteInsert(entry);
    this.groups.noteInsert(entry);
    this.keyStats.noteInsert(entry.values);
  }

  private afterChange(column: number | null): void {
    // Indexes and key facts are rebuilt lazily: cheap, and always right after undo.
    this.indexes.forget(column);
    this.groups.forget(column);
    this.keyStats.forget(column);
  }
}
