/**
 * Utilities.parseCsv: RFC 4180 text into rows of strings. Fields are split on the delimiter,
 * records on \n, \r\n or \r; a quoted field may hold delimiters, line breaks and doubled quotes
 * (""); one line break at the very end ends the last record. What Apps Script makes of an empty
 * text, a blank line, an unclosed quote, a quote inside an unquoted field or text after a closing quote is unconfirmed, so the kit
 * refuses those with a TypeError rather than let a test pass on a guess.
 */

function unsimulated(what: string): TypeError {
  return new TypeError(`sheetorm/testing: Utilities.parseCsv of ${what} is not simulated (what Apps Script returns for it is unconfirmed).`);
}

/** Parses CSV text; every record is an array of its fields, all strings. */
export function parseCsvText(csv: string, delimiter: string): string[][] {
  if (csv === '') throw unsimulated('an empty text');
  if (delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw unsimulated(`the delimiter ${JSON.stringify(delimiter)}`);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // whether the current field was quoted
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    if (row.length === 0 && field === '' && !quoted) throw unsimulated('a blank line');
    endField();
    rows.push(row);
    row = [];
  };
  while (i < csv.length) {
    const ch = csv[i];
    if (ch === '"' && field === '') {
      // A quoted field: runs to the closing quote; "" inside is one quote.
      let j = i + 1;
      for (;;) {
        if (j >= csv.length) throw unsimulated('an unclosed quote');
        if (csv[j] === '"' && csv[j + 1] === '"') (field += '"'), (j += 2);
        else if (csv[j] === '"') break;
        else field += csv[j++];
      }
      i = j + 1;
      quoted = true;
      const next = csv[i];
      if (i < csv.length && next !== delimiter && next !== '\n' && next !== '\r') throw unsimulated('text after a closing quote');
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '"') {
      throw unsimulated('a quote inside an unquoted field');
    } else {
      field += ch;
      i++;
    }
  }
  // The last record, unless a final line break already ended it.
  const last = csv[csv.length - 1];
  if (last !== '\n' && last !== '\r') endRecord();
  return rows;
}
