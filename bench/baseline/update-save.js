// Adds 1 to the views of posts p.ids: under the lock, one read, one setValues per run of adjacent
// rows (like post.save() for each post inside SheetORM.transaction).
function run(p) {
  return withLock(() => {
    const posts = readSheet('Posts');
    const ids = new Set(p.ids);
    const cells = [];
    posts.rows.forEach((row, i) => {
      if (ids.has(row[posts.col.id])) cells.push({ row: i + 2, value: row[posts.col.views] + 1 });
    });
    writeColumn(posts.sheet, posts.col.views + 1, cells);
    return cells.length;
  });
}
