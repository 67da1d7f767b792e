/** The fake PropertiesService: script, user (per execution) and document (per spreadsheet) stores. */
import { invoke } from './calls';
import { currentExecution, World } from './model';

type Properties = GoogleAppsScript.Properties.Properties;

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

function on<T>(fake: FakeProperties, method: string, args: IArguments, body: (map: Map<string, string>) => T): T {
  const { world, key } = stores.get(fake)!;
  return invoke(world, `Properties.${method}`, {}, args, () => {
    let map = world.properties.get(key);
    if (!map) world.properties.set(key, (map = new Map()));
    return body(map);
  });
}

class FakeProperties implements Properties {
  getProperty(key: string): string | null {
    return on(this, 'getProperty', arguments, (map) => map.get(String(key)) ?? null);
  }

  setProperty(key: string, value: string): Properties {
    return on(this, 'setProperty', arguments, (map) => {
      map.set(String(key), String(value));
      return this;
    });
  }

  deleteProperty(key: string): Properties {
    return on(this, 'deleteProperty', arguments, (map) => {
      map.delete(String(key));
      return this;
    });
  }

  getProperties(): { [key: string]: string } {
    return on(this, 'getProperties', arguments, (map) => {
      const copy: Record<string, string> = {};
      map.forEach((value, key) => (copy[key] = value));
      return copy;
    });
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    return on(this, 'setProperties', arguments, (map) => {
      if (deleteAllOthers) map.clear();
      for (const [key, value] of Object.entries(properties)) map.set(key, String(value));
      return this;
    });
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
