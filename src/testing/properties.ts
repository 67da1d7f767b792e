/**
 * The fake PropertiesService: script, user (per execution) and document (per spreadsheet) stores,
 * with the real quotas of 9 KB a value and 500 KB a store.
 */
import { utf8Length } from './cache';
import { invoke } from './calls';
import { checkSignature, exception, MSG } from './errors';
import { currentExecution, World } from './model';

type Properties = GoogleAppsScript.Properties.Properties;

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const stores = new WeakMap<object, { world: World; key: string }>();
const services = new WeakMap<object, World>();

/** Creates the PropertiesService object of a world. */
export function makePropertiesService(world: World): GoogleAppsScript.Properties.PropertiesService {
  const service = new FakePropertiesService();
  services.set(service, world);
  return service;
}

function newProperties(world: World, key: string): Properties {
  const properties = new FakeProperties();
  stores.set(properties, { world, key });
  return properties;
}

function onService<T>(fake: object, method: string, args: IArguments, body: (world: World) => T): T {
  const world = services.get(fake)!;
  return invoke(world, `PropertiesService.${method}`, {}, args, () => body(world));
}

class FakePropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  getScriptProperties(): Properties {
    return onService(this, 'getScriptProperties', arguments, (w) => newProperties(w, 'script'));
  }

  getUserProperties(): Properties {
    return onService(this, 'getUserProperties', arguments, (w) => newProperties(w, `user:${currentExecution(w)}`));
  }

  getDocumentProperties(): Properties {
    return onService(this, 'getDocumentProperties', arguments, (w) => newProperties(w, `document:${w.active.id}`));
  }
}

/** Throws the quota error unless `map` fits; callers check a copy so a refused write changes nothing. */
function checkQuota(map: Map<string, string>): void {
  // Sizes are UTF-8 bytes: a value alone against 9 KB, keys and values together against 500 KB.
  let total = 0;
  map.forEach((value, key) => {
    const bytes = utf8Length(value);
    if (bytes > MAX_VALUE_BYTES) throw exception(MSG.propertyQuota);
    total += utf8Length(key) + bytes;
  });
  if (total > MAX_STORE_BYTES) throw exception(MSG.propertyQuota);
}

/** Replaces the contents of `map` with `next` once `next` is known to fit the quota. */
function commit(map: Map<string, string>, next: Map<string, string>): void {
  checkQuota(next);
  map.clear();
  next.forEach((value, key) => map.set(key, value));
}

function on<T>(fake: FakeProperties, method: string, args: IArguments, body: (map: Map<string, string>) => T, accepts: (args: IArguments) => boolean = (list) => list.length === 0): T {
  const { world, key } = stores.get(fake)!;
  return invoke(world, `Properties.${method}`, {}, args, () => {
    // Checked inside the call: a refused call is still a call, as it is in the logs of Apps Script.
    checkSignature(accepts(args), args, `PropertiesService.Properties.${method}`);
    let map = world.properties.get(key);
    if (!map) world.properties.set(key, (map = new Map()));
    return body(map);
  });
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A call with missing or extra arguments throws the signature error (`setProperty('k')` stores nothing). */
const arity = (count: number) => (args: IArguments) => args.length === count;

class FakeProperties implements Properties {
  getProperty(key: string): string | null {
    return on(this, 'getProperty', arguments, (map) => map.get(String(key)) ?? null, arity(1));
  }

  setProperty(key: string, value: string): Properties {
    return on(
      this,
      'setProperty',
      arguments,
      (map) => {
        commit(map, new Map(map).set(String(key), String(value)));
        return this;
      },
      arity(2),
    );
  }

  deleteProperty(key: string): Properties {
    return on(
      this,
      'deleteProperty',
      arguments,
      (map) => {
        map.delete(String(key));
        return this;
      },
      arity(1),
    );
  }

  getProperties(): { [key: string]: string } {
    return on(this, 'getProperties', arguments, (map) => {
      const copy: Record<string, string> = {};
      map.forEach((value, key) => (copy[key] = value));
      return copy;
    });
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    return on(
      this,
      'setProperties',
      arguments,
      (map) => {
        const next = new Map(deleteAllOthers ? [] : map);
        for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
        commit(map, next);
        return this;
      },
      (args) => (args.length === 1 || (args.length === 2 && typeof args[1] === 'boolean')) && isObject(args[0]),
    );
  }

  getKeys(): string[] {
    return on(this, 'getKeys', arguments, (map) => Array.from(map.keys()));
  }

  deleteAllProperties(): Properties {
    return on(this, 'deleteAllProperties', arguments, (map) => {
      map.clear();
      return this;
    });
  }
}

/** The fake classes, for the compile-time API check. */
export type { FakeProperties, FakePropertiesService };
