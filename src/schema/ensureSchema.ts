/**
 * `SheetORM.ensureSchema([Post, Tag])`: creates missing sheets and appends missing header columns,
 * never touching existing data. Changes are made under the configured lock; finding nothing to
 * change takes none.
 */
import type { ModelClass } from '../model/Model';
import { ValidationError } from '../errors';
import { acquireLock } from '../storage/lock';
import { Header } from '../storage/Header';
import { once, retried } from '../storage/service';
import { forgetHandles, openSpreadsheet, spreadsheetName } from '../storage/TableRef';
import { forgetSessionSheets, inUnitOfWork } from '../storage/UnitOfWork';
import { toCell } from '../support/cells';
import { declaredSchemas, SheetSchema } from './declared';
import { spreadsheetIdOf, timeZoneOf } from '../storage/sheetsApi/api';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What ensureSchema changed. */
export interface SchemaReport {
  /** Sheets created, with their header. */
  created: Record<string, string[]>;
  /** Columns appended to existing sheets. */
  added: Record<string, string[]>;
}

/** Creates the sheets and header columns the models declare but the spreadsheet lacks. */
export function ensureSchema(models: readonly ModelClass[]): SchemaReport {
  if (!Array.isArray(models) || Array.from(models).some((m) => typeof m !== 'function' || typeof m.$getRelation !== 'function')) {
    throw new ValidationError('SheetORM.ensureSchema(models): pass an array of model classes, e.g. ensureSchema([Post, Tag]).');
  }
  if (inUnitOfWork()) {
    // Its changes cannot be undone with the transaction's, and taking the lock again would release it.
    throw new ValidationError('SheetORM.ensureSchema() cannot run inside SheetORM.transaction(); call it before the transaction.');
  }
  const schemas = declaredSchemas(models);
  const report: SchemaReport = { created: {}, added: {} };
  // Run at the start of every execution, it usually finds nothing to do: that look takes no lock.
  // Anything else it finds, a problem included, is decided by a second look under the lock.
  if (nothingMissing(schemas)) return report;
  const held = acquireLock('SheetORM.ensureSchema');
  let wrote = false;
  try {
    // Looked at again under the lock (another execution may have added them meanwhile); every
    // problem is found before the first sheet is changed.
    const names = new Map<Spreadsheet, string[]>();
    const plans = planAll(schemas, names);
    const done = new Set<string>();
    for (const plan of plans) {
      // One sheet reached under two spreadsheet keys (pinned by id, and as the configured one): look again.
      const again = done.has(plan.schema.sheetName);
      done.add(plan.schema.sheetName);
      wrote = applyPlan(again ? planSchema(plan.schema, names) : plan, report) || wrote;
    }
  } finally {
    if (wrote) {
      forgetHandles();
      forgetSessionSheets();
    }
    held.release(wrote);
  }
  return report;
}

/** Whether every sheet and column is there, looked at without the lock (false when in doubt). */
function nothingMissing(schemas: readonly SheetSchema[]): boolean {
  try {
    return planAll(schemas).every((plan) => plan.existing && !plan.missing.length);
  } catch (error) {
    // Another execution may be creating a sheet right now (a name clash seen mid-way): look again under the lock.
    if (error instanceof ValidationError) return false;
    throw error;
  }
}

/** What every sheet needs, checked for names Sheets would refuse. */
function planAll(schemas: readonly SheetSchema[], names = new Map<Spreadsheet, string[]>()): SchemaPlan[] {
  const plans = schemas.map((schema) => planSchema(schema, names));
  assertNoCaseClash(plans);
  return plans;
}

/** What one sheet needs: to be created, or the columns missing from its header. */
interface SchemaPlan {
  schema: SheetSchema;
  spreadsheet: Spreadsheet;
  existing: Sheet | null;
  start: number;
  missing: string[];
}

/** `names` caches each spreadsheet's sheet names, asked for once when a sheet is missing. */
function planSchema(schema: SheetSchema, names: Map<Spreadsheet, string[]>): SchemaPlan {
  const spreadsheet = openSpreadsheet(schema.spreadsheetId);
  const existing = retried('Spreadsheet.getSheetByName', () => spreadsheet.getSheetByName(schema.sheetName));
  if (!existing) {
    // Sheet names are unique whatever their case: insertSheet would fail on "posts" beside "Posts".
    let known = names.get(spreadsheet);
    if (!known) {
      known = retried('Spreadsheet.getSheets', () => spreadsheet.getSheets()).map((sheet) => sheet.getName());
      names.set(spreadsheet, known);
    }
    const clash = known.find((name) => name.toLowerCase() === schema.sheetName.toLowerCase());
    if (clash === schema.sheetName) {
      // Made meanwhile (by a person, or a script that takes no lock): planned as it is now.
      const made = retried('Spreadsheet.getSheetByName', () => spreadsheet.getSheetByName(schema.sheetName));
      if (made) return planExisting(schema, spreadsheet, made);
    }
    if (clash) {
      throw new ValidationError(
        `SheetORM.ensureSchema(): ${schema.owner} needs a sheet "${schema.sheetName}", and spreadsheet "${spreadsheetName(spreadsheet)}" has "${clash}", a name that differs only in case (Sheets allows one of them); use "${clash}" (_table, or the relation's pivot name) or rename that sheet. Nothing was changed.`,
      );
    }
    if (schema.sheetName.length > 100) {
      throw new ValidationError(
        `SheetORM.ensureSchema(): ${schema.owner} needs a sheet "${schema.sheetName.slice(0, 40)}…" of ${schema.sheetName.length} characters, and Sheets allows at most 100; shorten the name (_table, or the relation's pivot name). Nothing was changed.`,
      );
    }
    return { schema, spreadsheet, existing: null, start: 1, missing: schema.columns };
  }
  return planExisting(schema, spreadsheet, existing);
}

/** The columns an existing sheet's header lacks. */
function planExisting(schema: SheetSchema, spreadsheet: Spreadsheet, existing: Sheet): SchemaPlan {
  const lastColumn = retried('Sheet.getLastColumn', () => existing.getLastColumn());
  const row = lastColumn ? retried('Range.getValues', () => existing.getRange(1, 1, 1, lastColumn).getValues()[0]) : [];
  const where = { describe: () => `sheet "${schema.sheetName}" in spreadsheet "${spreadsheetName(spreadsheet)}"` };
  const header = Header.parse(row, where, lastColumn, `SheetORM.ensureSchema(): ${schema.owner}`, () => timeZoneOf(spreadsheet));
  return { schema, spreadsheet, existing, start: header.width + 1, missing: schema.columns.filter((column) => !header.has(column)) };
}

/** Two sheets to create whose names differ only in case: Sheets would refuse the second. */
function assertNoCaseClash(plans: readonly SchemaPlan[]): void {
  const creating = plans.filter((plan) => !plan.existing);
  for (const plan of creating) {
    const other = creating.find(
      (o) =>
        o.schema.sheetName !== plan.schema.sheetName &&
        o.schema.sheetName.toLowerCase() === plan.schema.sheetName.toLowerCase() &&
        // One spreadsheet may be reached through two handles (the active one, and by its id).
        (o.spreadsheet === plan.spreadsheet || spreadsheetIdOf(o.spreadsheet) === spreadsheetIdOf(plan.spreadsheet)),
    );
    if (other) {
      throw new ValidationError(
        `SheetORM.ensureSchema(): ${plan.schema.owner} needs a sheet "${plan.schema.sheetName}" and ${other.schema.owner} one named "${other.schema.sheetName}"; Sheets allows only one of these names, whatever the case. Use one spelling. Nothing was changed.`,
      );
    }
  }
}

function applyPlan({ schema, spreadsheet, existing, start, missing }: SchemaPlan, report: SchemaReport): boolean {
  if (!existing) {
    const sheet = once('Spreadsheet.insertSheet', () => spreadsheet.insertSheet(schema.sheetName));
    growColumns(sheet, schema.columns.length);
    writeHeader(sheet, 1, schema.columns);
    once('Sheet.setFrozenRows', () => sheet.setFrozenRows(1));
    report.created[schema.sheetName] = schema.columns.slice();
    return true;
  }
  if (!missing.length) return false;
  growColumns(existing, start + missing.length - 1);
  writeHeader(existing, start, missing);
  // A sheet reached twice (or a same-named sheet elsewhere) adds to what it reported before.
  report.added[schema.sheetName] = (report.added[schema.sheetName] || []).concat(missing);
  return true;
}

/** Adds columns so the sheet has at least `needed` (a new sheet has 26). */
function growColumns(sheet: Sheet, needed: number): void {
  const maxColumns = retried('Sheet.getMaxColumns', () => sheet.getMaxColumns());
  if (needed > maxColumns) once('Sheet.insertColumnsAfter', () => sheet.insertColumnsAfter(maxColumns, needed - maxColumns));
}

function writeHeader(sheet: Sheet, column: number, names: string[]): void {
  if (!names.length) return;
  const cells = [names.map((name) => toCell(name, { describe: () => `header "${name}"` }))];
  retried('Range.setValues', () => sheet.getRange(1, column, 1, names.length).setValues(cells));
}
