/**
 * The two built packages: what their manifests ask for, and Mozilla's linter on the Firefox one.
 * Runs after `npm run build`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildOf } from '../../scripts/build-dir';

const manifest = (target: 'chrome-mv3' | 'firefox-mv3') => JSON.parse(readFileSync(resolve(buildOf(target), 'manifest.json'), 'utf8'));

describe.each<[ 'chrome-mv3' | 'firefox-mv3', string[] ]>([
  // `alarms` polls the followed outlets; `offscreen` is Chrome's DOM for reading them.
  ['chrome-mv3', ['activeTab', 'alarms', 'contextMenus', 'offscreen', 'scripting', 'sidePanel', 'storage', 'tabs', 'unlimitedStorage']],
  ['firefox-mv3', ['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage', 'tabs', 'unlimitedStorage']],
])('the %s manifest', (target, permissions) => {
  const m = manifest(target);
  it('is Manifest V3 and asks for exactly these permissions', () => {
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(permissions);
  });
  it('runs one small content script on web pages only, and ships the extraction script apart', () => {
    expect(m.content_scripts).toHaveLength(1);
    expect(m.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });
  it('lets extension pages load only their own files and connect over http(s) only (no WebSocket)', () => {
    const policy = Object.fromEntries(m.content_security_policy.extension_pages.split(/;\s*/).map((d: string) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(policy).toEqual({
      'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'", 'form-action': "'none'", 'frame-src': "'none'",
      'connect-src': "'self' http: https:", 'img-src': "'self' data: blob:",
    });
  });
  it('has a save shortcut and a toolbar button', () => {
    expect(m.commands['save-article'].suggested_key.default).toBe('Alt+Shift+S');
    expect(m.action).toBeDefined();
  });
});

describe('browser-specific manifest parts', () => {
  it('Chrome gets a side panel', () => {
    expect(manifest('chrome-mv3').side_panel.default_path).toBe('sidepanel.html');
  });
  it('Firefox gets a sidebar and a gecko id', () => {
    const m = manifest('firefox-mv3');
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
  });
});

// The package of this build: `$RECOUPE_OUT_DIR/firefox-mv3` when set, so side-by-side builds each lint their own.
describe(`web-ext lint on the Firefox package (${buildOf('firefox-mv3')})`, () => {
  it('finds no errors', async () => {
    // web-ext exits 1 when it finds errors; its JSON report is on stdout either way.
    const { stdout, stderr } = await promisify(execFile)('npx', ['web-ext', 'lint', '--source-dir', buildOf('firefox-mv3'), '--output', 'json', '--no-config-discovery'], { maxBuffer: 16 << 20 }).catch((e) => e);
    expect(stdout, `web-ext lint printed no report: ${stderr}`).toMatch(/^\s*\{/);
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`)).toEqual([]);
  });
});
