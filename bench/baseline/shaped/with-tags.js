// Post.with('tags').get() by hand, handing back what the ORM hands back: an object of a class of its
// own per post and per (post, tag) pair (as Lucid's and Eloquent's results have: a tag reached
// through two posts is two objects, each with its pivot row), cells as properties with blanks as
// null, its own copy of each Date (a change made in place must not reach the row), and the row as
// read kept beside it (so that a later save can tell what changed).
const ROW = Symbol('row as read');
const PIVOT = Symbol('pivot row');
class Record {}
class PostRecord extends Record {}
class TagRecord extends Record {}

function run() {
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const tagRowById = new Map();
  for (const row of tags.rows) tagRowById.set(row[tags.col.id], row);
  const slotOfPost = new Map();
  posts.rows.forEach((row, i) => slotOfPost.set(row[posts.col.id], i));
  const lists = posts.rows.map(() => []);
  const postId = pivot.col.post_id;
  const tagId = pivot.col.tag_id;
  const tagHeader = tags.header;
  for (const row of pivot.rows) {
    const tagRow = tagRowById.get(row[tagId]);
    if (!tagRow) continue;
    const slot = slotOfPost.get(row[postId]);
    if (slot === undefined) continue;
    const tag = new TagRecord();
    tag[ROW] = tagRow;
    tag[PIVOT] = row;
    for (let c = 0; c < tagHeader.length; c++) tag[tagHeader[c]] = tagRow[c] === '' ? null : tagRow[c];
    lists[slot].push(tag);
  }
  const postHeader = posts.header;
  return posts.rows.map((row, i) => {
    const post = new PostRecord();
    post[ROW] = row;
    for (let c = 0; c < postHeader.length; c++) {
      const value = row[c] === '' ? null : row[c];
      post[postHeader[c]] = value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Date]' ? new Date(value.getTime()) : value;
    }
    post.tags = lists[i];
    return post;
  });
}
