/**
 * One page of a query's results with what a pager needs (Lucid's SimplePaginator): a Collection of
 * the page's items plus the total, page numbers and page URLs for a `doGet` web app.
 */
import { Collection } from './Collection';
import { ValidationError } from '../errors';
import { describeValue } from '../support/values';
import type { CherryPick } from '../model/serialize';
import type { Plain } from './select';

/** What `getMeta()` gives (Lucid's snake_case keys). */
export interface PaginationMeta {
  total: number;
  per_page: number;
  current_page: number;
  last_page: number;
  first_page: number;
  first_page_url: string;
  last_page_url: string;
  next_page_url: string | null;
  previous_page_url: string | null;
}

/** Query-string values `queryString()` keeps in page URLs. */
export type QueryStringValues = Record<string, string | number | boolean | null | undefined>;

/** What a page turns into for JSON: `{ meta, data }`. */
export interface PaginatedJSON<T> {
  meta: PaginationMeta;
  data: Array<Plain<T>>;
}

const PAGE: unique symbol = Symbol('sheetorm.page');

interface PageState {
  total: number;
  perPage: number;
  currentPage: number;
  url: string;
  query: QueryStringValues;
}

/** A page of results: a Collection with `total`, `perPage`, `currentPage`, `lastPage`, `hasMorePages`, … */
export class Paginator<T> extends Collection<T> {
  private declare [PAGE]: PageState;

  /** A page of `rows` out of `total` (Lucid's argument order); `query.paginate()` makes them. */
  constructor(total = 0, perPage = 20, currentPage = 1, ...rows: T[]) {
    super(rows);
    const whole = (n: unknown, least: number) => typeof n === 'number' && Number.isInteger(n) && n >= least;
    if (!whole(total, 0) || !whole(perPage, 1) || !whole(currentPage, 1)) {
      throw new ValidationError(`new Paginator(total, perPage, currentPage, ...rows): expected whole numbers (perPage and currentPage at least 1), got ${describeValue(total)}, ${describeValue(perPage)}, ${describeValue(currentPage)}.`);
    }
    setPage(this, total, perPage, currentPage);
  }

  /** A page holding `items` (handed over, not copied). */
  static page<T>(items: T[], total: number, perPage: number, currentPage: number): Paginator<T> {
    const page = Object.setPrototypeOf(items, Paginator.prototype) as Paginator<T>;
    setPage(page, total, perPage, currentPage);
    return page;
  }

  /** Rows matching the query, on every page. */
  get total(): number {
    return this[PAGE].total;
  }
  /** Rows per page. */
  get perPage(): number {
    return this[PAGE].perPage;
  }
  /** This page's number (1-based). */
  get currentPage(): number {
    return this[PAGE].currentPage;
  }
  /** Always 1. */
  get firstPage(): number {
    return 1;
  }
  /** The last page's number (1 when there are no rows). */
  get lastPage(): number {
    return Math.max(1, Math.ceil(this.total / this.perPage));
  }
  /** Whether there is more than one page. */
  get hasPages(): boolean {
    return this.lastPage > 1;
  }
  /** Whether a page follows this one. */
  get hasMorePages(): boolean {
    return this.currentPage < this.lastPage;
  }
  /** Whether the total is known (always, here: one read gives it). */
  get hasTotal(): boolean {
    return true;
  }

  /**
   * Sets the path page URLs start with (default '/'): `baseUrl(ScriptApp.getService().getUrl())`.
   * null (what that call gives in a script not deployed as a web app) sets the default.
   */
  baseUrl(url: string | null): this {
    this[PAGE].url = url === null || url === undefined ? '/' : String(url);
    return this;
  }

  /** Query-string values kept in page URLs besides `page` (a filter, a sort). */
  queryString(values: QueryStringValues): this {
    this[PAGE].query = { ...values };
    return this;
  }

  /** The URL of page `page`. */
  getUrl(page: number): string {
    const params: QueryStringValues = { ...this[PAGE].query, page };
    const parts = Object.keys(params)
      .filter((key) => params[key] !== null && params[key] !== undefined)
      .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`);
    // A base that carries its own query (`…/exec?view=list`) gets the page parameters after an '&'.
    const url = this[PAGE].url;
    const glue = url.indexOf('?') < 0 ? '?' : /[?&]$/.test(url) ? '' : '&';
    return `${url}${glue}${parts.join('&')}`;
  }

  /** The next page's URL, or null on the last page. */
  getNextPageUrl(): string | null {
    return this.hasMorePages ? this.getUrl(this.currentPage + 1) : null;
  }

  /** The previous page's URL, or null on the first page. */
  getPreviousPageUrl(): string | null {
    return this.currentPage > 1 ? this.getUrl(Math.min(this.currentPage - 1, this.lastPage)) : null;
  }

  /** `{ page, url, isActive }` for each page from `start` to `end` (a pager's links). */
  getUrlsForRange(start: number, end: number): Array<{ page: number; url: string; isActive: boolean }> {
    const links: Array<{ page: number; url: string; isActive: boolean }> = [];
    for (let page = Math.max(1, start); page <= end; page++) links.push({ page, url: this.getUrl(page), isActive: page === this.currentPage });
    return links;
  }

  /** The page facts, as Lucid names them. */
  getMeta(): PaginationMeta {
    return {
      total: this.total,
      per_page: this.perPage,
      current_page: this.currentPage,
      last_page: this.lastPage,
      first_page: this.firstPage,
      first_page_url: this.getUrl(1),
      last_page_url: this.getUrl(this.lastPage),
      next_page_url: this.getNextPageUrl(),
      previous_page_url: this.getPreviousPageUrl(),
    };
  }

  // toJSON/serialize give `{ meta, data }` (a PaginatedJSON), not the array Collection's give: typed
  // `any` so a page still passes wherever a Collection is taken. `getMeta()` is typed.
  /** `{ meta, data }` (a PaginatedJSON) for a JSON response: `ContentService.createTextOutput(JSON.stringify(page))`. */
  override toJSON(): any {
    return this.withMeta(super.toJSON());
  }

  /** `{ meta, data }` (a PaginatedJSON) with each model's `serialize(cherryPick)`. */
  override serialize(cherryPick?: CherryPick): any {
    // Collection's serialize() without a cherry-pick is toJSON(), which on a page already has its meta.
    return cherryPick === undefined ? this.toJSON() : this.withMeta(super.serialize(cherryPick));
  }

  private withMeta(data: Array<Plain<T>>): PaginatedJSON<T> {
    return { meta: this.getMeta(), data };
  }
}

/** Sets a page's facts, kept off its indexes and enumerable keys so the page stays a clean array. */
function setPage(page: object, total: number, perPage: number, currentPage: number): void {
  Object.defineProperty(page, PAGE, { value: { total, perPage, currentPage, url: '/', query: {} }, writable: true });
}
