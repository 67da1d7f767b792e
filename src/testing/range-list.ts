/** The fake RangeList: ranges of one sheet, given in A1 notation, that one call writes together. */
import { invoke } from './calls';
import { checkSignature } from './errors';
import type { SheetData } from './model';
import { setEveryCell } from './range';
import { liveSheet } from './sheet';

type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

const states = new WeakMap<object, { sheet: SheetData; ranges: Range[] }>();

/** Creates a RangeList over ranges already checked against the sheet. */
export function makeRangeList(sheet: SheetData, ranges: Range[]): RangeList {
  const list = new FakeRangeList();
  states.set(list, { sheet, ranges });
  return list as unknown as RangeList;
}

function on<T>(list: object, method: string, args: IArguments, body: (ranges: Range[]) => T): T {
  const state = states.get(list)!;
  return invoke(state.sheet.book.world, `RangeList.${method}`, { sheet: state.sheet.name, spreadsheetId: state.sheet.book.id }, args, () => body((liveSheet(state.sheet), state.ranges)));
}

class FakeRangeList {
  getRanges(): Range[] {
    return on(this, 'getRanges', arguments, (ranges) => ranges.slice());
  }

  /** As Range.setValue on each range: every cell gets the value (text Sheets parses as it would typed). */
  setValue(value: any): RangeList {
    const args = arguments;
    return on(this, 'setValue', args, (ranges) => {
      checkSignature(args.length === 1, args, 'SpreadsheetApp.RangeList.setValue');
      setEveryCell(ranges, value);
      return this as unknown as RangeList;
    });
  }
}
