/**
 * A separate copy of the library, as a second Apps Script execution would have: executions share
 * spreadsheets and locks, never module state.
 */
import type * as SheetORM from '../../src';

/** Loads an independent instance of sheetorm's modules. */
export function freshLibrary(): typeof SheetORM {
  let lib: typeof SheetORM | undefined;
  jest.isolateModules(() => {
    lib = require('../../src');
  });
  return lib as typeof SheetORM;
}
