/** Default key and pivot names, derived from sheet names the way Eloquent derives them from tables. */
import pluralize from 'pluralize';

/**
 * Words `pluralize` gets wrong that sheets of business data use: singulars ending in -ie or -che
 * (it gives `cooky`, `cach`) and singulars ending in -s (it takes `Canvas` for a plural).
 */
const PLURAL_OF: Record<string, string> = {};
const SINGULAR_OF: Record<string, string> = {};
'cookie calorie rookie brownie selfie hoodie smoothie sortie prairie auntie birdie freebie hippie newbie techie veggie beanie bookie lingerie cache niche headache avalanche cliche moustache mustache quiche creche psyche'
  .split(' ')
  .forEach((word) => (SINGULAR_OF[`${word}s`] = word));
// Acronyms that end in s are singular (`GPS` → `gps_id`, not `gp_id`).
'gps dns aws sms os ios cms pos rss sos gis lms https'.split(' ').forEach((word) => (SINGULAR_OF[word] = word));
// Collective nouns sheets use as they are (pluralize gives `datum`).
'data metadata'.split(' ').forEach((word) => (SINGULAR_OF[word] = word));
'canvas bias lens'.split(' ').forEach((word) => {
  SINGULAR_OF[`${word}es`] = word;
  SINGULAR_OF[word] = word;
  PLURAL_OF[word] = `${word}es`;
});

/** A lower-case word's singular. */
function singular(word: string): string {
  if (Object.prototype.hasOwnProperty.call(SINGULAR_OF, word)) return SINGULAR_OF[word];
  // A one-letter name (`S`) is no plural: pluralize would leave nothing of it.
  return pluralize.singular(word) || word;
}

/** The default sheet of a model class: its name's plural (`Post` → `Posts`, `UserURL` → `UserURLs`, `Canvas` → `Canvases`). */
export function pluralName(name: string): string {
  const last = (name.match(/[A-Za-z][a-z]*$/) || [''])[0].toLowerCase();
  if (Object.prototype.hasOwnProperty.call(PLURAL_OF, last)) return name + PLURAL_OF[last].slice(last.length);
  // A name ending in an acronym takes a lower-case s, as sheets name them (`UserURL` → `UserURLs`);
  // one ending in S is left as it is (`UserGPS`). A name all in capitals is pluralize's (`USER` → `USERS`).
  if (/[a-z][A-Z][A-Z\d]+$/.test(name)) return /S$/.test(name) ? name : `${name}s`;
  return pluralize(name);
}

/** `BlogPosts` → `blog_posts`, `Blog Posts` → `blog_posts`, `URLs` → `urls`. */
export function snakeCase(text: string): string {
  return text
    .trim()
    // An acronym's plural s is no word of its own: `FAQs` is one word, not `fa_qs`.
    .replace(/([A-Z])([A-Z\d]+)s(?![a-z])/g, (_, first: string, rest: string) => `${first}${rest.toLowerCase()}s`)
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[\s\-.]+/g, '_')
    .toLowerCase();
}

/** `Posts` → `post`, `Categories` → `category`, `BlogPosts` → `blog_post`. */
export function singularSnake(sheetName: string): string {
  const words = snakeCase(sheetName).split('_');
  const last = words[words.length - 1];
  // An acronym's plural drops its s: `SKUs` → `sku` (pluralize would keep `skus`, as in `status`).
  const plural = /([A-Z][A-Z\d]+)s$/.exec(sheetName.trim());
  words[words.length - 1] = plural && last === `${plural[1].toLowerCase()}s` ? plural[1].toLowerCase() : singular(last);
  return words.join('_');
}

/** `post` + `id` → `post_id` (the stem from keyStem). */
export function foreignKeyFor(stem: string, key: string): string {
  return `${stem}_${key}`;
}

/**
 * The default foreign key of hasOne/hasMany/belongsTo: the key owner's singular name and primary key,
 * as in Lucid and Eloquent, whichever column the relation matches on; with a composite primary
 * key, the column it matches on.
 */
export function defaultForeignKey(stem: string, primaryKeys: readonly string[], matchedKey: string): string {
  return foreignKeyFor(stem, primaryKeys.length === 1 ? primaryKeys[0] : matchedKey);
}

/** The default pivot sheet: both singular names, sorted and joined (`project_user`). */
export function pivotSheetFor(parentStem: string, relatedStem: string): string {
  return [parentStem, relatedStem].sort().join('_');
}
