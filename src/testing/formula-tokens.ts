/** Splits a formula into tokens, keeping positions so references can be rewritten in place. */
import { columnIndex, columnLetters } from './a1';

/** One lexical token of a formula. */
export interface Token {
  type: 'number' | 'string' | 'error' | 'ref' | 'name' | 'op' | 'space';
  text: string;
  start: number;
}

const REF =
  /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}(?:\$?\d+)?)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+|#REF!)(?![A-Za-z0-9_(!])/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"]|"")*"/y;
const ERROR = /#(?:REF!|NAME\?|N\/A|DIV\/0!|VALUE!|NUM!|NULL!|ERROR!)/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const OPERATOR = /<>|<=|>=|[-+*/^&=<>(),;:%]/y;
const SPACE = /\s+/y;

const RULES: Array<[Token['type'], RegExp]> = [
  ['space', SPACE],
  ['string', STRING],
  ['ref', REF],
  ['error', ERROR],
  ['number', NUMBER],
  ['name', NAME],
  ['op', OPERATOR],
];

/** Tokens of a formula body (the text after "="); null when it cannot be read. */
export function tokenize(body: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  while (at < body.length) {
    let matched = false;
    for (const [type, pattern] of RULES) {
      pattern.lastIndex = at;
      const match = pattern.exec(body);
      if (match && match[0].length > 0) {
        tokens.push({ type, text: match[0], start: at });
        at += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) return null;
  }
  return tokens;
}

/** One end of a reference: a row, a column, or both, each maybe absolute ("$"). */
export interface RefEnd {
  col?: number;
  row?: number;
  absCol: boolean;
  absRow: boolean;
}

/** A reference token taken apart; `broken` for "#REF!". */
export interface RefParts {
  sheet?: string;
  prefix: string;
  start: RefEnd;
  end?: RefEnd;
  broken: boolean;
}

const END = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/;

function parseEnd(text: string): RefEnd {
  const match = END.exec(text) ?? [];
  return {
    absCol: match[1] === '$' && match[2] !== undefined,
    col: match[2] ? columnIndex(match[2]) : undefined,
    absRow: match[3] === '$' || (match[1] === '$' && match[2] === undefined),
    row: match[4] ? Number(match[4]) : undefined,
  };
}

/** Takes a "ref" token apart. */
export function parseRef(text: string): RefParts {
  const bang = text.lastIndexOf('!', text.length - 2);
  const prefix = bang === -1 ? '' : text.slice(0, bang + 1);
  const body = text.slice(prefix.length);
  const quoted = prefix.startsWith("'");
  const sheet = prefix ? (quoted ? prefix.slice(1, -2).replace(/''/g, "'") : prefix.slice(0, -1)) : undefined;
  if (body === '#REF!') return { sheet, prefix, start: { absCol: false, absRow: false }, broken: true };
  const [left, right] = body.split(':');
  return { sheet, prefix, start: parseEnd(left), end: right === undefined ? undefined : parseEnd(right), broken: false };
}

function endText(end: RefEnd): string {
  const col = end.col === undefined ? '' : (end.absCol ? '$' : '') + columnLetters(end.col);
  const row = end.row === undefined ? '' : (end.absRow ? '$' : '') + end.row;
  return col + row;
}

/** Prints reference parts back as a token. */
export function refText(parts: RefParts): string {
  if (parts.broken) return '#REF!';
  return parts.prefix + endText(parts.start) + (parts.end ? `:${endText(parts.end)}` : '');
}
