/** The fake TextFinder: searches the shown text (or formulas) of a sheet or range, row by row. */
import type { Box } from './a1';
import { invoke } from './calls';
import { displayText } from './display';
import { checkSignature } from './errors';
import { cellAt, hasContent, readFormat, readValue } from './grid';
import type { SheetData } from './model';
import { makeRange, rangeState } from './range';
import { liveSheet } from './sheet';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spot = { row: number; col: number };

interface FinderState {
  sheet: SheetData;
  box: Box;
  text: string;
  matchCase: boolean;
  entireCell: boolean;
  regex: boolean;
  formulaText: boolean;
  ignoreDiacritics: boolean;
  cursor?: Spot;
  current?: Spot;
}

const states = new WeakMap<object, FinderState>();

/** Creates a TextFinder over a box of a sheet. */
export function makeTextFinder(sheet: SheetData, box: Box, text: string): TextFinder {
  const finder = new FakeTextFinder();
  const defaults = { matchCase: false, entireCell: false, regex: false, formulaText: false, ignoreDiacritics: false };
  states.set(finder, { sheet, box, text, ...defaults });
  return finder as unknown as TextFinder;
}

function on<T>(fake: object, method: string, args: IArguments, body: (state: FinderState) => T): T {
  const state = states.get(fake)!;
  const where = { sheet: state.sheet.name, spreadsheetId: state.sheet.book.id };
  return invoke(state.sheet.book.world, `TextFinder.${method}`, where, args, () => body((liveSheet(state.sheet), state)));
}

function plain(text: string, state: FinderState): string {
  return state.ignoreDiacritics ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}

function matches(state: FinderState): Spot[] {
  const source = state.regex ? state.text : plain(state.text, state).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(state.entireCell ? `^(?:${source})$` : source, state.matchCase ? '' : 'i');
  const found: Spot[] = [];
  const { sheet, box } = state;
  for (let row = box.row; row < box.row + box.numRows && row <= sheet.rows.length; row++) {
    for (let col = box.col; col < box.col + box.numCols; col++) {
      const cell = cellAt(sheet, row, col);
      if (!hasContent(cell)) continue;
      const shown = state.formulaText && cell!.formula ? cell!.formula : displayText(readValue(sheet, row, col), readFormat(sheet, row, col), sheet.book.timeZone);
      if (pattern.test(plain(shown, state))) found.push({ row, col });
    }
  }
  return found;
}

const before = (a: Spot, b: Spot) => a.row < b.row || (a.row === b.row && a.col < b.col);

function rangeAt(state: FinderState, spot: Spot | undefined): Range | null {
  return spot ? makeRange(state.sheet, { ...spot, numRows: 1, numCols: 1 }) : null;
}

function option(fake: FakeTextFinder, method: string, args: IArguments, key: 'matchCase' | 'entireCell' | 'regex' | 'formulaText' | 'ignoreDiacritics'): TextFinder {
  return on(fake, method, args, (s) => {
    checkSignature(args.length === 1 && typeof args[0] === 'boolean', args, `SpreadsheetApp.TextFinder.${method}`);
    s[key] = args[0] as boolean;
    return fake as unknown as TextFinder;
  });
}

class FakeTextFinder {
  findAll(): Range[] {
    return on(this, 'findAll', arguments, (s) => matches(s).map((spot) => rangeAt(s, spot)!));
  }

  findNext(): Range | null {
    return on(this, 'findNext', arguments, (s) => {
      const from = s.current ?? s.cursor;
      const next = matches(s).find((spot) => !from || before(from, spot));
      if (next) s.current = next;
      return rangeAt(s, next);
    });
  }

  findPrevious(): Range | null {
    return on(this, 'findPrevious', arguments, (s) => {
      const from = s.current ?? s.cursor;
      const previous = matches(s).filter((spot) => !from || before(spot, from)).pop();
      if (previous) s.current = previous;
      return rangeAt(s, previous);
    });
  }

  getCurrentMatch(): Range | null {
    return on(this, 'getCurrentMatch', arguments, (s) => rangeAt(s, s.current));
  }

  startFrom(startRange: Range): TextFinder {
    const args = arguments;
    return on(this, 'startFrom', args, (s) => {
      const start = rangeState(startRange);
      checkSignature(args.length === 1 && !!start, args, 'SpreadsheetApp.TextFinder.startFrom');
      s.cursor = { row: start!.row, col: start!.col };
      s.current = undefined;
      return this as unknown as TextFinder;
    });
  }

  matchCase(matchCase: boolean): TextFinder {
    return option(this, 'matchCase', arguments, 'matchCase');
  }

  matchEntireCell(matchEntireCell: boolean): TextFinder {
    return option(this, 'matchEntireCell', arguments, 'entireCell');
  }

  matchFormulaText(matchFormulaText: boolean): TextFinder {
    return option(this, 'matchFormulaText', arguments, 'formulaText');
  }

  useRegularExpression(useRegEx: boolean): TextFinder {
    return option(this, 'useRegularExpression', arguments, 'regex');
  }

  ignoreDiacritics(ignoreDiacritics: boolean): TextFinder {
    return option(this, 'ignoreDiacritics', arguments, 'ignoreDiacritics');
  }
}

/** The fake TextFinder class, for the compile-time API check. */
export type { FakeTextFinder };
