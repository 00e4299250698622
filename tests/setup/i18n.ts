/**
 * WXT's fake browser has no `i18n`: give it the English messages built from locales/en.yml, the
 * way the browser reads `_locales/en/messages.json`, so Node tests see the UI's real sentences.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';

const messages: Record<string, { message: string }> = JSON.parse(generateChromeMessagesText(await parseMessagesFile('locales/en.yml')));

/** `$1`…`$9` replaced as Chrome does; `$$` is a dollar sign. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return (messages[key]?.message ?? '').replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

const install = () => Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
install();
beforeEach(install);
