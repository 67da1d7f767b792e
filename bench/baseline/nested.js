// Every user with their posts, each with its tags: four reads, then Map joins
// (like User.with('posts.tags').get()).
function run() {
  const users = readSheet('Users');
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const tagById = new Map();
  for (const row of tags.rows) tagById.set(row[tags.col.id], rowObject(tags, row));
  const tagsByPost = new Map();
  for (const row of pivot.rows) {
    const tag = tagById.get(row[pivot.col.tag_id]);
    if (!tag) continue;
    const list = tagsByPost.get(row[pivot.col.post_id]);
    if (list) list.push(tag);
    else tagsByPost.set(row[pivot.col.post_id], [tag]);
  }
  const postsByUser = new Map();
  for (const row of posts.rows) {
    const post = rowObject(posts, row);
    post.tags = tagsByPost.get(post.id) || [];
    const list = postsByUser.get(post.user_id);
    if (list) list.push(post);
    else postsByUser.set(post.user_id, [post]);
  }
  return users.rows.map((row) => {
    const user = rowObject(users, row);
    user.posts = postsByUser.get(user.id) || [];
    return user;
  });
}
