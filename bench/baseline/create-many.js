// Inserts p.count posts with ids max + 1, ...: under the lock, one read for the ids, the grid grown
// once, one setValues (like Post.createMany(list)).
function run(p) {
  return withLock(() => {
    const posts = readSheet('Posts');
    let maxId = 0;
    for (const row of posts.rows) if (typeof row[posts.col.id] === 'number' && row[posts.col.id] > maxId) maxId = row[posts.col.id];
    const created = [];
    for (let i = 0; i < p.count; i++) {
      created.push({ id: maxId + 1 + i, user_id: (i % p.users) + 1, title: 'New post ' + i, status: 'draft', views: 0, created_at: new Date(p.start + i * 60000) });
    }
    const values = created.map((post) => posts.header.map((name) => (post[name] === undefined ? '' : post[name])));
    const firstRow = posts.rows.length + 2;
    growTo(posts.sheet, firstRow + values.length - 1);
    posts.sheet.getRange(firstRow, 1, values.length, posts.header.length).setValues(values);
    return created;
  });
}
