/**
 * Compile-time proof that the fakes only have methods the real Apps Script interfaces have, with
 * compatible signatures. A method missing from @types/google-apps-script fails `tsc` here.
 */
import type { FakeSession, FakeUser } from './logger';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeSpreadsheetApp } from './spreadsheet-app';
import type { FakeTextFinder } from './text-finder';
import type { FakeUtilities } from './utilities';

type Spreadsheets = typeof GoogleAppsScript.Spreadsheet;

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
  IsTrue<Compatible<FakeRange, GoogleAppsScript.Spreadsheet.Range>>,
  IsTrue<Compatible<FakeSheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  IsTrue<Compatible<FakeSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  IsTrue<Compatible<FakeSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  IsTrue<Compatible<FakeTextFinder, GoogleAppsScript.Spreadsheet.TextFinder>>,
  IsTrue<Compatible<FakeUtilities, GoogleAppsScript.Utilities.Utilities>>,
  IsTrue<Compatible<FakeSession, GoogleAppsScript.Base.Session>>,
  IsTrue<Compatible<FakeUser, GoogleAppsScript.Base.User>>,
];
