/**
 * The panel's formatters write dates, numbers and counts in the language its messages are in:
 * the browser's UI language when the extension speaks it, else the language it fell back to.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { counted, localDate, localLanguageName, localNumber, localPercent, localScriptName, uiLanguage } from '../format';

/** The browser as a person with `ui` set would have it, the extension's messages being in `messages`. */
function browserIn(ui: string, messages: 'en' | 'fr') {
  const getMessage = fakeBrowser.i18n.getMessage;
  Object.assign(fakeBrowser.i18n, {
    getUILanguage: () => ui,
    getMessage: (key: string, subs?: string | string[]) => (key === 'panel_lang' ? messages : getMessage(key, subs)),
  });
}

// tests/setup/i18n.ts installs the English messages again before each test.
afterEach(() => Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en' }));

describe('the UI language', () => {
  it.each([
    ['en-US', 'en', 'en-US'],
    ['en-GB', 'en', 'en-GB'],
    ['fr-CA', 'fr', 'fr-CA'],
    // No German messages: the browser shows the English ones, and the dates must agree with them.
    ['de-DE', 'en', 'en'],
  ] as const)('browser in %s, messages in %s: %s', (ui, messages, expected) => {
    browserIn(ui, messages);
    expect(uiLanguage()).toBe(expected);
  });
});

describe('dates, numbers and names', () => {
  it.each([
    ['en-US', 'en', 'Jul 6, 2016', '12,345', '87', 'French'],
    ['en-GB', 'en', '6 Jul 2016', '12,345', '87', 'French'],
    ['fr-FR', 'fr', '6 juil. 2016', '12\u202f345', '87', 'français'],
  ] as const)('%s', (ui, messages, date, number, percent, language) => {
    browserIn(ui, messages);
    // A date without a time is that day wherever the reader is.
    expect(localDate('2016-07-06')).toBe(date);
    expect(localNumber(12_345)).toBe(number);
    expect(localPercent(0.8666)).toBe(percent);
    expect(localLanguageName('fr')).toBe(language);
  });

  it('gives nothing for a missing or unreadable date or language code', () => {
    expect(localDate(null)).toBe('');
    expect(localDate('not a date')).toBe('');
    expect(localLanguageName(null)).toBeNull();
    expect(localLanguageName('not a code!')).toBeNull();
  });
});

describe('names made once per UI language', () => {
  // The corpus page names the language of each of its rows at every render: a DisplayNames made
  // per name was most of a render. Each row: UI language, messages, names asked, names given;
  // after the first name of that language, none is made.
  it.each([
    ['en-US', 'en', ['fr', 'en', 'fr', 'de', 'fr'], ['French', 'English', 'French', 'German', 'French']],
    ['fr-FR', 'fr', ['fr', 'en', 'fr'], ['français', 'anglais', 'français']],
    ['en-GB', 'en', ['fr', 'es', 'fr', 'ru'], ['French', 'Spanish', 'French', 'Russian']],
  ] as const)('%s: %j → %j', (ui, messages, codes, names) => {
    browserIn(ui, messages);
    localLanguageName('fr');
    const spy = vi.spyOn(Intl, 'DisplayNames');
    try {
      expect(codes.map((c) => localLanguageName(c))).toEqual(names);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps one per type: a script name after a language name', () => {
    browserIn('en-US', 'en');
    localScriptName('Cyrl');
    const spy = vi.spyOn(Intl, 'DisplayNames');
    try {
      expect([localScriptName('Cyrl'), localLanguageName('ru'), localScriptName('Latn')]).toEqual(['Cyrillic', 'Russian', 'Latin']);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('counts in words', () => {
  it.each([
    ['panel.words', 1, '1 word'],
    ['panel.words', 1234, '1,234 words'],
    ['panel.sameEventCount', 0, 'No stored version of this event'],
    ['panel.sameEventCount', 1, '1 stored version of this event'],
    ['panel.sameEventCount', 3, '3 stored versions of this event'],
    ['panel.corpusSize', 100_000, '100,000 articles in your corpus'],
  ] as const)('%s with %d: %s', (key, n, expected) => {
    expect(counted(key, n)).toBe(expected);
  });

  it('puts the other substitutions after the count', () => {
    expect(counted('panel.coverageAll', 2, '87')).toBe('87% of this article also appears in 2 stored articles.');
  });
});
