// User.with('posts.tags').get() by hand, giving what the ORM gives: a record per user, per post and
// per (post, tag) pair (see records.js).
function run() {
  const users = readSheet('Users');
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const lists = tagListsOf_(posts, pivot, tags);
  const postsByUser = new Map();
  posts.rows.forEach((row, i) => {
    const post = record_(PostRecord_, posts.header, row);
    post.tags = lists[i];
    const list = postsByUser.get(post.user_id);
    if (list) list.push(post);
    else postsByUser.set(post.user_id, [post]);
  });
  return users.rows.map((row) => {
    const user = record_(UserRecord_, users.header, row);
    user.posts = postsByUser.get(user.id) || [];
    return user;
  });
}
