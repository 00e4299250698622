import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Route every `browser` import through webextension-polyfill (promise-based APIs in Chrome too).
  modules: ['@wxt-dev/webextension-polyfill'],
  // lib/, extension/ and cli/ are imported explicitly; no magic globals keep lib/ honest.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Recoupe',
    description:
      'Compare news coverage with the articles you saved: same event, shared quotes, shared passages, framing. Nothing leaves your machine.',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Recoupe' },
    // Extension pages run only the extension's own scripts: no plugins, no <base> rewriting,
    // no form posting anywhere. Article text is always rendered as text, never as HTML.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    commands: {
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save this article to the Recoupe corpus',
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
