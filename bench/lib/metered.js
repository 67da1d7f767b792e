/**
 * The stand-in's services behind a thin membrane that measures the CPU time spent inside them.
 *
 * In Apps Script a service call's work happens on Google's side and is what the per-call cost
 * stands for; the in-memory stand-in does that work in our process instead, at its own speed.
 * So the benchmark reports the script's own
 * time (total minus time inside services) and the stand-in's time apart. Every object a service
 * call returns (Spreadsheet, Sheet, Range, Lock, ...) is wrapped in turn; values, arrays of
 * values and Dates pass through as they are.
 */
'use strict';

/**
 * CPU time of this process in ms (user + system, all threads: GC helpers included). Unlike wall
 * time it does not grow when other processes compete for the machine.
 */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Elapsed time in ms: with the machine otherwise idle, the main thread's time, which is what a user waits for. */
function wallMs() {
  return performance.now();
}

function isServiceObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== null && proto !== Object.prototype && Object.prototype.toString.call(value) !== '[object Date]';
}

/**
 * Wraps `globals` (from env.globals()). `meter.serviceMs` and `meter.serviceWallMs` accumulate the CPU
 * and elapsed time inside service calls;
 * `meter.onCall`, when set, runs before each call (outside the measured time).
 */
function meteredGlobals(globals, meter) {
  const proxies = new WeakMap();
  const targets = new WeakMap();
  const unwrap = (value) => (value !== null && typeof value === 'object' && targets.has(value) ? targets.get(value) : value);

  function wrap(value) {
    if (Array.isArray(value) && value.length && isServiceObject(value[0])) return value.map(wrap);
    if (!isServiceObject(value)) return value;
    let proxy = proxies.get(value);
    if (proxy) return proxy;
    const methods = new Map();
    proxy = new Proxy(value, {
      get(target, name) {
        const member = target[name];
        if (typeof member !== 'function') return member;
        let method = methods.get(name);
        if (!method) {
          method = function metered(...args) {
            if (meter.onCall) meter.onCall();
            const started = cpuMs();
            const startedWall = wallMs();
            try {
              return wrap(member.apply(target, args.map(unwrap)));
            } finally {
              meter.serviceMs += cpuMs() - started;
              meter.serviceWallMs += wallMs() - startedWall;
            }
          };
          methods.set(name, method);
        }
        return method;
      },
    });
    proxies.set(value, proxy);
    targets.set(proxy, value);
    return proxy;
  }

  const out = {};
  for (const [name, service] of Object.entries(globals)) out[name] = wrap(service);
  return out;
}

module.exports = { meteredGlobals, cpuMs, wallMs };
