/**
 * Versions of a stored article, through the background: the stored page served again with edited
 * text is stored as a new version beside the old and the panel's request says what changed; a
 * consent wall at the same address is a failed read that stores nothing; the corpus page lists
 * the versions and compares any two.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { seedPage, send, startBackground, webPage } from '../../tests/support/fake-background';

/** Seed 000 as its publisher edited it: the headline rewritten, one word changed, one paragraph added. */
const editedPage = seedPage
  .replaceAll('Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie', 'Syrie : Poutine et Obama renforcent leur coordination militaire')
  .replace("ont tous deux souligné l'importance", "ont tous deux rappelé l'importance")
  .replace('<p>Moscou ne cesse de répéter', '<p>Le Kremlin a publié un compte rendu détaillé de l’entretien téléphonique dans la soirée. Washington n’a pas encore réagi.</p><p>Moscou ne cesse de répéter');
/** The same address behind a consent wall: a few lines, no article. */
const consentWall = '<html><head><title>Avant de continuer</title></head><body><h1>Nous respectons votre vie privée</h1><p>Acceptez les cookies pour continuer vers le site.</p><button>Accepter</button></body></html>';

let page = seedPage;
let tabId: number;

beforeEach(async () => {
  page = seedPage;
  ({ tabId } = await startBackground(() => page));
});

/** The tab reloaded: the content script's signal makes the background read the page again. */
async function reload(html: string) {
  page = html;
  await send({ type: 'page/signals', signals: { isArticle: true, reasons: [] } }, webPage(tabId));
}

const value = (reply: Awaited<ReturnType<typeof send>>) => (reply?.ok ? reply.value : reply);

describe('versions of a stored page', () => {
  it('a page not stored has no versions; stored and unchanged, one', async () => {
    expect(value(await send({ type: 'page/versions', tabId }))).toBeNull();
    await send({ type: 'corpus/save-tab', tabId });
    const unchanged = value(await send({ type: 'page/versions', tabId }));
    expect(unchanged.kind).toBe('unchanged');
    expect(unchanged.versions).toHaveLength(1);
  });

  it('edited text: a second version stored beside the first, and what changed', async () => {
    const { id } = value(await send({ type: 'corpus/save-tab', tabId }));
    await reload(editedPage);
    const changed = value(await send({ type: 'page/versions', tabId }));
    expect(changed.kind).toBe('changed');
    expect(changed.articleId).toBe(id);
    expect(changed.versions.map((v: { id: number | null }) => v.id === null)).toEqual([false, true]);
    expect(changed.changes.headline).not.toBeNull();
    expect(changed.changes.sentencesEdited).toBe(1);
    expect(changed.changes.paragraphsAdded).toBe(1);
    const edited = changed.changes.changes.find((c: { kind: string }) => c.kind === 'edited');
    expect(edited.runs.filter((r: { op: string }) => r.op !== 'same').map((r: { op: string; text: string }) => [r.op, r.text.trim()])).toEqual([['removed', 'souligné'], ['added', 'rappelé']]);
    // Asked again (the panel reopened): the same change, no third version.
    const again = value(await send({ type: 'page/versions', tabId }));
    expect(again.versions).toHaveLength(2);
    expect(again.changes.sentencesEdited).toBe(1);

    // The corpus page: the article's versions, and any two compared.
    const listed = value(await send({ type: 'corpus/versions', id }));
    expect(listed.versions).toHaveLength(2);
    const [first] = listed.versions;
    const compared = value(await send({ type: 'corpus/version-changes', id, from: first.id, to: null }));
    expect(compared.sentencesEdited).toBe(1);
    expect(value(await send({ type: 'corpus/version-changes', id, from: null, to: first.id })).paragraphsRemoved).toBe(1);
    expect(value(await send({ type: 'corpus/version-changes', id, from: 999, to: null }))).toBeNull();
  });

  it('a consent wall at the same address is a failed read: no version stored, the stored text kept', async () => {
    const { id } = value(await send({ type: 'corpus/save-tab', tabId }));
    const stored = value(await send({ type: 'corpus/get', id }));
    await reload(consentWall);
    const read = value(await send({ type: 'page/versions', tabId }));
    expect(read.kind).toBe('failed-read');
    expect(read.pageWords).toBeLessThan(read.storedWords / 2);
    expect(value(await send({ type: 'corpus/versions', id })).versions).toHaveLength(1);
    expect(value(await send({ type: 'corpus/get', id })).text).toBe(stored.text);
  });

  it('refuses malformed requests', async () => {
    expect(await send({ type: 'corpus/version-changes', id: 1, from: 'x', to: null })).toBeUndefined();
    expect(await send({ type: 'page/versions' })).toBeUndefined();
  });
});
