// Sets status 'archived' on posts p.ids: under the lock, one read, then the one value into every
// changed cell with one RangeList write, unchanged cells left alone (like Post.whereIn('id', ids).update({ status })).
function run(p) {
  return withLock(() => {
    const posts = readSheet('Posts');
    const ids = new Set(p.ids);
    const rows = [];
    let matched = 0;
    posts.rows.forEach((row, i) => {
      if (!ids.has(row[posts.col.id])) return;
      matched++;
      if (row[posts.col.status] !== 'archived') rows.push(i + 2);
    });
    writeSameValue(posts.sheet, posts.col.status + 1, rows, 'archived');
    return matched;
  });
}
