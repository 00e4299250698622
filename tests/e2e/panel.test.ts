/**
 * End to end: the side panel on seed 000 (RT France) with the five samples stored: the header's
 * counts, the switcher of the compared article (its evidence and framing follow the choice), the
 * progress line, the keyboard, the dark theme and the French UI. The panel's page is opened in a
 * tab pinned to the article's tab (`?tab=`); screenshots go to tests/artifacts/ to be looked at.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { paintedCounts } from './painted';

const ARTIFACTS = resolve('tests/artifacts');
const SEED_000 = '000_492f0f67598950be.html';
const AFP = 'AFP (republished)';

let browser: ExtensionBrowser;
let seeds: { url: string; close(): Promise<void> };
let other: { url: string; close(): Promise<void> };

/** A news article page (NewsArticle metadata, one paragraph a `<p>`) written to `dir/file`. */
function writeArticlePage(dir: string, file: string, page: { lang: string; title: string; published: string; paragraphs: string[] }): void {
  const { lang, title, published, paragraphs } = page;
  writeFileSync(
    join(dir, file),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"${published}"}</script>
</head><body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`,
  );
}

/** An article on nothing the samples report (a village bakery), made here rather than stored. */
function writeUnrelatedPage(dir: string): void {
  const paragraphs = [
    'La boulangerie du village de Saint-Aubin-sur-Loire a remporté samedi le concours régional de la meilleure baguette, devant quarante artisans venus de toute la vallée.',
    'Le jury, présidé par un ancien meilleur ouvrier de France, a salué une croûte fine et une mie alvéolée, obtenues après une fermentation lente de vingt-quatre heures.',
    'Installés depuis 2009, les deux associés cuisent chaque matin près de six cents pains dans un four à bois restauré par un artisan de la commune voisine.',
    'La récompense leur ouvre les portes du concours national, prévu au printemps, où ils affronteront les lauréats des autres régions.',
    'En attendant, la file d’attente s’allonge devant la vitrine, et le maire a promis de fêter la victoire lors du prochain marché de producteurs.',
    'Les deux boulangers comptent profiter de cette notoriété nouvelle pour embaucher un apprenti à la rentrée et proposer des ateliers de pétrissage aux écoles du canton.',
    'La chambre des métiers rappelle que la baguette de tradition ne contient que de la farine, de l’eau, du sel et du levain ou de la levure, sans aucun additif.',
  ];
  writeArticlePage(dir, 'boulangerie.html', { lang: 'fr', title: 'Saint-Aubin : la boulangerie du village remporte le concours de la meilleure baguette', published: '2024-03-09', paragraphs });
}

/** A Russian news article (Cyrillic script, which the analyses do not cover), marked up as a news article. */
function writeRussianPage(dir: string): void {
  const paragraphs = [
    'Правительство объявило в понедельник о новой программе поддержки малого бизнеса в регионах, рассчитанной на три года.',
    'По словам министра экономики, льготные кредиты получат более двадцати тысяч предприятий, прежде всего в сельском хозяйстве и торговле.',
    'Эксперты отмечают, что программа может снизить нагрузку на местные бюджеты, но предупреждают о рисках роста инфляции.',
    'Первые заявки начнут принимать с первого апреля через региональные центры поддержки предпринимательства.',
    'В прошлом году аналогичная программа помогла сохранить около пятидесяти тысяч рабочих мест, сообщили в министерстве.',
  ];
  writeArticlePage(dir, 'russe.html', { lang: 'ru', title: 'Правительство объявило о новой программе поддержки малого бизнеса', published: '2024-03-11', paragraphs });
}

/**
 * Records every text the panel's progress lines show, from the first paint, so a stage shown for
 * a moment is not missed.
 */
function recordProgress() {
  const seen: string[] = [];
  (window as unknown as { progressSeen: string[] }).progressSeen = seen;
  const note = () => {
    if (document.querySelector('[data-testid="same-event-partial"]') && !seen.includes('(lists shown)')) seen.push('(lists shown)');
    for (const el of document.querySelectorAll('[data-testid="progress"]')) {
      const text = el.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
}

let openCount = 0;

/**
 * Opens seed 000 with the panel and waits for its comparison. Each time under its own address
 * (the server ignores the query), since the panel is pinned to the first tab showing it.
 */
async function openSeed(b: ExtensionBrowser = browser): Promise<{ article: Page; panel: Page }> {
  const opened = await b.openWithPanel(`${seeds.url}/${SEED_000}?open=${++openCount}`);
  await opened.panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
  return opened;
}

/** The switcher's options of one group ('' for the default), as value and text. */
const options = (panel: Page, group: string | null) =>
  panel.locator(group ? `[data-testid="switcher"] optgroup[label="${group}"] option` : '[data-testid="switcher"] > option').evaluateAll((els) =>
    els.map((el) => ({ value: (el as HTMLOptionElement).value, text: el.textContent ?? '' })),
  );

/**
 * WCAG 2 contrast of every text of the panel against the background it is painted on, in the
 * current colour scheme; returns those below `min` (4.5:1, level AA for body text).
 */
function lowContrast(min: number) {
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA | null => {
    const n = c.match(/[\d.]+/g)?.map(Number);
    if (!n) return null;
    if (c.startsWith('color(srgb')) return [n[0]! * 255, n[1]! * 255, n[2]! * 255, n[3] ?? 1];
    if (c.startsWith('rgb')) return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
    return null;
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as RGBA;
  const background = (el: Element | null): RGBA => {
    const layers: RGBA[] = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] === 1) break;
      }
    }
    return layers.reduceRight<RGBA>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]: RGBA) =>
    [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const failures: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const style = getComputedStyle(el);
    if (!ownText || style.visibility === 'hidden' || el.closest('.sr-only, [disabled], option, optgroup')) continue;
    if ((el as HTMLElement).offsetParent === null && style.position !== 'fixed' && style.position !== 'sticky') continue;
    const bg = background(el);
    const fg = over(parse(style.color) ?? [0, 0, 0, 1], bg);
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    const ratio = (a! + 0.05) / (b! + 0.05);
    if (ratio < min) failures.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
  }
  return [...new Set(failures)];
}

/** A page longer than quotes and passages are compared for (MAX_DETAIL_CHARS, 500,000 characters), shorter than the 1M extraction limit. */
function writeLongPage(dir: string): void {
  // Each paragraph its own (repeated ones would be set aside as page debris). On the storyline of
  // the samples by its words (ceasefire, truce, Front Al-Nosra), not by place names alone.
  const paragraphs = Array.from({ length: 3_600 }, (_, i) =>
    `<p>Au jour ${i + 1} de la trêve en Syrie, le Front Al-Nosra a commis ${(i % 17) + 2} violations du cessez-le-feu près d’Alep, selon le bilan numéro ${i + 1} transmis à Genève par l’ONU, Moscou et Washington.</p>`);
  writeFileSync(join(dir, 'long.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Syrie : le long compte rendu du cessez-le-feu</title><meta property="og:type" content="article"></head><body><article><h1>Syrie : le long compte rendu du cessez-le-feu</h1>${paragraphs.join('\n')}</article></body></html>`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  seeds = await servePages(resolve('corpus/pages'));
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-panel-'));
  writeUnrelatedPage(dir);
  writeLongPage(dir);
  writeRussianPage(dir);
  other = await servePages(dir);
  browser = await launchWithExtension();
  await browser.context.addInitScript(recordProgress);
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
  await other?.close();
});

describe('the side panel on an article with stored versions of its event', () => {
  it('says in its header how many stored versions cover the event and the storyline, after showing its progress', async () => {
    const { panel } = await openSeed();
    // The samples hold the page's own copy (RT France) and the AFP wire of the same call; 002, a
    // call three months earlier, and the others on Syria are the storyline.
    const same = await panel.getByTestId('same-event').locator('li').allTextContents();
    const related = await panel.getByTestId('related').locator('li').count();
    expect(same).toHaveLength(2);
    expect(same.join(' ')).toContain(AFP);
    expect(related).toBeGreaterThan(0);
    expect(await panel.getByTestId('header-counts').textContent()).toBe(
      `2 stored versions of this event · ${related} other article${related === 1 ? '' : 's'} on its storyline · 5 articles in your corpus`,
    );
    expect(await panel.getByTestId('title').textContent()).toBe('Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie');
    expect(await panel.getByTestId('facts').textContent()).toBe('RT France · French · Jul 7, 2016');
    expect(await panel.getByTestId('save').textContent()).toBe('Save to corpus');

    // The status line went through the stages, then says what was compared.
    const seen: string[] = await panel.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen[seen.length - 1]).toMatch(new RegExp(`^Compared with ${2 + related} articles in \\d+\\.\\d s\\.$`));
    expect(seen).toContain(`Comparing with article ${2 + related} of ${2 + related}…`);
    expect(seen.indexOf('Comparing how each frames the story…')).toBeGreaterThan(seen.indexOf(`Comparing with article 1 of ${2 + related}…`));
    // The same-story lists were shown as soon as matched, before the quotes and passages.
    expect(seen.indexOf('(lists shown)')).toBeGreaterThan(-1);
    expect(seen.indexOf('(lists shown)')).toBeLessThan(seen.indexOf(`Comparing with article ${2 + related} of ${2 + related}…`));
    expect(await panel.getByTestId('progress').first().getAttribute('aria-live')).toBe('polite');

    // By default the evidence is that of the same-event articles, and the framing is beside the
    // closest version that is not a copy of the page: the AFP wire.
    expect(await options(panel, null)).toEqual([{ value: '', text: 'All same-event articles' }]);
    const versions = await panel.getByTestId('shared-quote').locator('.versions > li').allTextContents();
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((v) => v.includes(AFP) || v.includes('RT France'))).toBe(true);
    expect(await panel.getByTestId('framing-beside').textContent()).toContain(AFP);
    expect(await panel.getByTestId('coverage').textContent()).toMatch(/^\d+% of this article also appears in 2 stored articles\.$/);
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-light.png'), fullPage: true });
    expect(await panel.evaluate(lowContrast, 4.5)).toEqual([]);
  });

  it('compares with one chosen article: only its quotes, passages and coverage, and the framing against it', async () => {
    const { panel } = await openSeed();
    const sameOptions = await options(panel, 'Same event');
    const afp = sameOptions.find((o) => o.text.startsWith(AFP))!;
    const rt = sameOptions.find((o) => o.text.startsWith('RT France'))!;
    expect(sameOptions.map((o) => o.value).sort()).toEqual([afp.value, rt.value].sort());
    const storyline = await options(panel, 'Same storyline');
    const earlier = storyline.find((o) => o.text.includes('Apr 18, 2016'))!;
    expect(earlier).toBeDefined();

    await panel.getByTestId('switcher').selectOption(afp.value);
    await expect.poll(() => panel.getByTestId('framing').getAttribute('data-article')).toBe(afp.value);
    // Each shared quotation now shows the AFP version only; every passage is shared with AFP.
    const quoteVersions = panel.getByTestId('shared-quote').locator('.versions > li');
    expect(await panel.getByTestId('shared-quote').count()).toBe(2);
    expect(await quoteVersions.allTextContents()).toEqual([`exact ${AFP}, Jul 6, 2016`, `exact ${AFP}, Jul 6, 2016`]);
    const passageMeta = await panel.getByTestId('shared-passage').locator('.meta').allTextContents();
    expect(passageMeta.length).toBeGreaterThan(0);
    for (const meta of passageMeta) expect(meta).toMatch(new RegExp(`^(verbatim|edited|paraphrase) \\d+% alike, with ${AFP.replace(/[()]/g, '\\$&')}, Jul 6, 2016$`));
    expect(await panel.getByTestId('coverage').textContent()).toMatch(/^\d+% of this article also appears in AFP \(republished\), Jul 6, 2016\.$/);
    expect(await panel.getByTestId('framing-beside').textContent()).toBe(`This page (left) beside ${AFP}, Jul 6, 2016 (right).`);
    const afpActors = await panel.getByTestId('framing').textContent();

    // The earlier call (same storyline): the framing is computed against it instead.
    await panel.getByTestId('switcher').selectOption(earlier.value);
    await expect.poll(() => panel.getByTestId('framing').getAttribute('data-article')).toBe(earlier.value);
    expect(await panel.getByTestId('framing').textContent()).not.toBe(afpActors);
    const versionsNow = await panel.getByTestId('shared-quote').locator('.versions > li').allTextContents();
    expect(versionsNow.every((v) => v.includes('Apr 18, 2016'))).toBe(true);
    for (const meta of await panel.getByTestId('shared-passage').locator('.meta').allTextContents()) expect(meta).toContain('Apr 18, 2016');

    // Back to the default: both same-event versions of each quotation again.
    await panel.getByTestId('switcher').selectOption('');
    await expect.poll(() => panel.getByTestId('framing').getAttribute('data-article')).toBe(afp.value);
    expect(await quoteVersions.count()).toBe(4);
  });

  it('is driven by the keyboard: Tab reaches the controls in order, the switcher and the highlight toggle change, section links move the focus', async () => {
    const { article, panel } = await openSeed();
    const focused = () => panel.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid ?? el?.getAttribute('href') ?? el?.id ?? el?.tagName ?? '';
    });
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await panel.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order.slice(0, 6)).toEqual(['reload', 'open-corpus', 'save', 'switcher', 'highlight-toggle', '#sec-same']);
    // The focus is visible on each control.
    for (let i = 0; i < 4; i++) await panel.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('switcher');
    expect(await panel.getByTestId('switcher').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    // Arrow keys change the compared article; the framing follows.
    await panel.keyboard.press('ArrowDown');
    const chosen = await panel.getByTestId('switcher').inputValue();
    expect(chosen).not.toBe('');
    await expect.poll(() => panel.getByTestId('framing').getAttribute('data-article')).toBe(chosen);

    // Space turns the highlights off in the page.
    const highlighted = async () => { const p = await paintedCounts(browser, article); return p.quote + p.passage; };
    await expect.poll(highlighted).toBeGreaterThan(0);
    await panel.keyboard.press('Tab');
    expect(await focused()).toBe('highlight-toggle');
    await panel.keyboard.press('Space');
    expect(await panel.getByTestId('highlight-toggle').isChecked()).toBe(false);
    await expect.poll(highlighted).toBe(0);

    // A section link takes the focus to its section, which a screen reader finds by its heading.
    await panel.getByRole('link', { name: 'Shared quotes' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(focused).toBe('shared-quotes');
    expect(await panel.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Same event \d/), expect.stringMatching(/^Shared quotes \d/), 'Framing', expect.stringMatching(/^Shared passages \d/)]),
    );
    expect(await panel.getByRole('button', { name: 'Read the page again' }).count()).toBe(1);
    expect(await panel.getByRole('navigation', { name: 'Sections' }).count()).toBe(1);
    expect(await panel.getByRole('main').count()).toBe(1);
  });

  it('follows the browser into the dark: dark background, every text readable', async () => {
    const { panel } = await openSeed();
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 25, 30)');
    // The default view has the edited passages, with their marks, and the framing's tags.
    expect(await panel.locator('[data-testid="shared-passage"] mark').count()).toBeGreaterThan(0);
    await panel.getByTestId('framing-actors').waitFor();
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-dark.png'), fullPage: true });
    expect(await panel.evaluate(lowContrast, 4.5)).toEqual([]);
  });

  it('says why a long page gets its same-story lists but no quotes or passages', async () => {
    const { panel } = await browser.openWithPanel(`${other.url}/long.html`);
    await panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('detail-skipped').textContent()).toMatch(
      /^This page is too long \([5-9]\d\d,\d{3} characters\) for Recoupe to compare its quotations and passages; the same-story lists above still hold\.$/,
    );
    expect(await panel.getByTestId('shared-quote').count()).toBe(0);
    expect(await panel.getByTestId('shared-passage').count()).toBe(0);
  });

  // Last of this browser: it empties the corpus.
  it('says why it shows no comparison: an article nothing stored reports, then an empty corpus', async () => {
    const { panel } = await browser.openWithPanel(`${other.url}/boulangerie.html`);
    await panel.getByTestId('no-match').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('no-match').textContent()).toMatch(/^No stored article reports this event or its storyline\./);
    expect(await panel.getByTestId('header-counts').textContent()).toBe('No stored version of this event · no other article on its storyline · 5 articles in your corpus');
    expect(await panel.getByTestId('switcher').count()).toBe(0);

    const ids = await panel.evaluate(async () => {
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/search' });
      return reply.value.ids as number[];
    });
    expect(ids).toHaveLength(5);
    await panel.evaluate(async (ids) => (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/delete', ids }), ids);
    // The panel hears of the change and compares again.
    await panel.getByTestId('empty-corpus').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('empty-corpus').textContent()).toContain('Your corpus is empty.');
    expect(await panel.getByTestId('header-counts').count()).toBe(0);
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-empty-corpus.png'), fullPage: true });
  });
});

describe('the side panel on a page in a script the analyses do not cover', () => {
  it('says so, in place of "not a news article", compares nothing, and saves it', async () => {
    const { panel, article } = await browser.openWithPanel(`${other.url}/russe.html`);
    const notice = panel.getByTestId('unsupported-script');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe("This page is written in a script Recoupe's analyses do not cover yet (Cyrillic; they read Latin-script languages such as English and French), so it is not compared. You can still save it.");
    expect(await panel.getByTestId('not-article').count()).toBe(0);
    expect(await panel.getByTestId('comparison').count()).toBe(0);
    expect(await panel.getByTestId('compare-anyway').count()).toBe(0);
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-unsupported-script.png'), fullPage: true });
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('save-status').textContent(), { timeout: 30_000 }).toMatch(/Saved to your corpus/);
    await panel.close();
    await article.close();
  });
});

describe('the side panel in French', () => {
  let french: ExtensionBrowser;
  beforeAll(async () => {
    french = await launchWithExtension({ locale: 'fr' });
  });
  afterAll(async () => {
    await french?.close();
  });

  it('speaks French: its sentences, its plurals, its dates and numbers', async () => {
    const { panel } = await openSeed(french);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('fr');
    const related = await panel.getByTestId('related').locator('li').count();
    expect(await panel.getByTestId('header-counts').textContent()).toBe(
      `2 versions enregistrées de cet événement · ${related} ${related === 1 ? 'autre article' : 'autres articles'} sur ce fil d'actualité · 5 articles dans votre corpus`,
    );
    expect(await panel.getByTestId('facts').textContent()).toBe('RT France · français · 7 juil. 2016');
    expect(await panel.getByTestId('save').textContent()).toBe('Enregistrer dans le corpus');
    expect(await panel.getByTestId('progress').first().textContent()).toMatch(/^Comparé à \d+ articles en \d+,\d s\.$/);
    expect(await options(panel, null)).toEqual([{ value: '', text: 'Tous les articles sur le même événement' }]);
    expect(await panel.getByTestId('coverage').textContent()).toMatch(/^\d+ % de cet article se retrouve dans 2 articles enregistrés\.$/);
    // Why 001 reports the same event, in French: the date both give, the words in common.
    const reasons = await panel.getByTestId('same-event').locator('.reasons').first().textContent();
    expect(reasons).toContain('même date dans les deux : 6 juil. 2016');
    expect(reasons).toMatch(/\d+ mots en commun \(similarité des termes [01],\d\d\)/);
    expect(reasons).not.toMatch(/shared|both|words|common/);
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-fr.png'), fullPage: true });
  });

  it('says in French that a Cyrillic page is in a script the analyses do not cover, and can be saved', async () => {
    const { panel } = await french.openWithPanel(`${other.url}/russe.html`);
    const notice = panel.getByTestId('unsupported-script');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/^Cette page est écrite dans une écriture que les analyses de Recoupe ne couvrent pas encore \(cyrillique ;.*Vous pouvez quand même l'enregistrer\.$/);
    expect(await panel.getByTestId('save').textContent()).toBe('Enregistrer dans le corpus');
  });
});
