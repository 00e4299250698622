/**
 * The UI speaks English and French: every English message has its French counterpart with the
 * same substitutions and plural forms, and the i18n wrapper gives Node tests the English text.
 */
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { i18n } from '#i18n';

type Message = Awaited<ReturnType<typeof parseMessagesFile>>[number];
const byKey = async (file: string) => new Map((await parseMessagesFile(file)).map((m: Message) => [m.key.join('.'), m]));
const en = await byKey('locales/en.yml');
const fr = await byKey('locales/fr.yml');

/** `$1`…`$9` and `{name}` placeholders of a message (every plural form together). */
const placeholders = (m: Message) => {
  const text = m.type === 'plural' ? Object.values(m.plurals).join(' ') : m.message;
  return [...new Set(text.match(/\$[1-9]|\{\w+\}/g) ?? [])].sort();
};

describe('locales', () => {
  it('French has exactly the English keys', () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
  });
  it.each([...en.keys()])('%s: same kind and placeholders in French', (key) => {
    const [a, b] = [en.get(key)!, fr.get(key)];
    expect(b?.type).toBe(a.type);
    expect(placeholders(b!)).toEqual(placeholders(a));
  });
  it('the English text reaches Node tests through the i18n wrapper', () => {
    expect(i18n.t('corpus.heading')).toBe('Your corpus');
  });
});
