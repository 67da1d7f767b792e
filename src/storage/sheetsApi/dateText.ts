/**
 * Which text a date cell may show. The Sheets API gives a date, time or duration as the text of
 * its number format; text that no such format could produce is known to be text, and spares the
 * second read that tells dates apart. A format shows digits, or names (`mmmm` January, `ddd` Mon,
 * `mmmmm` J, `am/pm`, `a/p`) in the spreadsheet's language: the English ones are known here, so a date
 * column formatted to show only names in another language (or only quoted text) reads as its text.
 */

const DIGIT = /\d/;
// Capitalised month and day names as Sheets writes them, anywhere: a format's quoted text may touch
// them (`dddd"s"` shows Mondays, `"FY"mmm` FYJan). Every full name starts with its abbreviation.
const NAME = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun/;
// AM/PM, a month's initial (mmmmm) and a or p (a/p), as words: as parts of words they are any text.
const WORD = /\b(?:AM|PM|[JFMASONDPap])(?![A-Za-z])/;

/** True when `text` could be how a date, time or duration cell is shown. */
export function mayShowDate(text: string): boolean {
  return DIGIT.test(text) || NAME.test(text) || WORD.test(text);
}
