import { createAppsScript } from '../../src/testing';

describe('CacheService', () => {
  it('stores strings until they expire on the fake clock (10 minutes by default)', () => {
    const env = createAppsScript();
    const cache = env.CacheService.getScriptCache();
    cache.put('a', '1');
    cache.put('b', '2', 60);
    env.clock.advance(59000);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    env.clock.advance(1000);
    expect(cache.get('b')).toBeNull();
    env.clock.advance(540000);
    expect(cache.get('a')).toBeNull();
  });

  it('keeps nothing longer than 6 hours', () => {
    const env = createAppsScript();
    const cache = env.CacheService.getScriptCache();
    cache.put('k', 'v', 100000);
    env.clock.advance(21600 * 1000);
    expect(cache.get('k')).toBeNull();
  });

  it('refuses keys over 250 characters and values over 100 KB', () => {
    const cache = createAppsScript().CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.get('k'.repeat(251))).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(102401))).toThrow('Argument too large: value');
    expect(() => cache.put('k', 'é'.repeat(51201))).toThrow('Argument too large: value');
    cache.put('k'.repeat(250), 'v'.repeat(102400));
    expect(cache.get('k'.repeat(250))).toHaveLength(102400);
  });

  it('puts, removes and shares entries', () => {
    const env = createAppsScript();
    env.CacheService.getScriptCache().putAll({ a: '1', b: '2', c: '3' });
    const other = env.CacheService.getScriptCache();
    other.remove('a');
    other.removeAll(['b']);
    expect(env.CacheService.getScriptCache().getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('keeps user caches per execution and document caches per spreadsheet', () => {
    const env = createAppsScript();
    env.run('A', () => env.CacheService.getUserCache().put('k', 'A'));
    env.run('B', () => expect(env.CacheService.getUserCache().get('k')).toBeNull());
    env.CacheService.getDocumentCache()!.put('d', '1');
    expect(env.CacheService.getScriptCache().get('d')).toBeNull();
    expect(env.CacheService.getDocumentCache()!.get('d')).toBe('1');
  });

  it('refuses calls with missing or mistyped arguments, storing nothing but counting the call', () => {
    const env = createAppsScript();
    const cache = env.CacheService.getScriptCache() as unknown as Record<string, (...args: unknown[]) => unknown>;
    const signature = (method: string) => new RegExp(`don't match the method signature for CacheService\\.Cache\\.${method}\\.$`);
    expect(() => cache.put('k')).toThrow("The parameters (String) don't match the method signature for CacheService.Cache.put.");
    expect(() => cache.put('k', 'v', '60')).toThrow(signature('put'));
    expect(() => cache.put('k', undefined)).toThrow(signature('put'));
    expect(() => cache.get()).toThrow(signature('get'));
    expect(() => cache.getAll()).toThrow(signature('getAll'));
    expect(() => cache.getAll('k')).toThrow(signature('getAll'));
    expect(() => cache.putAll()).toThrow(signature('putAll'));
    expect(() => cache.remove()).toThrow(signature('remove'));
    expect(() => cache.removeAll()).toThrow(signature('removeAll'));
    expect(cache.get('k')).toBeNull();
    expect(env.calls.count('Cache.put')).toBe(3);
  });

  it('evicts the oldest entries past 1,000', () => {
    const cache = createAppsScript().CacheService.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
  });
});

describe('PropertiesService', () => {
  it('sets, reads and deletes properties as strings', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    props.setProperty('n', 42 as unknown as string).setProperties({ a: 'x', b: 'y' });
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('missing')).toBeNull();
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'n']);
    props.deleteProperty('a');
    expect(props.getProperties()).toEqual({ n: '42', b: 'y' });
    props.setProperties({ only: '1' }, true);
    expect(props.getProperties()).toEqual({ only: '1' });
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a call with a missing argument, storing nothing', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    const setOne = props.setProperty as unknown as (key: string) => unknown;
    expect(() => setOne.call(props, 'k')).toThrow("The parameters (String) don't match the method signature for PropertiesService.Properties.setProperty.");
    expect(() => (props.getProperty as unknown as () => unknown).call(props)).toThrow(/method signature for PropertiesService\.Properties\.getProperty/);
    expect(() => (props.setProperties as unknown as () => unknown).call(props)).toThrow(/method signature for PropertiesService\.Properties\.setProperties/);
    expect(() => props.setProperties({ a: '1' }, 'yes' as unknown as boolean)).toThrow(/method signature for PropertiesService\.Properties\.setProperties/);
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses arguments to the methods that take none', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties() as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => props.getKeys('x')).toThrow(/method signature for PropertiesService\.Properties\.getKeys/);
    expect(() => props.getProperties('x')).toThrow(/method signature for PropertiesService\.Properties\.getProperties/);
    expect(() => props.deleteAllProperties('x')).toThrow(/method signature for PropertiesService\.Properties\.deleteAllProperties/);
  });

  it('counts a refused call, as the logs of Apps Script show it', () => {
    const env = createAppsScript();
    const props = env.PropertiesService.getScriptProperties();
    expect(() => (props.setProperty as unknown as (key: string) => unknown).call(props, 'k')).toThrow(/method signature/);
    expect(env.calls.count('Properties.setProperty')).toBe(1);
  });

  it('returns a copy from getProperties', () => {
    const env = createAppsScript();
    const all = env.PropertiesService.getScriptProperties().getProperties();
    all.x = 'y';
    expect(env.PropertiesService.getScriptProperties().getProperty('x')).toBeNull();
  });

  it('keeps user properties per execution and document properties per spreadsheet', () => {
    const env = createAppsScript();
    env.run('A', () => env.PropertiesService.getUserProperties().setProperty('k', 'A'));
    env.run('B', () => expect(env.PropertiesService.getUserProperties().getProperty('k')).toBeNull());
    env.run('A', () => expect(env.PropertiesService.getUserProperties().getProperty('k')).toBe('A'));
    env.PropertiesService.getDocumentProperties().setProperty('d', '1');
    expect(env.PropertiesService.getScriptProperties().getProperty('d')).toBeNull();
  });

  const quota = 'You have exceeded the property storage quota. Please remove some properties and try again.';

  it('refuses a value over 9 KB (UTF-8 bytes) and keeps the old one', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    props.setProperty('k', 'v'.repeat(9216));
    expect(() => props.setProperty('k', 'v'.repeat(9217))).toThrow(quota);
    expect(() => props.setProperty('k', 'é'.repeat(4609))).toThrow(quota);
    expect(() => props.setProperty('k', 'é'.repeat(4609))).toThrow(expect.objectContaining({ name: 'Exception' }));
    expect(props.getProperty('k')).toHaveLength(9216);
  });

  it('counts a character outside the BMP (an emoji) as the 4 UTF-8 bytes it takes', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    props.setProperty('k', '😀'.repeat(2304));
    expect(() => props.setProperty('k', '😀'.repeat(2305))).toThrow(quota);
    expect(props.getProperty('k')).toBe('😀'.repeat(2304));
  });

  it('refuses to grow a store past 500 KB of keys and values, counting a replaced value once', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    // 56 properties of 3 + 9000 bytes: 504,168 of 512,000 bytes.
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, 'v'.repeat(9000));
    props.setProperty('k00', 'w'.repeat(9000));
    expect(() => props.setProperty('k56', 'v'.repeat(9000))).toThrow(quota);
    expect(props.getKeys()).toHaveLength(56);
    props.deleteProperty('k00');
    props.setProperty('k56', 'v'.repeat(9000));
    expect(props.getKeys()).toHaveLength(56);
  });

  it('fills a store to exactly 500 KB, and counts the keys in it', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    // 56 properties of 3 + 9000 bytes (504,168) and one of 3 + 7829: exactly 512,000 bytes.
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, 'v'.repeat(9000));
    props.setProperty('k56', 'v'.repeat(7829));
    expect(() => props.setProperty('k57', '')).toThrow(quota);
    // Values alone would fit (56 × 9000 = 504,000), with long keys the store would not.
    const keyed = createAppsScript().PropertiesService.getScriptProperties();
    for (let i = 0; i < 55; i++) keyed.setProperty(`${i}`.padStart(250, 'k'), 'v'.repeat(9000));
    expect(() => keyed.setProperty('k'.repeat(250), 'v'.repeat(9000))).toThrow(quota);
    expect(keyed.getKeys()).toHaveLength(55);
  });

  it('sets properties all or nothing, deleteAllOthers included', () => {
    const props = createAppsScript().PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    expect(() => props.setProperties({ c: '3', d: 'v'.repeat(9217) })).toThrow(quota);
    expect(() => props.setProperties({ c: '3', d: 'v'.repeat(9217) }, true)).toThrow(quota);
    expect(props.getProperties()).toEqual({ a: '1', b: '2' });
    const big: Record<string, string> = {};
    for (let i = 0; i < 57; i++) big[`k${String(i).padStart(2, '0')}`] = 'v'.repeat(9000);
    expect(() => props.setProperties(big)).toThrow(quota);
    expect(props.getKeys()).toEqual(['a', 'b']);
    delete big.k56;
    props.setProperties(big, true);
    expect(props.getKeys()).toHaveLength(56);
  });
});
