import { createAppsScript } from '../../src/testing';

describe('Utilities', () => {
  it('sleeps on the fake clock without waiting', () => {
    const env = createAppsScript();
    const before = env.clock.now();
    const started = Date.now();
    env.Utilities.sleep(60000);
    expect(env.clock.now() - before).toBe(60000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('makes version-4 UUIDs', () => {
    const utilities = createAppsScript().Utilities;
    const ids = new Set(Array.from({ length: 50 }, () => utilities.getUuid()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('formats dates with Java patterns in a time zone', () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-01-02T03:04:05.006Z');
    expect(Utilities.formatDate(date, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe('2024-01-02T03:04:05.006');
    expect(Utilities.formatDate(date, 'America/New_York', 'EEE, d MMM yyyy hh:mm a Z')).toBe('Mon, 1 Jan 2024 10:04 PM -0500');
    expect(Utilities.formatDate(date, 'Asia/Kolkata', "MMMM dd, yy 'at' H:mm XXX")).toBe('January 02, 24 at 8:34 +05:30');
  });

  it("accepts Java's custom GMT offsets as time zones (GMT+1, GMT-05:00, GMT+0530)", () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-01-02T23:30:00Z');
    expect(Utilities.formatDate(date, 'GMT+1', 'yyyy-MM-dd HH:mm Z')).toBe('2024-01-03 00:30 +0100');
    expect(Utilities.formatDate(date, 'GMT-05:00', 'yyyy-MM-dd HH:mm EEE')).toBe('2024-01-02 18:30 Tue');
    expect(Utilities.formatDate(date, 'GMT+0530', 'yyyy-MM-dd HH:mm XXX')).toBe('2024-01-03 05:00 +05:30');
  });

  it('formats strings printf-style', () => {
    const { Utilities } = createAppsScript();
    expect(Utilities.formatString('%s has %d items (%.2f%%) %05d', 'cart', 3.9, 12.345, 42)).toBe('cart has 3 items (12.35%) 00042');
  });
});

describe('Logger', () => {
  it('records what it prints, with %s placeholders', () => {
    const env = createAppsScript();
    env.Logger.log('saved %s rows in %s', 3, 'Posts');
    env.Logger.log({ id: 1 });
    expect(env.logs).toEqual(['saved 3 rows in Posts', '{"id":1}']);
    expect(env.Logger.getLog()).toBe('saved 3 rows in Posts\n{"id":1}');
    env.Logger.clear();
    expect(env.logs).toEqual([]);
  });
});

describe('Session', () => {
  it('gives the script time zone and a user per execution', () => {
    const env = createAppsScript({ timeZone: 'Asia/Tokyo' });
    expect(env.Session.getScriptTimeZone()).toBe('Asia/Tokyo');
    expect(env.Session.getActiveUser().getEmail()).toBe('main@example.com');
    env.run('alice', () => expect(env.Session.getEffectiveUser().getEmail()).toBe('alice@example.com'));
  });
});
