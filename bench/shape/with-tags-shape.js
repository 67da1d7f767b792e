// The with-tags job written by hand, but returning what the ORM returns: each post's tags are its
// own objects (one per pivot row), each carrying its pivot row's keys, in place of shared tag objects.
function run() {
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const tagRowById = new Map();
  for (const row of tags.rows) tagRowById.set(row[tags.col.id], row);
  const tagsByPost = new Map();
  const postId = pivot.col.post_id;
  const tagId = pivot.col.tag_id;
  for (const row of pivot.rows) {
    const tagRow = tagRowById.get(row[tagId]);
    if (!tagRow) continue;
    const tag = rowObject(tags, tagRow);
    tag.pivot = { post_id: row[postId], tag_id: row[tagId] };
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
