/**
 * The options page: the sites where articles are saved automatically. Names are checked here
 * as they are added, for an immediate message; the background checks them again before storing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request } from '../../extension/protocol';
import { MAX_AUTO_SAVE_SITES, MAX_SITE_INPUT_CHARS, normaliseSite, type SiteProblem } from '../../extension/storage/settings';
import { Feeds } from './Feeds';
import { Links } from './Links';

type Message = { text: string; error: boolean } | null;

function problemText(problem: SiteProblem, input: string): string {
  switch (problem) {
    case 'empty': return i18n.t('options.problemEmpty');
    case 'invalid': return i18n.t('options.problemInvalid', [input]);
    case 'not-web': return i18n.t('options.problemNotWeb', [input]);
    case 'incomplete': return i18n.t('options.problemIncomplete', [input]);
    case 'public-suffix': return i18n.t('options.problemPublicSuffix', [input]);
  }
}

export function App() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    request('settings/get', {})
      .then((settings) => setSites(settings.autoSaveSites))
      .catch((error: Error) => setMessage({ text: i18n.t('options.readError', [error.message]), error: true }));
  }, []);

  /** Stores the new list; the background's normalised list is what the page shows. */
  const store = async (next: string[], success: string) => {
    setBusy(true);
    try {
      const settings = await request('settings/set', { settings: { autoSaveSites: next } });
      setSites(settings.autoSaveSites);
      setMessage({ text: success, error: false });
      return true;
    } catch (error) {
      setMessage({ text: i18n.t('options.writeError', [(error as Error).message]), error: true });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    if (!sites) return;
    const typed = input.trim();
    const check = normaliseSite(typed);
    if (!check.ok) {
      setMessage({ text: problemText(check.problem, typed), error: true });
      inputRef.current?.focus();
      return;
    }
    if (sites.includes(check.site)) {
      setMessage({ text: i18n.t('options.alreadyListed', [check.site]), error: true });
      return;
    }
    if (sites.length >= MAX_AUTO_SAVE_SITES) {
      setMessage({ text: i18n.t('options.problemTooMany', [String(MAX_AUTO_SAVE_SITES)]), error: true });
      return;
    }
    if (await store([...sites, check.site], i18n.t('options.added', [check.site]))) setInput('');
    inputRef.current?.focus();
  };

  const remove = async (site: string) => {
    if (!sites) return;
    await store(sites.filter((s) => s !== site), i18n.t('options.removed', [site]));
    // The button that had the focus is gone: give it back to the field, where the next action starts.
    inputRef.current?.focus();
  };

  const invalid = message?.error ?? false;
  return (
    <main>
      <h1>{i18n.t('options.heading')}</h1>
      <section aria-labelledby="auto-save-heading">
        <h2 id="auto-save-heading">{i18n.t('options.autoSaveHeading')}</h2>
        <p>{i18n.t('options.autoSaveIntro')}</p>
        <p class="muted">{i18n.t('options.autoSaveConfirm')}</p>

        <form class="add-site" onSubmit={add} noValidate>
          <label for="site-input">{i18n.t('options.siteLabel')}</label>
          <div class="row">
            <input
              id="site-input"
              ref={inputRef}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="lemonde.fr"
              value={input}
              maxLength={MAX_SITE_INPUT_CHARS}
              aria-describedby="site-hint site-message"
              aria-invalid={invalid}
              onInput={(e) => setInput((e.target as HTMLInputElement).value)}
              data-testid="site-input"
            />
            <button type="submit" class="primary" disabled={busy || sites === null} data-testid="add-site">{i18n.t('options.add')}</button>
          </div>
          <p id="site-hint" class="hint meta">{i18n.t('options.siteHint')}</p>
        </form>
        {/* One live region for both outcomes: screen readers hear what adding or removing did. */}
        <p id="site-message" class={`message ${invalid ? 'status-error' : 'status-ok'}`} role="status" aria-live="polite" data-testid="site-message">
          {message?.text ?? ''}
        </p>

        <h3 id="sites-heading">{i18n.t('options.sitesListLabel')}</h3>
        {sites === null ? (
          <p class="muted">{i18n.t('options.loading')}</p>
        ) : (
          <>
            <p class="meta" data-testid="sites-state">
              {sites.length === 0 ? i18n.t('options.noSites') : i18n.t('options.autoSaveOn')}
            </p>
            {sites.length > 0 && (
              <ul class="sites" aria-labelledby="sites-heading">
                {sites.map((site) => (
                  <li key={site} data-testid="site-row">
                    <span class="site-name">{site}</span>
                    <button type="button" class="danger" disabled={busy} aria-label={i18n.t('options.removeSite', [site])} onClick={() => void remove(site)} data-testid="remove-site">
                      {i18n.t('options.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <Feeds />
      <Links />
    </main>
  );
}
