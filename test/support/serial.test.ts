/** Serial numbers to Dates in the spreadsheet's time zone, as getValues() returns them. */
import { serialToDate } from '../../src/support/serial';

const serialOf = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  (Date.UTC(year, month - 1, day, hour, minute) - Date.UTC(1899, 11, 30)) / 86400000;

describe('serialToDate', () => {
  it.each([
    ['America/New_York', serialOf(2024, 1, 15, 10), '2024-01-15T15:00:00.000Z'],
    ['Europe/Berlin', serialOf(2024, 7, 1, 9, 30), '2024-07-01T07:30:00.000Z'],
    ['Asia/Kolkata', serialOf(2024, 2, 29), '2024-02-28T18:30:00.000Z'],
  ])('reads a wall time in %s', (zone, serial, iso) => {
    expect(serialToDate(serial, zone).toISOString()).toBe(iso);
  });

  it.each([
    // Clocks jump 02:00 → 03:00 (−5h → −4h): 02:30 is read as 03:30 EDT.
    ['America/New_York', serialOf(2024, 3, 10, 2, 30), '2024-03-10T07:30:00.000Z'],
    // Clocks jump 02:00 → 03:00 (+1h → +2h): 02:30 is read as 03:30 CEST.
    ['Europe/Berlin', serialOf(2024, 3, 31, 2, 30), '2024-03-31T01:30:00.000Z'],
    // Midnight is skipped (−4h → −3h): the day's date is read as 01:00 that day, never the day before.
    ['America/Santiago', serialOf(2024, 9, 8), '2024-09-08T04:00:00.000Z'],
  ])('moves a wall time the clocks skip in %s forward by the gap, as V8 and java.time do', (zone, serial, iso) => {
    expect(serialToDate(serial, zone).toISOString()).toBe(iso);
  });

  it('reads a repeated wall time (clocks falling back) as the earlier instant, west and east of UTC', () => {
    expect(serialToDate(serialOf(2024, 11, 3, 1, 30), 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
    expect(serialToDate(serialOf(2024, 10, 27, 2, 30), 'Europe/Berlin').toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('reads the hours next to a change on the right side of it', () => {
    expect(serialToDate(serialOf(2024, 3, 10, 1, 59), 'America/New_York').toISOString()).toBe('2024-03-10T06:59:00.000Z');
    expect(serialToDate(serialOf(2024, 3, 10, 3, 0), 'America/New_York').toISOString()).toBe('2024-03-10T07:00:00.000Z');
    expect(serialToDate(serialOf(2024, 10, 27, 3, 0), 'Europe/Berlin').toISOString()).toBe('2024-10-27T02:00:00.000Z');
    expect(serialToDate(serialOf(2024, 10, 27, 1, 59), 'Europe/Berlin').toISOString()).toBe('2024-10-26T23:59:00.000Z');
  });
});

describe('serialToDate with milliseconds', () => {
  const serialAt = (utcWall: number) => (utcWall - Date.UTC(1899, 11, 30)) / 86400000;

  it('reads a repeated wall time with milliseconds as the earlier instant, at a change off the quarter hour (Dublin, 1916)', () => {
    // Irish summer time (+0:34:39) ended at 02:25:21 UTC on 1 October 1916: 02:49:40 was seen twice.
    const serial = serialAt(Date.UTC(1916, 9, 1, 2, 49, 40, 500));
    expect(serialToDate(serial, 'Europe/Dublin').toISOString()).toBe('1916-10-01T02:15:01.500Z');
    expect(serialToDate(serialAt(Date.UTC(1916, 9, 1, 2, 49, 40)), 'Europe/Dublin').toISOString()).toBe('1916-10-01T02:15:01.000Z');
  });

  it('keeps the milliseconds of an ordinary wall time', () => {
    expect(serialToDate(serialAt(Date.UTC(2024, 0, 15, 10, 0, 0, 250)), 'America/New_York').toISOString()).toBe('2024-01-15T15:00:00.250Z');
  });
});
