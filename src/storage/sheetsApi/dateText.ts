/**
 * Which text a date cell may show. The Sheets API gives a date, time or duration as the text of
 * its number format; text that no such format could produce is known to be text, and spares the
 * second read that tells dates apart. A format shows digits, or names (`mmmm` January, `ddd` Mon,
 * `mmmmm` J, `am/pm`, `a/p`) in the spreadsheet's language: the English ones are known here, so a date
 * column formatted to show only names in another language reads as its text.
 */

const DIGIT = /\d/;
// As Sheets writes them: capitalised names, AM/PM, a month's initial (mmmmm) and a or p (a/p), as words.
const NAME =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?|AM|PM|[JFMASONDPap])(?![A-Za-z])/;

/** True when `text` could be how a date, time or duration cell is shown. */
export function mayShowDate(text: string): boolean {
  return DIGIT.test(text) || NAME.test(text);
}
