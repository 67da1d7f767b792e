import { createAppsScript } from '../../src/testing';

describe('Utilities.parseCsv', () => {
  it('parses the reference examples into rows of strings', () => {
    const env = createAppsScript();
    expect(env.Utilities.parseCsv('a,b,c\nd,e,f')).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    expect(env.Utilities.parseCsv('a\tb\tc\nd\te\tf', '\t')).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    expect(env.Utilities.parseCsv('1,2.5,TRUE')).toEqual([['1', '2.5', 'TRUE']]); // never converted
  });

  it('reads RFC 4180 quotes: delimiters, line breaks and doubled quotes inside a quoted field', () => {
    const env = createAppsScript();
    const csv = 'name,note\r\n"Doe, John","line one\nline two"\r\n"say ""hi""",""\r\n';
    expect(env.Utilities.parseCsv(csv)).toEqual([
      ['name', 'note'],
      ['Doe, John', 'line one\nline two'],
      ['say "hi"', ''],
    ]);
    expect(env.Utilities.parseCsv('a;"b;c"\rd;', ';')).toEqual([['a', 'b;c'], ['d', '']]);
  });

  it('ends the last record at a final line break, keeping rows of different lengths', () => {
    const env = createAppsScript();
    expect(env.Utilities.parseCsv('a,b\n1\n')).toEqual([['a', 'b'], ['1']]);
    expect(env.Utilities.parseCsv(',\n""\n')).toEqual([['', ''], ['']]);
  });

  it('refuses what it does not know Apps Script to do, rather than guess', () => {
    const env = createAppsScript();
    for (const csv of ['', 'a\n\nb', 'a\n\n', '"open', 'a"b', '"a"b']) {
      expect(() => env.Utilities.parseCsv(csv)).toThrow('is not simulated');
    }
    for (const delimiter of ['"', '\n', '\r']) expect(() => env.Utilities.parseCsv('a,b', delimiter)).toThrow('is not simulated');
  });

  it('refuses arguments of the wrong kind with the signature error, counting every call', () => {
    const env = createAppsScript();
    const utilities = env.Utilities as unknown as { parseCsv(...args: unknown[]): string[][] };
    const parse = (...args: unknown[]) => utilities.parseCsv(...args);
    expect(() => parse()).toThrow("The parameters () don't match the method signature for Utilities.parseCsv.");
    expect(() => parse(5)).toThrow('The parameters (number) ');
    expect(() => parse('a', ';;')).toThrow('The parameters (String,String) ');
    expect(() => parse('a', ',', 'x')).toThrow('The parameters (String,String,String) ');
    expect(env.calls.count('Utilities.parseCsv')).toBe(4);
  });
});
