/** Default key and pivot names, derived from sheet names the way Eloquent derives them from tables. */
import pluralize from 'pluralize';

/** `BlogPosts` → `blog_posts`, `Blog Posts` → `blog_posts`. */
export function snakeCase(text: string): string {
  return text
    .trim()
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[\s\-.]+/g, '_')
    .toLowerCase();
}

/** `Posts` → `post`, `Categories` → `category`, `BlogPosts` → `blog_post`. */
export function singularSnake(sheetName: string): string {
  const words = snakeCase(sheetName).split('_');
  words[words.length - 1] = pluralize.singular(words[words.length - 1]);
  return words.join('_');
}

/** `Posts` + `id` → `post_id`. */
export function foreignKeyFor(sheetName: string, key: string): string {
  return `${singularSnake(sheetName)}_${key}`;
}

/** The default pivot sheet: both singular names, sorted and joined (`project_user`). */
export function pivotSheetFor(parentSheet: string, relatedSheet: string): string {
  return [singularSnake(parentSheet), singularSnake(relatedSheet)].sort().join('_');
}
