// User.with('posts.tags').get() by hand, handing back what the ORM hands back: an object of a class
// of its own per user, per post and per (post, tag) pair, as in shaped/with-tags.js.
const ROW = Symbol('row as read');
const PIVOT = Symbol('pivot row');
class Record {}
class UserRecord extends Record {}
class PostRecord extends Record {}
class TagRecord extends Record {}

function run() {
  const users = readSheet('Users');
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
  const postsByUser = new Map();
  posts.rows.forEach((row, i) => {
    const post = new PostRecord();
    post[ROW] = row;
    for (let c = 0; c < postHeader.length; c++) {
      const value = row[c] === '' ? null : row[c];
      post[postHeader[c]] = value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Date]' ? new Date(value.getTime()) : value;
    }
    post.tags = lists[i];
    const list = postsByUser.get(post.user_id);
    if (list) list.push(post);
    else postsByUser.set(post.user_id, [post]);
  });
  const userHeader = users.header;
  return users.rows.map((row) => {
    const user = new UserRecord();
    user[ROW] = row;
    for (let c = 0; c < userHeader.length; c++) user[userHeader[c]] = row[c] === '' ? null : row[c];
    user.posts = postsByUser.get(user.id) || [];
    return user;
  });
}
