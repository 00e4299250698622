/**
 * WXT's fake browser has no `i18n`: give it the messages built from locales/<lang>.yml, the way
 * the browser reads `_locales/<lang>/messages.json`, so Node tests see the UI's real sentences.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';

type Messages = Record<string, { message: string }>;
const read = async (lang: string): Promise<Messages> => JSON.parse(generateChromeMessagesText(await parseMessagesFile(`locales/${lang}.yml`)));
const locales: Record<'en' | 'fr', Messages> = { en: await read('en'), fr: await read('fr') };

/** Makes the fake browser speak `lang`: `$1`…`$9` replaced as Chrome does, `$$` a dollar sign. */
export function installMessages(lang: 'en' | 'fr'): void {
  const messages = locales[lang];
  const getMessage = (key: string, substitutions?: string | string[]): string => {
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    return (messages[key]?.message ?? '').replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  };
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => lang });
}
