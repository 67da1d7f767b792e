/**
 * Compile-time proof that the fakes only have methods the real Apps Script interfaces have, with
 * compatible signatures. A method missing from @types/google-apps-script fails `tsc` here.
 */
import type { FakeCache, FakeCacheService } from './cache';
import type { FakeLock, FakeLockService } from './lock';
import type { FakeLogger, FakeSession, FakeUser } from './logger';
import type { FakeProperties, FakePropertiesService } from './properties';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSheets, FakeSpreadsheetsCollection, FakeValuesCollection } from './sheets-api';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeSpreadsheetApp } from './spreadsheet-app';
import type { FakeTextFinder } from './text-finder';
import type { FakeUtilities } from './utilities';

/** Fails to compile unless T is never (the names in T are the fake's extra methods). */
type NoExtraMethods<T extends never> = T;
/** Fails to compile unless the fake's methods can stand in for the real ones. */
type Compatible<Fake, Real> = Fake extends Pick<Real, Extract<keyof Fake, keyof Real>> ? true : false;
type IsTrue<T extends true> = T;

/** Every check; the file compiles only when all hold. */
export type Checks = [
  NoExtraMethods<Exclude<keyof FakeRange, keyof GoogleAppsScript.Spreadsheet.Range>>,
  NoExtraMethods<Exclude<keyof FakeSheet, keyof GoogleAppsScript.Spreadsheet.Sheet>>,
  NoExtraMethods<Exclude<keyof FakeSpreadsheet, keyof GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  NoExtraMethods<Exclude<keyof FakeSpreadsheetApp, keyof GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  NoExtraMethods<Exclude<keyof FakeTextFinder, keyof GoogleAppsScript.Spreadsheet.TextFinder>>,
  NoExtraMethods<Exclude<keyof FakeUtilities, keyof GoogleAppsScript.Utilities.Utilities>>,
  NoExtraMethods<Exclude<keyof FakeSession, keyof GoogleAppsScript.Base.Session>>,
  NoExtraMethods<Exclude<keyof FakeUser, keyof GoogleAppsScript.Base.User>>,
  NoExtraMethods<Exclude<keyof FakeLogger, keyof GoogleAppsScript.Base.Logger>>,
  NoExtraMethods<Exclude<keyof FakeLock, keyof GoogleAppsScript.Lock.Lock>>,
  NoExtraMethods<Exclude<keyof FakeLockService, keyof GoogleAppsScript.Lock.LockService>>,
  NoExtraMethods<Exclude<keyof FakeCache, keyof GoogleAppsScript.Cache.Cache>>,
  NoExtraMethods<Exclude<keyof FakeCacheService, keyof GoogleAppsScript.Cache.CacheService>>,
  NoExtraMethods<Exclude<keyof FakeProperties, keyof GoogleAppsScript.Properties.Properties>>,
  NoExtraMethods<Exclude<keyof FakePropertiesService, keyof GoogleAppsScript.Properties.PropertiesService>>,
  NoExtraMethods<Exclude<keyof FakeSheets, keyof GoogleAppsScript.Sheets>>,
  NoExtraMethods<Exclude<keyof FakeSpreadsheetsCollection, keyof GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection>>,
  NoExtraMethods<Exclude<keyof FakeValuesCollection, keyof GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection>>,
  IsTrue<Compatible<FakeRange, GoogleAppsScript.Spreadsheet.Range>>,
  IsTrue<Compatible<FakeSheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  IsTrue<Compatible<FakeSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  IsTrue<Compatible<FakeSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  IsTrue<Compatible<FakeTextFinder, GoogleAppsScript.Spreadsheet.TextFinder>>,
  IsTrue<Compatible<FakeUtilities, GoogleAppsScript.Utilities.Utilities>>,
  IsTrue<Compatible<FakeSession, GoogleAppsScript.Base.Session>>,
  IsTrue<Compatible<FakeUser, GoogleAppsScript.Base.User>>,
  IsTrue<Compatible<FakeSheets, GoogleAppsScript.Sheets>>,
  IsTrue<Compatible<FakeSpreadsheetsCollection, GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection>>,
  IsTrue<Compatible<FakeValuesCollection, GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection>>,
];
