/**
 * Which text a date cell may show. The Sheets API gives a date, time or duration as the text of
 * its number format; text that no such format could produce is known to be text, and spares the
 * second read that tells dates apart. A format shows digits, or names (`mmmm` January, `ddd` Mon,
 * `mmmmm` J, `am/pm`, `a/p`) in the spreadsheet's language: the English ones are known here, so a date
 * column formatted to show only names in another language reads as its text.
 */

const DIGIT = /\d/;
const NAME =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\.?m\.?)(?![a-z])/i;
const INITIAL = /^(?:[JFMASOND]|[apAP])$/;

/** True when `text` could be how a date, time or duration cell is shown. */
export function mayShowDate(text: string): boolean {
  return DIGIT.test(text) || INITIAL.test(text) || NAME.test(text);
}
