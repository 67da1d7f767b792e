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

  it('refuses a sleep longer than the 5 minutes the reference allows', () => {
    const env = createAppsScript();
    const before = env.clock.now();
    env.Utilities.sleep(300000);
    expect(() => env.Utilities.sleep(300001)).toThrow('the maximum is 300000 milliseconds');
    expect(env.clock.now() - before).toBe(300000);
  });

  it('refuses sleep without a number of milliseconds, with the signature message', () => {
    const env = createAppsScript();
    const before = env.clock.now();
    const sleep = env.Utilities.sleep as unknown as (...args: unknown[]) => void;
    expect(() => sleep.call(env.Utilities)).toThrow("The parameters () don't match the method signature for Utilities.sleep.");
    expect(() => sleep.call(env.Utilities, '1000')).toThrow("The parameters (String) don't match the method signature for Utilities.sleep.");
    expect(env.clock.now()).toBe(before);
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

  it("writes the day's full name for EEEE and its abbreviation for E to EEE, as Java's SimpleDateFormat does", () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-01-02T03:04:05Z');
    expect(Utilities.formatDate(date, 'Etc/UTC', 'EEEE E EEE')).toBe('Tuesday Tue Tue');
  });

  it('refuses formatDate without a Date, a zone and a pattern, with the signature message', () => {
    const { Utilities } = createAppsScript();
    const formatDate = Utilities.formatDate as unknown as (...args: unknown[]) => string;
    expect(() => formatDate.call(Utilities, '2024-01-02', 'Etc/UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => formatDate.call(Utilities, new Date(0), 'Etc/UTC')).toThrow("The parameters (Date,String) don't match the method signature for Utilities.formatDate.");
  });

  it("reads '' as a quote, inside quoted text too (SimpleDateFormat's \"hh 'o''clock' a\")", () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2001-07-04T19:08:56Z');
    expect(Utilities.formatDate(date, 'America/Los_Angeles', "hh 'o''clock' a")).toBe("12 o'clock PM");
    expect(Utilities.formatDate(date, 'America/Los_Angeles', "EEE, MMM d, ''yy")).toBe("Wed, Jul 4, '01");
    expect(Utilities.formatDate(date, 'America/Los_Angeles', "'''quoted''' yyyy")).toBe("'quoted' 2001");
  });

  it("accepts Java's custom GMT offsets as time zones (GMT+1, GMT-05:00, GMT+0530)", () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-01-02T23:30:00Z');
    expect(Utilities.formatDate(date, 'GMT+1', 'yyyy-MM-dd HH:mm Z')).toBe('2024-01-03 00:30 +0100');
    expect(Utilities.formatDate(date, 'GMT-05:00', 'yyyy-MM-dd HH:mm EEE')).toBe('2024-01-02 18:30 Tue');
    expect(Utilities.formatDate(date, 'GMT+0530', 'yyyy-MM-dd HH:mm XXX')).toBe('2024-01-03 05:00 +05:30');
  });

  it("names zones as Java's z and zzzz do, keeping the Z and X offsets", () => {
    const { Utilities } = createAppsScript();
    const winter = new Date('2024-01-02T03:04:05Z');
    const summer = new Date('2024-07-02T03:04:05Z');
    expect(Utilities.formatDate(winter, 'America/New_York', 'z|zzzz|Z|X|XXX')).toBe('EST|Eastern Standard Time|-0500|-05|-05:00');
    expect(Utilities.formatDate(summer, 'America/New_York', 'z|zzzz|Z|XXX')).toBe('EDT|Eastern Daylight Time|-0400|-04:00');
    expect(Utilities.formatDate(summer, 'UTC', 'z|zzzz|Z|X')).toBe('UTC|Coordinated Universal Time|+0000|Z');
    expect(Utilities.formatDate(summer, 'Etc/UTC', 'z|zzzz')).toBe('UTC|Coordinated Universal Time');
    expect(Utilities.formatDate(summer, 'GMT', 'z|zzzz')).toBe('GMT|Greenwich Mean Time');
    expect(Utilities.formatDate(summer, 'Etc/GMT', 'z|zzzz')).toBe('GMT|Greenwich Mean Time');
    expect(Utilities.formatDate(summer, 'GMT+1', 'z|zzzz|Z')).toBe('GMT+01:00|GMT+01:00|+0100');
  });

  it("writes Java's GMT+hh:mm for a zone with no English abbreviation", () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-07-02T03:04:05Z');
    expect(Utilities.formatDate(date, 'America/Punta_Arenas', 'z|Z')).toBe('GMT-03:00|-0300');
    expect(Utilities.formatDate(date, 'Asia/Tomsk', 'z')).toBe('GMT+07:00');
    expect(Utilities.formatDate(date, 'Etc/GMT+5', 'z|zzzz')).toBe('GMT-05:00|GMT-05:00');
  });

  it('formats an unknown time zone as GMT, as Java does', () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-07-02T03:04:05Z');
    expect(Utilities.formatDate(date, 'Foo/Bar', 'HH:mm z zzzz Z X')).toBe('03:04 GMT Greenwich Mean Time +0000 Z');
  });

  it('pads milliseconds to the width of S, like Java', () => {
    const { Utilities } = createAppsScript();
    const date = new Date('2024-01-02T03:04:05.006Z');
    expect(Utilities.formatDate(date, 'UTC', 'S|SS|SSS|SSSS|SSSSSS')).toBe('6|06|006|0006|000006');
    expect(Utilities.formatDate(new Date('2024-01-02T03:04:05.120Z'), 'UTC', 'S|SSS')).toBe('120|120');
  });

  it('accepts the other SimpleDateFormat letters, with US week rules (Sunday first, week 1 holds January 1)', () => {
    const { Utilities } = createAppsScript();
    const f = (iso: string, pattern: string) => Utilities.formatDate(new Date(iso), 'UTC', pattern);
    // Expected values from java.text.SimpleDateFormat in the US locale.
    expect(f('2024-01-02T03:04:05Z', 'D DDD w ww W F G Y YY YYYY u k K kk KK')).toBe('2 002 1 01 1 1 AD 2024 24 2024 2 3 3 03 03');
    expect(f('2024-12-31T23:04:05Z', 'D w W F Y YY u')).toBe('366 1 5 5 2025 25 2');
    expect(f('2023-01-01T00:04:05Z', 'D w W F Y E u k K')).toBe('1 1 1 1 2023 Sun 7 24 0');
    expect(f('2021-12-26T12:04:05Z', 'D w W F Y E u')).toBe('360 1 5 4 2022 Sun 7');
    expect(f('2024-03-31T12:04:05Z', 'D w W F Y E u')).toBe('91 14 6 5 2024 Sun 7');
    expect(f('2024-09-30T12:04:05Z', 'D w W F Y E u')).toBe('274 40 5 5 2024 Mon 1');
    expect(() => f('2024-01-02T03:04:05Z', 'yyyy-MM-ddTHH')).toThrow("Illegal pattern character 'T'");
  });

  it('refuses a pattern whose quoted text is not closed, as Java does, with errors named Exception', () => {
    const { Utilities } = createAppsScript();
    const f = (pattern: string) => () => Utilities.formatDate(new Date('2024-01-02T03:04:05Z'), 'UTC', pattern);
    expect(f("yyyy 'at")).toThrow('Unterminated quote');
    expect(f("'T")).toThrow('Unterminated quote');
    expect(f("yyyy 'at' HH")()).toBe('2024 at 03');
    expect(f("h 'o''clock'")()).toBe("3 o'clock");
    for (const pattern of ["yyyy 'at", 'yyyy Q']) expect(f(pattern)).toThrow(expect.objectContaining({ name: 'Exception' }));
  });

  it('formats strings printf-style', () => {
    const { Utilities } = createAppsScript();
    expect(Utilities.formatString('%s has %d items (%.2f%%) %05d', 'cart', 3.9, 12.345, 42)).toBe('cart has 3 items (12.35%) 00042');
    // Flags and conversions it knows take their own argument; none shifts the others.
    expect(Utilities.formatString('%-5s|%5s|', 'a', 'b')).toBe('a    |    b|');
    expect(Utilities.formatString('%x-%X-%o-%s', 255, 255, 8, 'z')).toBe('ff-FF-10-z');
    expect(Utilities.formatString('%.3s|%s', 'abcdef', 'g')).toBe('abc|g');
  });
});

describe('Logger', () => {
  it('records what it prints, with %s placeholders', () => {
    const env = createAppsScript();
    env.Logger.log('saved %s rows in %s', '3', 'Posts');
    env.Logger.log({ id: 'a' });
    expect(env.logs).toEqual(['saved 3 rows in Posts', '{id=a}']);
    expect(env.Logger.getLog()).toBe('saved 3 rows in Posts\n{id=a}');
    env.Logger.clear();
    expect(env.logs).toEqual([]);
  });

  it('writes objects as {key=value} and lists as [a, b], and an object with a message as that message', () => {
    const env = createAppsScript();
    env.Logger.log({ key: 'value', tags: ['a', 'b'], nested: { n: 2 } });
    env.Logger.log({ message: 'my log message', data: { key: 'value' } });
    env.Logger.log('%s', { key: 'value' });
    expect(env.logs).toEqual(['{key=value, tags=[a, b], nested={n=2.0}}', 'my log message', '{key=value}']);
  });

  it('writes numbers as Java doubles, as Apps Script does (text made in JavaScript keeps its own)', () => {
    const env = createAppsScript();
    env.Logger.log(3);
    env.Logger.log('%s posts, page %s', 2, 1.5);
    env.Logger.log([1, -0.25, 12345678, 0.0001, 1465408396353]);
    env.Logger.log('Post ' + 3 + ' has ' + 10 + ' views');
    expect(env.logs).toEqual(['3.0', '2.0 posts, page 1.5', '[1.0, -0.25, 1.2345678E7, 1.0E-4, 1.465408396353E12]', 'Post 3 has 10 views']);
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
