// Deletes posts p.ids: under the lock, one read, then deleteRows bottom-up in runs of adjacent rows
// (like Post.whereIn('id', ids).delete()).
function run(p) {
  return withLock(() => {
    const posts = readSheet('Posts');
    const ids = new Set(p.ids);
    const doomed = [];
    posts.rows.forEach((row, i) => {
      if (ids.has(row[posts.col.id])) doomed.push(i + 2);
    });
    deleteRowNumbers(posts.sheet, doomed);
    return doomed.length;
  });
}
