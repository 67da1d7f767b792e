import { Model, ValidationError } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Comment extends Model {
  static _table = 'Comments';
  declare id: number | string;
  declare body: string;
}

describe('generated keys', () => {
  it('follow the sheet: text keys stay text', () => {
    seedSheets({ Comments: [['id', 'body'], ['1', 'a'], ['2', 'b']] });
    const comment = Comment.create({ body: 'c' });
    expect(comment.id).toBe('3');
    expect(sheetRows('Comments')[3][0]).toBe('3');
    expect(Comment.find(3)!.body).toBe('c');
  });

  it('are taken back when the operation fails', () => {
    seedSheets({ Comments: [['id', 'body'], [1, 'a']] });
    const ok = new Comment().fill({ body: 'ok' });
    const bad = new Comment().fill({ body: 'x'.repeat(50001) });
    expect(() => Comment.createMany([ok, bad] as never)).toThrow(ValidationError);
    expect(ok.id).toBeUndefined();
    Comment.create({ id: 2, body: 'someone else' });
    ok.save();
    expect(sheetRows('Comments').map((r) => r[0])).toEqual(['id', 1, 2, 3]);
  });
});

describe('a supplied key that is taken', () => {
  it('says whether a row of the sheet or another new row of the same createMany holds it', () => {
    seedSheets({ Comments: [['id', 'body'], [1, 'a']] });
    expect(() => Comment.createMany([{ id: 1, body: 'x' }])).toThrow(
      /sheet "Comments" in spreadsheet "Test Spreadsheet" already has a row with id = 1; give each row its own key \(new rows take max \+ 1 of the ids a sheet holds, so deleting the rows with the highest ids, as an archive job does, hands them out again: _keyType = 'uuid' gives ids that never come back\)\. Nothing was written\./,
    );
    expect(() => Comment.createMany([{ id: 50, body: 'x' }, { id: 50, body: 'y' }])).toThrow(/another new row for sheet "Comments" .* in this write has id = 50/);
    expect(sheetRows('Comments')).toEqual([['id', 'body'], [1, 'a']]);
  });
});
