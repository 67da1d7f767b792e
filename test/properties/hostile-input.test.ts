/**
 * Hostile and wrong input (issue 7), where not already covered elsewhere: formula injection through
 * every write path other than `create` (test/model/values.test.ts), and bad input on write paths
 * whose reads are covered (test/model/hostile-headers.test.ts, test/model/create.test.ts,
 * test/query/where.test.ts, test/storage/cells.test.ts). Each refusal is a SheetORMError thrown
 * before any service call that writes.
 */
import { ColumnNotFoundError, Model, SheetNotFoundError, SheetORMError, transaction, ValidationError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  comments() {
    return this.hasMany(Comment);
  }
}
class Tag extends Model {
  static _table = 'Tags';
}
class Comment extends Model {
  static _table = 'Comments';
}

function seed(overrides: Record<string, unknown[][]> = {}) {
  return seedSheets({
    Posts: [['id', 'title', 'views', 'double'], [1, 'One', 1, '=C2*2'], [2, 'Two', 2, '=C3*2'], [3, 'Three', 3, '=C4*2']],
    Tags: [['id', 'name'], [1, 'a'], [2, 'b']],
    PostTag: [['post_id', 'tag_id', 'role'], [1, 1, 'owner']],
    Comments: [['id', 'post_id', 'body']],
    ...overrides,
  });
}

/** Runs `fn`, which must throw `type` (a SheetORMError) without any writing service call. */
function refusedBeforeWriting(fn: () => unknown, type: new (...args: never[]) => SheetORMError, message?: RegExp): void {
  const sheets = ['Posts', 'Tags', 'PostTag', 'Comments'].filter((name) => gas().active.getSheetByName(name));
  const before = sheets.map((name) => sheetRows(name));
  gas().calls.reset();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(type);
  expect(error).toBeInstanceOf(SheetORMError);
  if (message) expect((error as Error).message).toMatch(message);
  const writes = gas().calls.all().filter((call) => /^(Range\.(set|clear)|Sheet\.(delete|insert|append))/.test(call.method));
  expect(writes.map((call) => call.method)).toEqual([]);
  expect(sheets.map((name) => sheetRows(name))).toEqual(before);
}

/** The cell holds exactly `text` as a value, and no formula. */
function expectText(sheet: string, row: number, column: number, text: string): void {
  expect(sheetRows(sheet)[row - 1][column - 1]).toBe(text);
  expect(gas().sheetFormulas(sheet)[row - 1][column - 1]).toBe('');
}

const INJECTIONS = [
  '=1+1',
  '=HYPERLINK("http://evil.example","click me")',
  '=IMPORTXML("http://evil.example","//a")',
  "=cmd|' /C calc'!A0",
  '==',
  '=',
  '+1',
  '+A1',
  '+',
  '-1',
  '-A1+B1',
  '-',
  '@SUM(A1:A2)',
  '@',
  ' =1+1',
  '\t=1+1',
  "'=1+1",
];

describe('formula injection: strings starting with = + - @ are stored as text on every write path', () => {
  it.each(INJECTIONS)('%j through save() of a read model', (text) => {
    seed();
    const post = Post.find(2)!;
    post.setAttribute('title', text).save();
    expectText('Posts', 3, 2, text);
    expect(Post.find(2)!.getAttribute('title')).toBe(text);
    expect(gas().sheetFormulas('Posts')[2][3]).toBe('=C3*2');
  });

  it.each(INJECTIONS)('%j through a query update() of several rows', (text) => {
    seed();
    expect(Post.where('views', '>', 1).update({ title: text })).toBe(2);
    expectText('Posts', 3, 2, text);
    expectText('Posts', 4, 2, text);
    expect(Post.where('title', text).count()).toBe(2);
  });

  it.each(INJECTIONS)('%j through createMany() and updateOrCreate()', (text) => {
    seed();
    Post.createMany([{ title: text }, { title: 'plain', views: 0 }]);
    expectText('Posts', 5, 2, text);
    Post.updateOrCreate({ title: 'plain' }, { title: `${text}!` });
    expectText('Posts', 6, 2, `${text}!`);
    Post.updateOrCreate({ title: 'missing' }, { views: 9 });
    expectText('Posts', 7, 2, 'missing');
  });

  it.each(INJECTIONS)('%j in pivot attributes: attach, sync, updateExistingPivot', (text) => {
    seed();
    const tags = Post.find(1)!.related('tags');
    tags.attach({ 2: { role: text } });
    expectText('PostTag', 3, 3, text);
    tags.sync({ 1: { role: `${text}?` }, 2: { role: text } });
    expectText('PostTag', 2, 3, `${text}?`);
    tags.updateExistingPivot(2, { role: `${text}!` });
    expectText('PostTag', 3, 3, `${text}!`);
  });

  it.each(INJECTIONS)('%j through a hasMany create and inside a transaction', (text) => {
    seed();
    Post.find(1)!.related('comments').create({ body: text });
    expectText('Comments', 2, 3, text);
    transaction(() => {
      Post.find(3)!.setAttribute('title', text).save();
      Post.create({ title: text });
    });
    expectText('Posts', 4, 2, text);
    expectText('Posts', 5, 2, text);
  });

  it('a text key that looks like a formula is kept as text, and still found', () => {
    seedSheets({ Tokens: [['id', 'label']] });
    class Token extends Model {
      static _table = 'Tokens';
    }
    Token.create({ id: '=1+1', label: '@x' });
    expectText('Tokens', 2, 1, '=1+1');
    expectText('Tokens', 2, 2, '@x');
    expect(Token.find('=1+1')!.getAttribute('label')).toBe('@x');
  });
});

describe('values a cell cannot hold are refused on every write path', () => {
  const BAD: Array<[string, unknown]> = [
    ['a string of 50,001 characters', 'x'.repeat(50001)],
    ['an object', { a: 1 }],
    ['an array', [1, 2]],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', BigInt(10)],
    ['an invalid Date', new Date(NaN)],
  ];

  it.each(BAD)('%s, through create()', (_, value) => {
    seed();
    refusedBeforeWriting(() => Post.create({ title: value }), ValidationError, /Post\.title \(sheet "Posts"/);
  });

  it.each(BAD)('%s, through save()', (_, value) => {
    seed();
    const post = Post.find(1)!;
    post.setAttribute('views', 5).setAttribute('title', value);
    refusedBeforeWriting(() => post.save(), ValidationError, /Post\.title/);
  });

  it.each(BAD)('%s, through a query update() (the other rows are not written either)', (_, value) => {
    seed();
    refusedBeforeWriting(() => Post.query().update({ views: 0, title: value }), ValidationError, /Post\.title/);
  });

  it.each(BAD)('%s, inside a transaction that wrote other rows before', (_, value) => {
    seed();
    refusedBeforeWriting(
      () =>
        transaction(() => {
          Post.create({ title: 'fine' });
          Post.find(2)!.setAttribute('title', value).save();
        }),
      ValidationError,
    );
  });

  it('a 50,000-character string is accepted', () => {
    seed();
    Post.find(1)!.setAttribute('title', 'y'.repeat(50000)).save();
    expect(sheetRows('Posts')[1][1]).toHaveLength(50000);
  });
});

describe('broken sheets are refused when writing, naming the sheet', () => {
  it('a duplicated header: create, update, delete and attach', () => {
    seed({ Posts: [['id', 'title', 'title'], [1, 'a', 'b']], PostTag: [['post_id', 'post_id', 'tag_id']] });
    const twice = /sheet "Posts" in spreadsheet "Test Spreadsheet": the header "title" appears twice/;
    refusedBeforeWriting(() => Post.create({ id: 2 }), ValidationError, twice);
    refusedBeforeWriting(() => Post.query().update({ id: 5 }), ValidationError, twice);
    refusedBeforeWriting(() => Post.query().delete(), ValidationError, twice);
    seed({ PostTag: [['post_id', 'post_id', 'tag_id'], [1, 1, 1]] });
    refusedBeforeWriting(() => Post.find(1)!.related('tags').attach([2]), ValidationError, /sheet "PostTag".*"post_id" appears twice/);
  });

  it('a blank header over a used column: create, update, delete and a transaction', () => {
    seed({ Posts: [['id', '', 'views'], [1, 'a', 2]] });
    const blank = /sheet "Posts" in spreadsheet "Test Spreadsheet": column B has no header in row 1, but it lies between named columns/;
    refusedBeforeWriting(() => Post.create({ views: 5 }), ValidationError, blank);
    refusedBeforeWriting(() => Post.query().update({ views: 5 }), ValidationError, blank);
    refusedBeforeWriting(() => Post.query().delete(), ValidationError, blank);
    refusedBeforeWriting(() => transaction(() => Post.create({ views: 5 })), ValidationError, blank);
  });

  it('a blank first header cell is named as coming before the named columns', () => {
    seed({ Posts: [['', 'id', 'views'], ['x', 1, 2]] });
    refusedBeforeWriting(
      () => Post.create({ views: 5 }),
      ValidationError,
      /column A has no header in row 1, but it lies before the named columns; name it in row 1 or delete the column\./,
    );
    seed({ Posts: [['', '', 'id', '', 'views'], ['x', 1, 2, 3, 4]] });
    expect(() => Post.all()).toThrow(/columns A, B, D have no header in row 1, but they lie before or between named columns; name them/);
  });

  it('blank header cells past the named columns, under values, are all named in the error', () => {
    seed({ Posts: [['id', 'title', '', ''], [1, 'a', '', 'note']] });
    refusedBeforeWriting(
      () => Post.create({ title: 'x' }),
      ValidationError,
      /columns C, D have no header in row 1, but the sheet has values up to column D; name them in row 1 or delete those columns\./,
    );
  });

  it('a title row above the header is told to go', () => {
    seed({ Posts: [['Posts of 2024', '', ''], ['id', 'title', 'views'], [1, 'a', 3]] });
    expect(() => Post.all()).toThrow(/columns B, C have no header in row 1, but the sheet has values up to column C \(if row 1 holds a title above the header, delete that row: row 1 must be the header row\)/);
  });

  it('a last header of only spaces over values is blank too, not a column silently dropped', () => {
    seed({ Posts: [['id', 'title', '  '], [1, 'a', 'secret']] });
    refusedBeforeWriting(() => Post.create({ title: 'x' }), ValidationError, /column C has no header in row 1, but the sheet has values up to column C/);
    expect(() => Post.find(1)).toThrow(/column C has no header in row 1/);
    seed({ Posts: [['id', 'title', '  '], [1, 'a', '']] });
    expect(Post.find(1)!.toJSON()).toEqual({ id: 1, title: 'a' });
  });

  it('an empty sheet without a header row: createMany, save() of a new model, a transaction', () => {
    seed({ Posts: [] });
    const noHeader = /Post: sheet "Posts" in spreadsheet "Test Spreadsheet" has no header row; put the column names in row 1/;
    refusedBeforeWriting(() => Post.createMany([{ title: 'x' }]), ValidationError, noHeader);
    refusedBeforeWriting(() => new Post().fill({ title: 'x' }).save(), ValidationError, noHeader);
    refusedBeforeWriting(() => transaction(() => Post.create({ title: 'x' })), ValidationError, noHeader);
  });

  it('an empty pivot sheet: attach names the relation and the missing column', () => {
    seed({ PostTag: [] });
    refusedBeforeWriting(() => Post.find(1)!.related('tags').attach([1]), ColumnNotFoundError, /^Post\.tags: sheet "PostTag".*no column "(post_id|tag_id)"/);
  });

  it('a missing sheet: update, delete, save() of a new model, a transaction, attach', () => {
    seedSheets({ Other: [['id']] });
    const missing = /^Post: spreadsheet "Test Spreadsheet" has no sheet "Posts" \(sheets: Other\)/;
    refusedBeforeWriting(() => Post.query().update({ title: 'x' }), SheetNotFoundError, missing);
    refusedBeforeWriting(() => Post.query().delete(), SheetNotFoundError, missing);
    refusedBeforeWriting(() => new Post().fill({ title: 'x' }).save(), SheetNotFoundError, missing);
    refusedBeforeWriting(() => transaction(() => Post.create({ title: 'x' })), SheetNotFoundError, missing);
    seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name']] });
    refusedBeforeWriting(() => Post.find(1)!.related('tags').attach([1]), SheetNotFoundError, /^Post\.tags: .*no sheet "PostTag" \(sheets: Posts, Tags\)/);
  });
});

describe('wrong argument types are a ValidationError, and nothing is written', () => {
  beforeEach(() => seed());

  it.each<[string, () => unknown]>([
    ['create(null)', () => Post.create(null as never)],
    ['create("title")', () => Post.create('title' as never)],
    ['create([…])', () => Post.create([1] as never)],
    ['find({})', () => Post.find({} as never)],
    ['find([1])', () => Post.find([1] as never)],
    ['findBy(undefined, 1)', () => Post.findBy(undefined as never, 1)],
    ['where(123, 1)', () => Post.where(123 as never, 1)],
    ["where('id', NaN)", () => Post.where('id', NaN)],
    ["where('id', '>', Symbol())", () => Post.where('id', '>', Symbol('s') as never)],
    ["where('id', () => 1)", () => Post.where('id', (() => 1) as never)],
    ["whereIn('id', [{}])", () => Post.whereIn('id', [{}] as never)],
    ["whereIn('id', new Map([[1, 1]]))", () => Post.whereIn('id', new Map([[1, 1]]) as never)],
    ["whereIn('id', '12')", () => Post.whereIn('id', '12' as never)],
    ['limit(1.5)', () => Post.query().limit(1.5)],
    ["limit('two')", () => Post.query().limit('two')],
    ['merge(null)', () => Post.find(1)!.merge(null as never)],
    ["fill('x')", () => Post.find(1)!.fill('x' as never)],
    ["transaction('x')", () => transaction('x' as never)],
  ])('%s', (_, fn) => {
    refusedBeforeWriting(fn, ValidationError);
  });
});
