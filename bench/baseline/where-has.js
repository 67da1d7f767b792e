// The posts tagged p.tag: the tag's ids, the post ids of its pivot rows in a Set, then the posts
// (like Post.whereHas('tags', q => q.where('name', p.tag)).get()).
function run(p) {
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const tagIds = new Set();
  for (const row of tags.rows) if (row[tags.col.name] === p.tag) tagIds.add(row[tags.col.id]);
  const postIds = new Set();
  for (const row of pivot.rows) if (tagIds.has(row[pivot.col.tag_id])) postIds.add(row[pivot.col.post_id]);
  return posts.rows.filter((row) => postIds.has(row[posts.col.id])).map((row) => rowObject(posts, row));
}
