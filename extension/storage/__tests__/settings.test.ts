/**
 * Settings: what a person may type as an auto-save site, what it becomes, which pages it covers,
 * and what survives a stored value that is not what this version wrote.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorpusDb } from '../corpus-db';
import { bumpCorpusVersion, setMeta } from '../corpus';
import { DEFAULT_SETTINGS, getSettings, MAX_AUTO_SAVE_SITES, normaliseSite, normaliseSites, setSettings, siteMatches } from '../settings';

describe('normaliseSite', () => {
  it.each([
    ['a host name', 'lemonde.fr', 'lemonde.fr'],
    ['upper case, spaces and a trailing dot', '  LeMonde.FR. ', 'lemonde.fr'],
    ['a URL pasted from the address bar', 'https://www.lemonde.fr/international/article/2016/07/15/x.html?utm=1#top', 'lemonde.fr'],
    ['a leading www.', 'www.liberation.fr', 'liberation.fr'],
    ['another sub-domain, kept', 'news.bbc.co.uk', 'news.bbc.co.uk'],
    ['www. before a registrable domain under a two-level suffix', 'www.bbc.co.uk', 'bbc.co.uk'],
    ['a host with a port', '127.0.0.1:8317', '127.0.0.1'],
    ['a local URL', 'http://127.0.0.1:8317/000_492f0f67598950be.html', '127.0.0.1'],
    ['localhost', 'localhost', 'localhost'],
    ['an IPv6 address', 'http://[::1]:8080/', '[::1]'],
    ['an internationalised name, in the ASCII form browsers report', 'bücher.ch', 'xn--bcher-kva.ch'],
    ['credentials in a URL, dropped', 'https://user:secret@lemonde.fr/', 'lemonde.fr'],
  ])('accepts %s', (_name, input, site) => {
    expect(normaliseSite(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['nothing', '   ', 'empty'],
    ['a space inside the name', 'le monde.fr', 'invalid'],
    ['an underscore', 'le_monde.fr', 'invalid'],
    ['a label starting with a hyphen', '-lemonde.fr', 'invalid'],
    ['a label over 63 characters', `${'a'.repeat(64)}.fr`, 'invalid'],
    ['text longer than any URL', `lemonde.fr/${'x'.repeat(2_000)}`, 'invalid'],
    ['a javascript: URL', 'javascript:alert(1)', 'invalid'],
    ['a browser page', 'chrome://settings', 'not-web'],
    ['a local file', 'file:///home/me/article.html', 'not-web'],
    ['an FTP address', 'ftp://ftp.lemonde.fr/', 'not-web'],
    ['one word with no ending', 'lemonde', 'incomplete'],
    ['a top-level domain', 'fr', 'public-suffix'],
    ['a two-level public suffix', 'co.uk', 'public-suffix'],
    ['a private suffix shared by many sites', 'github.io', 'public-suffix'],
  ])('refuses %s', (_name, input, problem) => {
    expect(normaliseSite(input)).toEqual({ ok: false, problem });
  });
});

describe('normaliseSites', () => {
  it('normalises every entry and keeps the first of duplicates, in the order given', () => {
    expect(normaliseSites(['lemonde.fr', 'https://www.lemonde.fr/x', 'rt.com', 'LEMONDE.FR'])).toEqual({ ok: true, sites: ['lemonde.fr', 'rt.com'] });
  });

  it('refuses the whole list for one bad entry, naming it', () => {
    expect(normaliseSites(['lemonde.fr', 'co.uk', 'rt.com'])).toEqual({ ok: false, input: 'co.uk', problem: 'public-suffix' });
  });

  it(`refuses more than ${MAX_AUTO_SAVE_SITES} distinct sites, but not duplicates beyond it`, () => {
    const sites = Array.from({ length: MAX_AUTO_SAVE_SITES }, (_, i) => `site${i}.fr`);
    expect(normaliseSites([...sites, ...sites])).toMatchObject({ ok: true, sites: { length: MAX_AUTO_SAVE_SITES } });
    expect(normaliseSites([...sites, 'one-more.fr'])).toEqual({ ok: false, input: 'one-more.fr', problem: 'too-many' });
  });
});

describe('siteMatches', () => {
  const sites = ['lemonde.fr', '127.0.0.1'];
  it.each([
    ['the site itself', 'lemonde.fr', true],
    ['a sub-domain', 'www.lemonde.fr', true],
    ['a deeper sub-domain', 'abonnes.www.lemonde.fr', true],
    ['a host written in upper case with a trailing dot', 'WWW.LEMONDE.FR.', true],
    ['the listed IP address', '127.0.0.1', true],
    ['another site ending with the same letters', 'pasdelemonde.fr', false],
    ['the site under another ending', 'lemonde.fr.example.com', false],
    ['another IP address', '127.0.0.2', false],
  ])('%s', (_name, host, expected) => {
    expect(siteMatches(host, sites)).toBe(expected);
  });

  it('matches nothing with an empty list (auto-save off)', () => {
    expect(siteMatches('lemonde.fr', DEFAULT_SETTINGS.autoSaveSites)).toBe(false);
  });
});

describe('stored settings', () => {
  let db: CorpusDb;
  afterEach(async () => {
    await db.delete();
  });

  it('are off by default, and read back as written', async () => {
    db = new CorpusDb('settings-round-trip');
    expect(await getSettings(db)).toEqual({ autoSaveSites: [] });
    await setSettings(db, { autoSaveSites: ['lemonde.fr', '127.0.0.1'] });
    expect(await getSettings(db)).toEqual({ autoSaveSites: ['lemonde.fr', '127.0.0.1'] });
  });

  it.each([
    ['not an object', 'lemonde.fr', []],
    ['a list that is not an array', { autoSaveSites: 'lemonde.fr' }, []],
    ['bad entries among good ones', { autoSaveSites: ['lemonde.fr', 7, 'co.uk', null, 'WWW.RT.COM'] }, ['lemonde.fr', 'rt.com']],
  ])('keep what is valid of a stored value that is %s', async (_name, stored, sites) => {
    db = new CorpusDb('settings-damaged');
    await setMeta(db, 'settings', stored);
    expect(await getSettings(db)).toEqual({ autoSaveSites: sites });
  });

  /**
   * Holds `meta` in a read-write transaction, as an import chunk did when the corpus version was
   * there (before schema 13; the first chunk of a file with judgements still writes `meta`), until
   * the returned function is called: a transaction stays open while it has requests.
   */
  async function holdMeta(db: CorpusDb): Promise<{ release: () => Promise<void> }> {
    let held = true;
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const done = db.transaction('rw', [db.meta, db.corpusVersion], async () => {
      await bumpCorpusVersion(db);
      // Told from a timer: a promise resolved in the transaction would carry its zone (Dexie's PSD) to the test, whose reads would then join it.
      setTimeout(started, 0);
      while (held) await db.meta.get('anything');
    });
    await holding;
    return { release: async () => { held = false; await done; } };
  }

  it('are answered from the worker\'s copy while an import holds the meta table, once read', async () => {
    db = new CorpusDb('settings-held');
    await setSettings(db, { autoSaveSites: ['lemonde.fr'] });
    const meta = await holdMeta(db);
    // Before: each read waited for the import's transaction to end, which here ends only after the read (the test times out).
    const read = await getSettings(db);
    await meta.release();
    expect(read).toEqual({ autoSaveSites: ['lemonde.fr'] });
  });

  it.each([
    ['read before the write', true],
    ['never read before the write', false],
  ])('read back as last written (the options page writes through the background), %s', async (_name, readFirst) => {
    db = new CorpusDb('settings-written');
    if (readFirst) expect(await getSettings(db)).toEqual({ autoSaveSites: [] });
    await setSettings(db, { autoSaveSites: ['lemonde.fr'] });
    expect(await getSettings(db)).toEqual({ autoSaveSites: ['lemonde.fr'] });
    await setSettings(db, { autoSaveSites: ['rt.com', 'bbc.co.uk'] });
    expect(await getSettings(db)).toEqual({ autoSaveSites: ['rt.com', 'bbc.co.uk'] });
    // What a new worker reads (nothing held): the same.
    const next = new CorpusDb('settings-written');
    expect(await getSettings(next)).toEqual({ autoSaveSites: ['rt.com', 'bbc.co.uk'] });
    next.close();
  });

  it('read as stored after a write that failed (disk full), not as the write wanted', async () => {
    db = new CorpusDb('settings-failed');
    await setSettings(db, { autoSaveSites: ['lemonde.fr'] });
    vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(setSettings(db, { autoSaveSites: ['rt.com'] })).rejects.toThrow('full');
    expect(await getSettings(db)).toEqual({ autoSaveSites: ['lemonde.fr'] });
  });

  it('a copy the caller changes does not change the settings held', async () => {
    db = new CorpusDb('settings-copied');
    await setSettings(db, { autoSaveSites: ['lemonde.fr'] });
    (await getSettings(db)).autoSaveSites.push('rt.com');
    expect(await getSettings(db)).toEqual({ autoSaveSites: ['lemonde.fr'] });
  });
});
