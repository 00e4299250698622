import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { lazyLanguageModel } from './scripts/build/lazy-language-model';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Route every `browser` import through webextension-polyfill (promise-based APIs in Chrome too).
  // UI text in English and French through browser.i18n (locales/*.yml, chosen by the browser's language).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Several builds may run side by side (helpers, CI jobs): RECOUPE_OUT_DIR keeps them apart.
  outDir: process.env.RECOUPE_OUT_DIR ?? '.output',
  // lib/, extension/ and cli/ are imported explicitly; no magic globals keep lib/ honest.
  imports: false,
  vite: () => ({
    // eld's language model evaluated on first detection, not at every script's start (issue 16).
    plugins: [preact(), lazyLanguageModel()],
    // RECOUPE_NO_MINIFY=1 keeps function names readable in CPU profiles (scripts/bench/panel.bench.ts).
    ...(process.env.RECOUPE_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    // `alarms` polls the followed feeds; Chrome parses them in an offscreen document (its service worker has no DOM).
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab', 'tabs', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Recoupe' },
    // Extension pages (and Chrome's service worker, which the same policy covers) load only the
    // extension's own files: no plugins, no <base> rewriting, no form posting anywhere, no frames.
    // Article text is always rendered as text, never as HTML. `connect-src`: the background fetches
    // the pages and feeds the reader chose to import or follow, over http(s) only — no WebSocket,
    // no other scheme (`wxt dev` adds its own server for reloading).
    content_security_policy: {
      extension_pages: [
        "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
        `connect-src 'self' http: https:${command === 'serve' ? ' ws://localhost:* http://localhost:*' : ''}`,
        "img-src 'self' data: blob:",
      ].join('; '),
    },
    commands: {
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_manifest_saveCommand__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'recoupe@recoupe.org', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
