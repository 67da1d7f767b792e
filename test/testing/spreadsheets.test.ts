import { createAppsScript } from '../../src/testing';

describe('SpreadsheetApp', () => {
  it('opens the active spreadsheet with its name, id, url, zone and locale', () => {
    const env = createAppsScript({ spreadsheetName: 'Blog', spreadsheetId: 'blog-id', timeZone: 'Europe/Paris' });
    const ss = env.SpreadsheetApp.getActiveSpreadsheet();
    expect([ss.getName(), ss.getId(), ss.getUrl()]).toEqual(['Blog', 'blog-id', 'https://docs.google.com/spreadsheets/d/blog-id/edit']);
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['Europe/Paris', 'en_US']);
    expect(env.SpreadsheetApp.getActive().getId()).toBe('blog-id');
  });

  it('sets a spreadsheet\'s own time zone, which its date cells then read in; an unknown zone is not simulated', () => {
    const env = createAppsScript({ timeZone: 'UTC', sheets: { S: [['at'], ['2024-01-10']] } });
    const ss = env.active;
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    ss.getSheetByName('S')!.getRange('A3').setValue('2024-01-10');
    expect(ss.getSheetByName('S')!.getRange('A3').getValue()).toEqual(new Date(Date.UTC(2024, 0, 9, 15)));
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow(/names no known time zone/);
    expect(() => (ss.setSpreadsheetTimeZone as (zone: unknown) => void)(5)).toThrow("The parameters (number) don't match the method signature for SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone.");
  });

  it('defaults to "Test Spreadsheet" with one blank Sheet1 and a generated id', () => {
    const env = createAppsScript();
    expect(env.active.getName()).toBe('Test Spreadsheet');
    expect(env.active.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(env.active.getId()).toMatch(/^[\w-]{44}$/);
    expect(env.active.getSpreadsheetTimeZone()).toBe('Etc/UTC');
  });

  it('opens added spreadsheets by id, and throws the real message for an unknown id', () => {
    const env = createAppsScript();
    env.addSpreadsheet({ Logs: [['at']] }, { id: 'logs-id', name: 'Logs' });
    expect(env.SpreadsheetApp.openById('logs-id').getSheetByName('Logs')!.getRange('A1').getValue()).toBe('at');
    expect(() => env.SpreadsheetApp.openById('missing')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('opens spreadsheets by URL, matching on the id after /d/', () => {
    const env = createAppsScript({ spreadsheetId: 'main-id' });
    const logs = env.addSpreadsheet({ Logs: [['at']] }, { id: 'logs-id', name: 'Logs' });
    expect(env.SpreadsheetApp.openByUrl(logs.getUrl()).getName()).toBe('Logs');
    expect(env.SpreadsheetApp.openByUrl('https://docs.google.com/spreadsheets/d/logs-id/edit#gid=0').getId()).toBe('logs-id');
    expect(env.SpreadsheetApp.openByUrl('https://docs.google.com/spreadsheets/d/main-id').getId()).toBe('main-id');
    const unknown = 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.';
    expect(() => env.SpreadsheetApp.openByUrl('https://docs.google.com/spreadsheets/d/missing/edit')).toThrow(unknown);
    expect(() => env.SpreadsheetApp.openByUrl('logs-id')).toThrow(unknown);
    expect(() => env.SpreadsheetApp.openByUrl(5 as never)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.openByUrl.",
    );
    expect(env.calls.count('SpreadsheetApp.openByUrl')).toBe(6);
    // Any id the kit takes opens by its own URL.
    const dotted = env.addSpreadsheet({ S: [['a']] }, { id: 'budget.2024', name: 'Budget' });
    expect(env.SpreadsheetApp.openByUrl(dotted.getUrl()).getName()).toBe('Budget');
  });

  it('creates spreadsheets that can then be opened', () => {
    const env = createAppsScript();
    const created = env.SpreadsheetApp.create('New');
    expect(created.getSheets()[0].getMaxRows()).toBe(1000);
    expect(env.SpreadsheetApp.openById(created.getId()).getName()).toBe('New');
    expect(env.SpreadsheetApp.create('Small', 10, 2).getSheets()[0].getMaxColumns()).toBe(2);
  });

  it('counts flush as a call that does nothing else', () => {
    const env = createAppsScript();
    env.SpreadsheetApp.flush();
    expect(env.calls.count('SpreadsheetApp.flush')).toBe(1);
  });
});

describe('Spreadsheet', () => {
  it('returns null for a sheet that does not exist', () => {
    const env = createAppsScript({ sheets: { Posts: [['id']] } });
    expect(env.active.getSheetByName('Tags')).toBeNull();
    expect(env.active.getSheetByName('Posts')!.getName()).toBe('Posts');
    // Strict: only the exact name finds the sheet.
    expect(env.active.getSheetByName('posts')).toBeNull();
  });

  it('finds sheets by id, tells their index, and ranges their height and width', () => {
    const env = createAppsScript({ sheets: { Posts: [['id']], Tags: [['id']] } });
    const tags = env.active.getSheetByName('Tags')!;
    expect(env.active.getSheetById(tags.getSheetId())!.getName()).toBe('Tags');
    expect(env.active.getSheetById(987654)).toBeNull();
    expect(() => env.active.getSheetById('1' as never)).toThrow(/don't match the method signature/);
    expect([env.active.getSheetByName('Posts')!.getIndex(), tags.getIndex()]).toEqual([1, 2]);
    const range = tags.getRange('B2:D6');
    expect([range.getHeight(), range.getWidth()]).toEqual([5, 3]);
  });

  it('inserts sheets, refusing a duplicate name with the real message', () => {
    const env = createAppsScript({ sheets: { Posts: [['id']] } });
    const tags = env.active.insertSheet('Tags');
    expect(tags.getName()).toBe('Tags');
    expect(env.active.getActiveSheet().getName()).toBe('Tags');
    expect(() => env.active.insertSheet('Tags')).toThrow('A sheet with the name "Tags" already exists. Please enter another name.');
    expect(() => env.active.insertSheet('posts')).toThrow('already exists');
    expect(env.active.insertSheet().getName()).toBe('Sheet3');
    env.active.insertSheet('First', 0);
    expect(env.active.getSheets().map((s) => s.getName())).toEqual(['First', 'Posts', 'Tags', 'Sheet3']);
  });

  it('refuses a sheet name over 100 characters, when inserting and renaming', () => {
    const env = createAppsScript({ sheets: { Posts: [['id']] } });
    expect(env.active.insertSheet('x'.repeat(100)).getName()).toHaveLength(100);
    expect(() => env.active.insertSheet('y'.repeat(101))).toThrow('The sheet name cannot be greater than 100 characters');
    expect(() => env.active.getSheetByName('Posts')!.setName('z'.repeat(101))).toThrow('The sheet name cannot be greater than 100 characters');
    expect(env.active.getSheets().map((s) => s.getName().length)).toEqual([5, 100]);
  });

  it('copies a template sheet', () => {
    const env = createAppsScript({ sheets: { Template: [['id', 'name']] } });
    const copy = env.active.insertSheet('Copy', { template: env.active.getSheetByName('Template')! });
    expect(copy.getRange('A1:B1').getValues()).toEqual([['id', 'name']]);
  });

  it('gives the copy of a template its own cells', () => {
    const env = createAppsScript({ sheets: { Template: [['id', 'name']] } });
    const copy = env.active.insertSheet('Copy', { template: env.active.getSheetByName('Template')! });
    copy.getRange('A1').setValue('changed');
    copy.appendRow([1, 'Ann']);
    expect(env.sheetValues('Template')).toEqual([['id', 'name']]);
    expect(env.sheetValues('Copy')).toEqual([['changed', 'name'], [1, 'Ann']]);
  });

  it('sets the active sheet, as getActiveSheet then reports', () => {
    const env = createAppsScript({ sheets: { A: [], B: [], C: [] } });
    expect(env.active.getActiveSheet().getName()).toBe('A');
    expect(env.active.setActiveSheet(env.active.getSheetByName('B')!).getName()).toBe('B');
    expect(env.active.getActiveSheet().getName()).toBe('B');
    expect(env.SpreadsheetApp.getActiveSheet().getName()).toBe('B');
    env.active.setActiveSheet(env.active.getSheetByName('C')!, true);
    expect(env.active.getActiveSheet().getName()).toBe('C');
    env.SpreadsheetApp.setActiveSheet(env.active.getSheetByName('A')!);
    expect(env.SpreadsheetApp.getActiveSheet().getName()).toBe('A');
    expect(env.calls.count('Spreadsheet.setActiveSheet')).toBe(2);
    expect(env.calls.count('SpreadsheetApp.setActiveSheet')).toBe(1);
  });

  it('refuses setActiveSheet without a sheet of this spreadsheet', () => {
    const env = createAppsScript({ sheets: { A: [] } });
    const other = env.addSpreadsheet({ X: [] }, { id: 'other' }).getSheetByName('X')!;
    const sheet = env.active.getSheetByName('A')!;
    const method = "don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveSheet.";
    expect(() => env.active.setActiveSheet('A' as never)).toThrow(`The parameters (String) ${method}`);
    expect(() => env.active.setActiveSheet(other)).toThrow(`The parameters (Object) ${method}`);
    expect(() => env.active.setActiveSheet(sheet, 'yes' as never)).toThrow(`The parameters (Object,String) ${method}`);
    expect(() => (env.active.setActiveSheet as () => unknown)()).toThrow(`The parameters () ${method}`);
    expect(() => env.SpreadsheetApp.setActiveSheet(null as never)).toThrow('SpreadsheetApp.setActiveSheet.');
  });

  it('deletes sheets but never the last one', () => {
    const env = createAppsScript({ sheets: { A: [], B: [] } });
    env.active.deleteSheet(env.active.getSheetByName('A')!);
    expect(env.active.getSheets().map((s) => s.getName())).toEqual(['B']);
    expect(() => env.active.deleteSheet(env.active.getSheetByName('B')!)).toThrow("You can't remove all the sheets in a document.");
  });

  it('leaves a sheet that still exists active after deleting the active one', () => {
    const env = createAppsScript({ sheets: { A: [], B: [] } });
    env.active.setActiveSheet(env.active.getSheetByName('B')!);
    env.active.deleteSheet(env.active.getSheetByName('B')!);
    expect(env.active.getActiveSheet().getName()).toBe('A');
    expect(env.SpreadsheetApp.getActiveSheet().getRange('A1').getValue()).toBe('');
  });

  it('refuses every call on a sheet handle or range kept after its sheet was deleted', () => {
    const env = createAppsScript({ sheets: { Tmp: [['x'], [1]], Keep: [] } });
    const sheet = env.active.getSheetByName('Tmp')!;
    const range = sheet.getRange(2, 1);
    const finder = sheet.createTextFinder('1');
    const list = sheet.getRangeList(['A1', 'A2']);
    env.active.deleteSheet(sheet);
    env.active.insertSheet('Tmp');
    const gone = 'The sheet "Tmp" has been deleted.';
    expect(() => sheet.getName()).toThrow(gone);
    expect(() => sheet.getRange(2, 1)).toThrow(gone);
    expect(() => sheet.appendRow(['ghost'])).toThrow(gone);
    expect(() => range.getValue()).toThrow(gone);
    expect(() => range.setValue('ghost')).toThrow(gone);
    expect(() => finder.findAll()).toThrow(gone);
    expect(() => list.setValue('ghost')).toThrow(gone);
    expect(() => list.getRanges()).toThrow(gone);
    expect(() => env.active.insertSheet('Copy', { template: sheet })).toThrow(gone);
    // The new sheet of the same name is untouched.
    expect(env.active.getSheetByName('Tmp')!.getLastRow()).toBe(0);
  });

  it('reads ranges in "Sheet!A1" notation, quoted names included', () => {
    const env = createAppsScript({ sheets: { Posts: [['p']], 'My Tags': [['t']] } });
    expect(env.active.getRange('A1').getValue()).toBe('p');
    expect(env.active.getRange("'My Tags'!A1").getValue()).toBe('t');
    expect(env.active.getRange('Posts!A1:B2').getSheet().getName()).toBe('Posts');
  });

  it('hands out a new object on every call, as Apps Script does', () => {
    const env = createAppsScript({ sheets: { Posts: [['id']] } });
    expect(env.active.getSheetByName('Posts')).not.toBe(env.active.getSheetByName('Posts'));
    expect(env.SpreadsheetApp.getActiveSpreadsheet()).not.toBe(env.SpreadsheetApp.getActiveSpreadsheet());
  });

  it('gives sheets ids and parents', () => {
    const env = createAppsScript({ sheets: { A: [], B: [] } });
    const [a, b] = env.active.getSheets();
    expect(a.getSheetId()).toBe(0);
    expect(b.getSheetId()).not.toBe(0);
    expect(b.getParent().getId()).toBe(env.active.getId());
  });

  it('renames sheets, refusing a duplicate', () => {
    const env = createAppsScript({ sheets: { A: [], B: [] } });
    env.active.getSheetByName('A')!.setName('C');
    expect(env.active.getSheetByName('C')).not.toBeNull();
    expect(() => env.active.getSheetByName('C')!.setName('B')).toThrow('already exists');
  });
});

describe('inspecting sheets from a test', () => {
  it('reads values and formulas of any spreadsheet without counting calls', () => {
    const env = createAppsScript({ sheets: { S: [[1, '=A1+1']] } });
    env.addSpreadsheet({ Other: [['x']] }, { id: 'other' });
    expect(env.sheetValues('S')).toEqual([[1, 2]]);
    expect(env.sheetFormulas('S')).toEqual([['', '=A1+1']]);
    expect(env.sheetValues('Other', 'other')).toEqual([['x']]);
    expect(env.calls.count()).toBe(0);
  });

  it('says which sheets exist when asked for a missing one', () => {
    const env = createAppsScript({ sheets: { Posts: [] } });
    expect(() => env.sheetValues('Tags')).toThrow('has no sheet "Tags" (sheets: Posts)');
  });

  it('keeps seeded strings exactly as given, except formulas', () => {
    const env = createAppsScript({ sheets: { S: [['00123', 'TRUE', '2024-01-02', '=1+1', null]] } });
    expect(env.sheetValues('S')).toEqual([['00123', 'TRUE', '2024-01-02', 2]]);
  });
});
