// Helpers shared by the hand-written baselines: plain Apps Script, as an expert writes it (one
// getValues per sheet, Map joins, one setValues per contiguous block, bottom-up deleteRows runs,
// a lock and a flush around writes). Loaded before the baseline's own file, as a second file of
// the same project. Each baseline file defines `run(p)`.

let book_ = null;

/** The active spreadsheet, opened once per execution. */
function book() {
  return book_ || (book_ = SpreadsheetApp.getActiveSpreadsheet());
}

/** A whole sheet in one read: { sheet, header, rows (without the header), col: name → index }. */
function readSheet(name) {
  const sheet = book().getSheetByName(name);
  const rows = sheet.getDataRange().getValues();
  const header = rows.shift();
  const col = {};
  header.forEach((title, i) => (col[title] = i));
  return { sheet, header, rows, col };
}

/** A row as an object keyed by header. */
function rowObject(table, row) {
  const object = {};
  for (let i = 0; i < table.header.length; i++) object[table.header[i]] = row[i] === '' ? null : row[i];
  return object;
}

/** Runs fn holding the script lock; flushes before releasing it. */
function withLock(fn) {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30000)) throw new Error('Another execution is writing; try again.');
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Makes room for rows up to `lastRow`. */
function growTo(sheet, lastRow) {
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
}

/** Writes cells of one column ({ row, value }, any order): one setValues per run of adjacent rows. */
function writeColumn(sheet, column, cells) {
  cells.sort((a, b) => a.row - b.row);
  for (let i = 0; i < cells.length; ) {
    let j = i + 1;
    while (j < cells.length && cells[j].row === cells[j - 1].row + 1) j++;
    const values = cells.slice(i, j).map((cell) => [cell.value]);
    sheet.getRange(cells[i].row, column, values.length, 1).setValues(values);
    i = j;
  }
}

/** Deletes sheet rows (any order) bottom-up, one deleteRows per run of adjacent rows. */
function deleteRowNumbers(sheet, rowNumbers) {
  const sorted = rowNumbers.slice().sort((a, b) => b - a);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1] - 1) j++;
    sheet.deleteRows(sorted[j - 1], j - i);
    i = j;
  }
}

/** Gives cells of one column (sheet rows, any order) one value: one RangeList of the runs of adjacent rows. */
function writeSameValue(sheet, column, rows, value) {
  if (!rows.length) return;
  const letter = columnLetter_(column);
  const sorted = rows.slice().sort((a, b) => a - b);
  const a1s = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1] + 1) j++;
    a1s.push(j - i === 1 ? `${letter}${sorted[i]}` : `${letter}${sorted[i]}:${letter}${sorted[j - 1]}`);
    i = j;
  }
  sheet.getRangeList(a1s).setValue(value);
}

function columnLetter_(column) {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
