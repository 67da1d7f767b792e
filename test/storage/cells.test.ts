import { isPlainCell, needsTextGuard, toCell } from '../../src/support/cells';
import { ValidationError } from '../../src/errors';
import { Model, transaction } from '../../src';
import { gas, seedSheets } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

class Note extends Model {
  static _table = 'Notes';
}

const target = { describe: () => 'Post.title' };

describe('needsTextGuard', () => {
  it.each(['00123', 'TRUE', 'false', '2024-01-02', '=SUM(A:A)', '+1', '-1', "'x", '@home', '#N/A', '1/2/2024', '10:30', '5%', '$5', 'Room 101'])(
    'guards %j, which Sheets could parse or that starts with a special character',
    (text) => expect(needsTextGuard(text)).toBe(true),
  );

  it.each(['0', '9', '000', '99', '0.0', '9%'])('guards %j, text made of the lowest or the highest digit only', (text) => expect(needsTextGuard(text)).toBe(true));

  it.each(['hello', 'First Post', '', 'Jean-Luc', 'true story'])('leaves %j alone', (text) => expect(needsTextGuard(text)).toBe(false));
});

describe('toCell', () => {
  it('prefixes guarded strings with an apostrophe and keeps others', () => {
    expect(toCell('00123', target)).toBe("'00123");
    expect(toCell("'x", target)).toBe("''x");
    expect(toCell('plain', target)).toBe('plain');
  });

  it('writes null and undefined as empty cells', () => {
    expect(toCell(null, target)).toBe('');
    expect(toCell(undefined, target)).toBe('');
  });

  it('passes numbers, booleans and Dates (the service copies what it is given; tables hold their own copies)', () => {
    const date = new Date(2024, 0, 2);
    expect(toCell(date, target)).toBe(date);
    expect(toCell(0, target)).toBe(0);
    expect(toCell(false, target)).toBe(false);
  });

  it('rejects what a cell cannot hold, naming the target', () => {
    expect(() => toCell({ a: 1 }, target)).toThrow(ValidationError);
    expect(() => toCell({ a: 1 }, target)).toThrow(/Post\.title/);
    expect(() => toCell(NaN, target)).toThrow(ValidationError);
    expect(() => toCell(new Date(NaN), target)).toThrow(/invalid Date/);
    expect(() => toCell('x'.repeat(50001), target)).toThrow(/50000/);
    expect(toCell('x'.repeat(50000), target)).toHaveLength(50000);
  });
});

describe('the 50,000-character limit counts the text guard', () => {
  it('refuses a string of exactly 50,000 characters that needs the apostrophe', () => {
    const guarded = '1'.repeat(50000);
    expect(isPlainCell(guarded)).toBe(false);
    expect(() => toCell(guarded, target)).toThrow(/50000 characters, with the apostrophe/);
    expect(isPlainCell('x'.repeat(50000))).toBe(true);
  });

  it('in a transaction, refuses it before any sheet is written', () => {
    seedSheets({ Posts: [['id', 'title']], Notes: [['id', 'text']] });
    gas().calls.reset();
    expect(() =>
      transaction(() => {
        Note.create({ text: 'fine' });
        Post.create({ title: '7'.repeat(50000) });
      }),
    ).toThrow(ValidationError);
    expect(gas().calls.writes()).toBe(0);
  });
});

describe('digits written as text stay text', () => {
  it("'0', '9' and '000' are stored and read back as those strings, not as numbers", () => {
    seedSheets({ Posts: [['id', 'code']] });
    Post.createMany([{ code: '0' }, { code: '9' }, { code: '000' }]);
    expect(gas().sheetValues('Posts').slice(1)).toEqual([[1, '0'], [2, '9'], [3, '000']]);
    expect(Post.all().pluck('code').all()).toEqual(['0', '9', '000']);
  });
});
