// Every post with its tags: three reads, then Map joins (like Post.with('tags').get()).
function run() {
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const tagById = new Map();
  for (const row of tags.rows) tagById.set(row[tags.col.id], rowObject(tags, row));
  const tagsByPost = new Map();
  const postId = pivot.col.post_id;
  const tagId = pivot.col.tag_id;
  for (const row of pivot.rows) {
    const tag = tagById.get(row[tagId]);
    if (!tag) continue;
    const list = tagsByPost.get(row[postId]);
    if (list) list.push(tag);
    else tagsByPost.set(row[postId], [tag]);
  }
  return posts.rows.map((row) => {
    const post = rowObject(posts, row);
    post.tags = tagsByPost.get(post.id) || [];
    return post;
  });
}
