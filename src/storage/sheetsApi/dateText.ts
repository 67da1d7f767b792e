/**
 * Which text a date cell may show. The Sheets API gives a date, time or duration as the text of
 * its number format; text that no such format could produce is known to be text, and spares the
 * second read that tells dates apart. A format shows digits, or names (`mmmm` January, `ddd` Mon,
 * `mmmmm` J, `am/pm`, `a/p`) in the spreadsheet's language: the English ones are known here, so a date
 * column formatted to show only names in another language, only quoted text, or quoted letters
 * touching an initial or an abbreviation (`"Q"mmmmm`, `mmm"s"`, `mmmm"s"` in May) reads as its text.
 */

const DIGIT = /\d/;
// Month and day names as Sheets writes them (capitalised). A format's quoted text may touch them
// (`dddd"s"` shows Mondays, `"FY"mmm` FYJan): full names count anywhere, and so do abbreviations
// not followed by a lower-case letter, so names such as Mark or Janet stay known text. May is its
// own abbreviation: followed by a lower-case letter it is a word (Maybe, Maya).
const FULL_NAME = /January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/;
const SHORT_NAME = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?![a-z])/;
// AM/PM, a month's initial (mmmmm) and a or p (a/p), as words: as parts of words they are any text.
const WORD = /\b(?:AM|PM|[JFMASONDPap])(?![A-Za-z])/;

/** True when `text` could be how a date, time or duration cell is shown. */
export function mayShowDate(text: string): boolean {
  return DIGIT.test(text) || SHORT_NAME.test(text) || FULL_NAME.test(text) || WORD.test(text);
}
