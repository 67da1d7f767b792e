// Post.createMany(list) by hand, doing what the ORM does for each row: every attribute checked
// against the header and every value against what a cell can hold before anything is written,
// strings Sheets would parse as something else written as text, and a record per new row (an
// object of a class of its own, with its own Date copies and the row as written kept beside it).
const ROW = Symbol('row as written');
class Record {}
class PostRecord extends Record {}

function isDate_(value) {
  return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Date]';
}

function cellOf_(value, name) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (value.length > 50000) throw new Error(`${name}: over 50,000 characters`);
    return needsApostrophe_(value) ? `'${value}` : value;
  }
  if (typeof value === 'number') {
    if (!isFinite(value)) throw new Error(`${name}: not a finite number`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (isDate_(value) && !isNaN(value.getTime())) return value;
  throw new Error(`${name}: cannot be stored in a cell`);
}

/** Whether Sheets could read the text as a formula, number, date or boolean. */
function needsApostrophe_(text) {
  if (text === '') return false;
  if ('=\'+-@#'.indexOf(text[0]) >= 0) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return /^\s*(true|false)\s*$/i.test(text);
}

function run(p) {
  const list = [];
  for (let i = 0; i < p.count; i++) {
    list.push({ user_id: (i % p.users) + 1, title: 'New post ' + i, status: 'draft', views: 0, created_at: new Date(p.start + i * 60000) });
  }
  return withLock(() => {
    const posts = readSheet('Posts');
    const idColumn = posts.col.id;
    let maxId = 0;
    for (const row of posts.rows) if (typeof row[idColumn] === 'number' && row[idColumn] > maxId) maxId = row[idColumn];
    const values = [];
    const created = [];
    for (let i = 0; i < list.length; i++) {
      const row = posts.header.map(() => null);
      for (const name of Object.keys(list[i])) {
        const column = posts.col[name];
        if (column === undefined) throw new Error(`Posts has no column ${name}`);
        row[column] = list[i][name];
      }
      if (row[idColumn] === null) row[idColumn] = maxId + 1 + i;
      values.push(row.map((value, c) => cellOf_(value, posts.header[c])));
      const post = new PostRecord();
      post[ROW] = row;
      for (let c = 0; c < row.length; c++) post[posts.header[c]] = isDate_(row[c]) ? new Date(row[c].getTime()) : row[c];
      created.push(post);
    }
    const firstRow = posts.rows.length + 2;
    growTo(posts.sheet, firstRow + values.length - 1);
    posts.sheet.getRange(firstRow, 1, values.length, posts.header.length).setValues(values);
    return created;
  });
}
