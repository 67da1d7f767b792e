// Helpers of the model-shaped baselines: what hand-written Apps Script has to build to hand back
// what sheetorm hands back. Each row becomes an object of a class of its own (so that it can have
// methods), with its cells as properties, blanks as null, its own copy of each Date (a change made
// in place must not reach the row it was read from), and the row as read kept beside it, so that a
// later save can tell what changed. Loaded after baseline/common.js, before the workload's file.

const ROW_ = Symbol('row as read');
const PIVOT_ = Symbol('pivot row');

class Record_ {}
class PostRecord_ extends Record_ {}
class TagRecord_ extends Record_ {}
class UserRecord_ extends Record_ {}

function isDate_(value) {
  return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Date]';
}

/** A record of `Type` for a row (blank cells set to null in the row itself, which is then kept). */
function record_(Type, header, row) {
  const record = new Type();
  record[ROW_] = row;
  for (let c = 0; c < header.length; c++) {
    if (row[c] === '') row[c] = null;
    const value = row[c];
    record[header[c]] = isDate_(value) ? new Date(value.getTime()) : value;
  }
  return record;
}

/**
 * Each post's tags, one record per pivot row (as Lucid's and Eloquent's results have: a tag reached
 * through two posts is two objects, each with its own pivot row): lists in the order of `posts.rows`.
 */
function tagListsOf_(posts, pivot, tags) {
  const tagRowById = new Map();
  for (const row of tags.rows) tagRowById.set(row[tags.col.id], row);
  const slotOfPost = new Map();
  posts.rows.forEach((row, i) => slotOfPost.set(row[posts.col.id], i));
  const lists = posts.rows.map(() => []);
  const postId = pivot.col.post_id;
  const tagId = pivot.col.tag_id;
  for (const row of pivot.rows) {
    const tagRow = tagRowById.get(row[tagId]);
    if (!tagRow) continue;
    const slot = slotOfPost.get(row[postId]);
    if (slot === undefined) continue;
    const tag = record_(TagRecord_, tags.header, tagRow);
    tag[PIVOT_] = row;
    lists[slot].push(tag);
  }
  return lists;
}
