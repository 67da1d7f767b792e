/** The fake Logger (printing into env.logs) and Session (the execution name is the user). */
import { invoke } from './calls';
import { currentExecution, World } from './model';

const worlds = new WeakMap<object, World>();

function on<T>(fake: object, method: string, args: IArguments, body: (world: World) => T): T {
  const world = worlds.get(fake)!;
  return invoke(world, method, {}, args, () => body(world));
}

/** How Logger writes a value: numbers as Java doubles, objects as `{key=value}`, lists as `[a, b]` (its Java-side rendering). */
function text(value: unknown, seen: object[] = []): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return javaDouble(value);
  if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) === '[object Date]') return String(value);
  if (seen.indexOf(value) >= 0) return '(this Map)';
  const inner = seen.concat([value]);
  if (Array.isArray(value)) return `[${value.map((item) => text(item, inner)).join(', ')}]`;
  return `{${Object.keys(value).map((key) => `${key}=${text((value as Record<string, unknown>)[key], inner)}`).join(', ')}}`;
}

/**
 * A number as Java's Double.toString writes it, as Logger does: `3` → `3.0`, `12345678` →
 * `1.2345678E7`, `0.0001` → `1.0E-4` (scientific outside 10^-3 ≤ |n| < 10^7).
 */
export function javaDouble(n: number): string {
  if (!isFinite(n)) return String(n);
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const size = Math.abs(n);
  if (size >= 1e-3 && size < 1e7) {
    const plain = String(n);
    return plain.indexOf('.') >= 0 ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.indexOf('.') >= 0 ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** The line `Logger.log(data)` writes: an object's `message` when it has one (the rest is structured payload). */
function logLine(data: unknown): string {
  const message = data !== null && typeof data === 'object' ? (data as { message?: unknown }).message : undefined;
  return message !== undefined ? text(message) : text(data);
}

/** Creates the Logger object of a world. */
export function makeLogger(world: World): GoogleAppsScript.Base.Logger {
  const logger = new FakeLogger();
  worlds.set(logger, world);
  return logger;
}

class FakeLogger implements GoogleAppsScript.Base.Logger {
  log(format: any, ...values: any[]): GoogleAppsScript.Base.Logger {
    return on(this, 'Logger.log', arguments, (world) => {
      let next = 0;
      const line = values.length && typeof format === 'string' ? format.replace(/%s/g, () => text(values[next++])) : logLine(format);
      world.logs.push(line);
      return this;
    });
  }

  getLog(): string {
    return on(this, 'Logger.getLog', arguments, (world) => world.logs.join('\n'));
  }

  clear(): void {
    on(this, 'Logger.clear', arguments, (world) => {
      world.logs.length = 0;
    });
  }
}

/** Creates the Session object of a world. */
export function makeSession(world: World): GoogleAppsScript.Base.Session {
  const session = new FakeSession();
  worlds.set(session, world);
  return session as unknown as GoogleAppsScript.Base.Session;
}

function user(world: World, execution: string): GoogleAppsScript.Base.User {
  const fake = new FakeUser();
  worlds.set(fake, world);
  emails.set(fake, `${execution}@example.com`);
  return fake as unknown as GoogleAppsScript.Base.User;
}

const emails = new WeakMap<object, string>();

class FakeSession {
  getActiveUser(): GoogleAppsScript.Base.User {
    return on(this, 'Session.getActiveUser', arguments, (w) => user(w, currentExecution(w)));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return on(this, 'Session.getEffectiveUser', arguments, (w) => user(w, currentExecution(w)));
  }

  getActiveUserLocale(): string {
    return on(this, 'Session.getActiveUserLocale', arguments, () => 'en');
  }

  getScriptTimeZone(): string {
    return on(this, 'Session.getScriptTimeZone', arguments, (w) => w.timeZone);
  }

  getTemporaryActiveUserKey(): string {
    return on(this, 'Session.getTemporaryActiveUserKey', arguments, (w) => `temporary-key-${currentExecution(w)}`);
  }
}

class FakeUser {
  getEmail(): string {
    return on(this, 'User.getEmail', arguments, () => emails.get(this)!);
  }
}

/** The fake Logger, Session and User classes, for the compile-time API check. */
export type { FakeLogger, FakeSession, FakeUser };
