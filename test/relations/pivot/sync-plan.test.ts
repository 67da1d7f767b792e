/** The pure half of pivot writes (keys as normalised: numeric ids are numbers): normalising ids and diffing them against current rows (no sheet). */
import { Collection, ValidationError } from '../../../src';
import { CurrentPivotRow, diffSync, normalizeRecords, PivotRecords } from '../../../src/relations/pivot/syncPlan';
import { normalizeKey } from '../../../src/support/values';

class FakeModel {
  constructor(readonly id: unknown) {}
}
const keyOf = (model: object) => (model as FakeModel).id;
const normalize = (input: unknown) => normalizeRecords(input, keyOf, 'Post.tags', 'sync');
const plain = (records: PivotRecords) => Array.from(records.entries()).map(([key, record]) => [key, record.id, record.attributes]);

const JAN = new Date(Date.UTC(2024, 0, 2));

/** Current rows as the client builds them; `row` is any handle (here a label). */
function row(key: string, attributes: Record<string, unknown> = {}): CurrentPivotRow<string> {
  return { key: normalizeKey(key), row: `row ${key}${attributes.copy ? ' copy' : ''}`, attributes };
}

describe('normalizeRecords', () => {
  test('a list of ids, keyed by normalised id, keeping the id as given', () => {
    expect(plain(normalize([1, '2', ' 3 ', 'abc']))).toEqual([
      [1, 1, {}],
      [2, '2', {}],
      [3, ' 3 ', {}],
      ['abc', 'abc', {}],
    ]);
  });

  test('an object of id → attributes (null or undefined attributes mean none)', () => {
    expect(plain(normalize({ 1: { role: 'a' }, 2: null, 3: undefined }))).toEqual([
      [1, '1', { role: 'a' }],
      [2, '2', {}],
      [3, '3', {}],
    ]);
  });

  test('a single id or model, models in lists, and Collections', () => {
    expect(plain(normalize(7))).toEqual([[7, 7, {}]]);
    expect(plain(normalize(new FakeModel(8)))).toEqual([[8, 8, {}]]);
    expect(plain(normalize([new FakeModel(1), 2]))).toEqual([
      [1, 1, {}],
      [2, 2, {}],
    ]);
    expect(plain(normalize(new Collection([new FakeModel(4), new FakeModel('5')] as any)))).toEqual([
      [4, 4, {}],
      [5, '5', {}],
    ]);
  });

  test('1 and "1" are one record; the first id given is kept', () => {
    expect(plain(normalize([1, '1', '01', 1.0]))).toEqual([
      [1, 1, {}],
      ['01', '01', {}],
    ]);
  });

  test('rejects what is not an id, naming the relation and method', () => {
    expect(() => normalize([1, null])).toThrow(ValidationError);
    expect(() => normalize([undefined])).toThrow(/Post\.tags\.sync\(\)/);
    expect(() => normalize([true])).toThrow(ValidationError);
    expect(() => normalize([{ id: 1 }])).toThrow(ValidationError);
    expect(() => normalize([''])).toThrow(/is not a key/);
    expect(() => normalize([new FakeModel(null)])).toThrow(/is not a key/);
    expect(() => normalize({ 1: 'admin' })).toThrow(/pivot attributes for id 1 must be an object/);
    expect(() => normalize({ 1: [1] })).toThrow(ValidationError);
  });
});

describe('diffSync', () => {
  const current = [row('1', { role: 'a', added_at: JAN }), row('2', { role: 'b', note: null }), row('3', { role: 'c' })];

  test('attaches the new, updates changed attributes only, detaches the rest', () => {
    const diff = diffSync(current, normalize({ 2: { role: 'B', note: '' }, 3: { role: 'c' }, 4: { role: 'd' }, 5: {} }), true);
    expect(diff.attach).toEqual([
      { id: '4', attributes: { role: 'd' }, model: null },
      { id: '5', attributes: {}, model: null },
    ]);
    expect(diff.update).toEqual([{ row: 'row 2', id: '2', changes: { role: 'B' } }]);
    expect(diff.detach).toEqual(['row 1']);
  });

  test('plain ids never update, whatever the attributes of the rows', () => {
    const diff = diffSync(current, normalize([1, 2, 3]), true);
    expect(diff).toEqual({ attach: [], update: [], detach: [] });
  });

  test('with detach = false, rows not wanted stay', () => {
    const diff = diffSync(current, normalize([3, 9]), false);
    expect(diff).toEqual({ attach: [{ id: 9, attributes: {}, model: null }], update: [], detach: [] });
  });

  test('an empty list detaches every current row', () => {
    expect(diffSync(current, normalize([]), true).detach).toEqual(['row 1', 'row 2', 'row 3']);
  });

  test('Dates compare by time, empty values compare equal, undefined attributes are ignored', () => {
    const diff = diffSync(
      current,
      normalize({ 1: { added_at: new Date(JAN.getTime()), role: undefined }, 2: { note: undefined, role: 'b' }, 3: { added_at: JAN } }),
      true,
    );
    expect(diff.update).toEqual([{ row: 'row 3', id: '3', changes: { added_at: JAN } }]);
    expect(diff.attach).toEqual([]);
    expect(diff.detach).toEqual([]);
  });

  test('duplicate rows of a wanted id all stay, and each gets the wanted attributes', () => {
    const rows = [row('1', { role: 'a' }), row('1', { role: 'x', copy: true })];
    expect(diffSync(rows, normalize({ 1: { role: 'a' } }), true)).toEqual({
      attach: [],
      update: [{ row: 'row 1 copy', id: '1', changes: { role: 'a' } }],
      detach: [],
    });
    expect(diffSync(rows, normalize([1]), true)).toEqual({ attach: [], update: [], detach: [] });
  });

  test('keys meet after normalising: a text "1" row matches the number 1', () => {
    const diff = diffSync([row('1')], normalize([1]), true);
    expect(diff).toEqual({ attach: [], update: [], detach: [] });
  });
});
