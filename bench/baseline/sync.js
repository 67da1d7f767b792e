// Makes post p.post's tags exactly p.ids: the post looked up (as find() does), then under the lock
// one read of PostTag, the new pairs appended with one setValues, the others deleted bottom-up
// (like post.related('tags').sync(ids)).
function run(p) {
  const posts = readSheet('Posts');
  if (!posts.rows.some((row) => row[posts.col.id] === p.post)) throw new Error('No post ' + p.post);
  return withLock(() => {
    const pivot = readSheet('PostTag');
    const wanted = new Set(p.ids);
    const current = new Set();
    const doomed = [];
    const detached = [];
    pivot.rows.forEach((row, i) => {
      if (row[pivot.col.post_id] !== p.post) return;
      const tag = row[pivot.col.tag_id];
      current.add(tag);
      if (!wanted.has(tag)) {
        doomed.push(i + 2);
        detached.push(tag);
      }
    });
    const attached = p.ids.filter((id) => !current.has(id));
    if (attached.length) {
      const values = attached.map((id) => pivot.header.map((name) => (name === 'post_id' ? p.post : name === 'tag_id' ? id : '')));
      const firstRow = pivot.rows.length + 2;
      growTo(pivot.sheet, firstRow + values.length - 1);
      pivot.sheet.getRange(firstRow, 1, values.length, pivot.header.length).setValues(values);
    }
    deleteRowNumbers(pivot.sheet, doomed);
    return { attached, detached, updated: [] };
  });
}
