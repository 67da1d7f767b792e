// Post.with('tags').get() by hand, giving what the ORM gives: a record per post and per (post, tag)
// pair (see records.js).
function run() {
  const posts = readSheet('Posts');
  const pivot = readSheet('PostTag');
  const tags = readSheet('Tags');
  const lists = tagListsOf_(posts, pivot, tags);
  return posts.rows.map((row, i) => {
    const post = record_(PostRecord_, posts.header, row);
    post.tags = lists[i];
    return post;
  });
}
