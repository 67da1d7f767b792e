/**
 * The fake CacheService, with the real limits: keys up to 250 characters, values up to 100 KB,
 * expiry between 1 second and 6 hours (default 10 minutes) on the fake clock, and at most 1,000
 * entries (the oldest 100 are evicted when full).
 */
import { invoke } from './calls';
import { checkSignature, exception, isInteger, MSG } from './errors';
import { CacheEntry, currentExecution, World } from './model';

const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_TTL = 21600;
const DEFAULT_TTL = 600;
const MAX_ENTRIES = 1000;
const EVICTED = 100;

const caches = new WeakMap<object, { world: World; key: string }>();
const services = new WeakMap<object, World>();

/** The size of a string in UTF-8 bytes, which is how Apps Script measures its storage limits. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Creates the CacheService object of a world. */
export function makeCacheService(world: World): GoogleAppsScript.Cache.CacheService {
  const service = new FakeCacheService();
  services.set(service, world);
  return service;
}

function newCache(world: World, key: string): GoogleAppsScript.Cache.Cache {
  const cache = new FakeCache();
  caches.set(cache, { world, key });
  return cache;
}

function onService<T>(fake: object, method: string, args: IArguments, body: (world: World) => T): T {
  const world = services.get(fake)!;
  return invoke(world, `CacheService.${method}`, {}, args, () => body(world));
}

class FakeCacheService implements GoogleAppsScript.Cache.CacheService {
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return onService(this, 'getScriptCache', arguments, (w) => newCache(w, 'script'));
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    return onService(this, 'getUserCache', arguments, (w) => newCache(w, `user:${currentExecution(w)}`));
  }

  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return onService(this, 'getDocumentCache', arguments, (w) => newCache(w, `document:${w.active.id}`));
  }
}

function onCache<T>(fake: object, method: string, args: IArguments, accepts: boolean, body: (store: Map<string, CacheEntry>, world: World) => T): T {
  const { world, key } = caches.get(fake)!;
  return invoke(world, `Cache.${method}`, {}, args, () => {
    // `put('k')` stores nothing: missing or extra arguments are the signature error, as for Properties.
    checkSignature(accepts, args, `CacheService.Cache.${method}`);
    let store = world.caches.get(key);
    if (!store) world.caches.set(key, (store = new Map()));
    store.forEach((entry, k) => {
      if (entry.expiresAt <= world.now) store!.delete(k);
    });
    return body(store, world);
  });
}

const isKey = (key: unknown) => key !== undefined && key !== null;
const isKeyList = (keys: unknown) => Array.isArray(keys) && keys.every(isKey);
const isEntries = (values: unknown) => typeof values === 'object' && values !== null && !Array.isArray(values);
/** `count` arguments, or one more: an expiry in whole seconds. */
const withSeconds = (args: IArguments, count: number) => args.length === count || (args.length === count + 1 && isInteger(args[count]));

function checkKey(key: unknown): string {
  const text = String(key);
  if (text.length > MAX_KEY) throw exception(MSG.cacheKeyTooLarge);
  return text;
}

function store(entries: Map<string, CacheEntry>, world: World, values: Array<[unknown, unknown]>, seconds: unknown): void {
  const ttl = typeof seconds === 'number' && seconds >= 1 ? Math.min(seconds, MAX_TTL) : DEFAULT_TTL;
  const checked = values.map(([key, value]) => {
    const text = String(value);
    if (utf8Length(text) > MAX_VALUE_BYTES) throw exception(MSG.cacheValueTooLarge);
    return [checkKey(key), text] as const;
  });
  for (const [key, value] of checked) {
    entries.delete(key);
    entries.set(key, { value, expiresAt: world.now + ttl * 1000 });
    if (entries.size > MAX_ENTRIES) Array.from(entries.keys()).slice(0, EVICTED).forEach((old) => entries.delete(old));
  }
}

class FakeCache implements GoogleAppsScript.Cache.Cache {
  get(key: string): string | null {
    return onCache(this, 'get', arguments, arguments.length === 1 && isKey(key), (entries) => entries.get(checkKey(key))?.value ?? null);
  }

  getAll(keys: string[]): { [key: string]: any } {
    return onCache(this, 'getAll', arguments, arguments.length === 1 && isKeyList(keys), (entries) => {
      const found: Record<string, string> = {};
      for (const key of keys) {
        const entry = entries.get(checkKey(key));
        if (entry) found[key] = entry.value;
      }
      return found;
    });
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    onCache(this, 'put', arguments, withSeconds(arguments, 2) && isKey(key) && value !== undefined, (entries, world) => store(entries, world, [[key, value]], expirationInSeconds));
  }

  putAll(values: { [key: string]: any }, expirationInSeconds?: number): void {
    onCache(this, 'putAll', arguments, withSeconds(arguments, 1) && isEntries(values), (entries, world) => store(entries, world, Object.entries(values), expirationInSeconds));
  }

  remove(key: string): void {
    onCache(this, 'remove', arguments, arguments.length === 1 && isKey(key), (entries) => {
      entries.delete(checkKey(key));
    });
  }

  removeAll(keys: string[]): void {
    onCache(this, 'removeAll', arguments, arguments.length === 1 && isKeyList(keys), (entries) => keys.forEach((key) => entries.delete(checkKey(key))));
  }
}

/** The fake classes, for the compile-time API check. */
export type { FakeCache, FakeCacheService };
