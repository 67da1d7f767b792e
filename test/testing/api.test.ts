import vm from 'node:vm';
import { build } from 'esbuild';
import { createAppsScript } from '../../src/testing';

describe('only real methods exist', () => {
  it('throws TypeError for a method Apps Script does not have, as a typo would', () => {
    const env = createAppsScript();
    const sheet = env.active.getSheets()[0] as unknown as Record<string, () => unknown>;
    const range = env.active.getSheets()[0].getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => sheet.getValues()).toThrow(TypeError);
    expect(() => range.getValuesFast()).toThrow(TypeError);
    expect(() => (env.SpreadsheetApp as unknown as Record<string, () => unknown>).getSheetByName()).toThrow(TypeError);
  });

  it('exposes no internal helpers on the service objects', () => {
    const env = createAppsScript();
    const range = env.active.getSheets()[0].getRange('A1');
    for (const object of [range, range.getSheet(), range.getSheet().getRangeList(['A1']), env.active, env.SpreadsheetApp, env.LockService.getScriptLock()]) {
      expect(Object.keys(object)).toEqual([]);
      // Every prototype up the chain: Range's formatting methods live on a base class.
      for (let proto = Object.getPrototypeOf(object); proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        const names = Object.getOwnPropertyNames(proto).filter((name) => name !== 'constructor');
        for (const name of names) expect(name).toMatch(/^(get|set|is|has|try|wait|release|insert|delete|append|clear|create|open|flush|offset|find|match|use|start|ignore|sort)/);
      }
    }
  });
});

describe('installing the globals', () => {
  it('assigns the services onto globalThis and restores what was there', () => {
    const host = globalThis as Record<string, unknown>;
    host.Logger = 'previous';
    const env = createAppsScript();
    const uninstall = env.install();
    expect(host.SpreadsheetApp).toBe(env.SpreadsheetApp);
    expect(host.Logger).toBe(env.Logger);
    uninstall();
    expect(host.Logger).toBe('previous');
    expect('SpreadsheetApp' in host).toBe(false);
    delete host.Logger;
  });

  it('installs onto any object', () => {
    const env = createAppsScript();
    const target: Record<string, unknown> = {};
    env.install(target);
    expect(Object.keys(target).sort()).toEqual(['CacheService', 'LockService', 'Logger', 'PropertiesService', 'Session', 'SpreadsheetApp', 'Utilities']);
  });
});

describe('code running in another realm', () => {
  it('accepts Dates and arrays made in a vm context', () => {
    const env = createAppsScript({ sheets: { S: [] } });
    const context = vm.createContext(env.globals());
    vm.runInContext(
      `const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S');
       sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 0, 2)), 'x']]);
       sheet.appendRow([new Date(Date.UTC(2025, 5, 6)), 1]);`,
      context,
    );
    expect(env.sheetValues('S')).toEqual([
      [new Date('2024-01-02T00:00:00Z'), 'x'],
      [new Date('2025-06-06T00:00:00Z'), 1],
    ]);
  });
});

describe('bundling', () => {
  it('runs bundled in a bare scope with no Node APIs', async () => {
    const result = await build({
      entryPoints: ['src/testing/index.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'Kit',
      platform: 'neutral',
      target: 'es2019',
      logLevel: 'silent',
    });
    const context = vm.createContext({});
    vm.runInContext(result.outputFiles[0].text, context);
    const values = vm.runInContext(
      `const env = Kit.createAppsScript({ sheets: { S: [[1, '=A1+1']] } });
       env.active.getSheetByName('S').getDataRange().getValues();`,
      context,
    );
    expect(JSON.stringify(values)).toBe('[[1,2]]');
  });
});
