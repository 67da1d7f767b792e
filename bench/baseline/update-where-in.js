// Sets status 'archived' on posts p.ids: under the lock, one read, one setValues per run of
// adjacent rows, unchanged cells left alone (like Post.whereIn('id', ids).update({ status })).
function run(p) {
  return withLock(() => {
    const posts = readSheet('Posts');
    const ids = new Set(p.ids);
    const cells = [];
    let matched = 0;
    posts.rows.forEach((row, i) => {
      if (!ids.has(row[posts.col.id])) return;
      matched++;
      if (row[posts.col.status] !== 'archived') cells.push({ row: i + 2, value: 'archived' });
    });
    writeColumn(posts.sheet, posts.col.status + 1, cells);
    return matched;
  });
}
