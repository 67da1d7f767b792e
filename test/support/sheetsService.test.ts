/** Whether the Sheets advanced service counts as enabled: all three calls sheetorm makes, or none. */
import { configure } from '../../src';
import { enabledSheetsService } from '../../src/support/sheetsService';

describe('enabledSheetsService', () => {
  const global = globalThis as { Sheets?: unknown };
  let installed: unknown;
  beforeEach(() => (installed = global.Sheets));
  afterEach(() => {
    if (installed === undefined) delete global.Sheets;
    else global.Sheets = installed;
  });
  const call = () => ({});

  it('a Sheets object with batchGet, Values.batchUpdate and Spreadsheets.batchUpdate is the service', () => {
    const sheets = { Spreadsheets: { batchUpdate: call, Values: { batchGet: call, batchUpdate: call } } };
    global.Sheets = sheets;
    expect(enabledSheetsService()).toBe(sheets);
  });

  it.each([
    ['Spreadsheets.batchUpdate', { Spreadsheets: { Values: { batchGet: call, batchUpdate: call } } }],
    ['Values.batchUpdate', { Spreadsheets: { batchUpdate: call, Values: { batchGet: call } } }],
    ['Values.batchGet', { Spreadsheets: { batchUpdate: call, Values: { batchUpdate: call } } }],
  ])('a stand-in lacking %s is no service, and sheetsApi: true is refused', (_missing, sheets) => {
    global.Sheets = sheets;
    expect(enabledSheetsService()).toBeNull();
    expect(() => configure({ sheetsApi: true })).toThrow(/configure\({ sheetsApi: true }\): the Sheets advanced service is not enabled/);
  });
});
