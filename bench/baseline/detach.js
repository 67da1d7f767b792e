// Removes tag p.tag from every post: the tag looked up, then under the lock one read of PostTag and
// its rows deleted bottom-up (like Tag.findBy('name', p.tag).related('posts').detach()).
function run(p) {
  const tags = readSheet('Tags');
  const tagRow = tags.rows.find((row) => row[tags.col.name] === p.tag);
  if (!tagRow) throw new Error('No tag ' + p.tag);
  const tagId = tagRow[tags.col.id];
  return withLock(() => {
    const pivot = readSheet('PostTag');
    const doomed = [];
    const detached = [];
    pivot.rows.forEach((row, i) => {
      if (row[pivot.col.tag_id] !== tagId) return;
      doomed.push(i + 2);
      detached.push(row[pivot.col.post_id]);
    });
    deleteRowNumbers(pivot.sheet, doomed);
    return detached;
  });
}
