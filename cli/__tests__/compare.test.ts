/**
 * `recoupe compare A B` prints the report the side panel renders for page A with B as the corpus:
 * the same code (lib/compare/report), the same result. Run in-process: the JSON contract is the
 * command's return value (cli.test.ts covers printing and exit codes).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { compare, type CompareOutput } from '../commands/compare';
import { quoteReport } from '../../lib/compare/quoted';
import { send, startBackground } from '../../tests/support/fake-background';

const PAGE = 'corpus/pages/000_492f0f67598950be.html';
const AFP = 'corpus/001_efc4fda914ae2fdd.txt';

describe('recoupe compare: the panel’s report', () => {
  let tabId: number;
  beforeEach(async () => {
    ({ tabId } = await startBackground());
  });

  it('is the report the background sends the panel for the same page and corpus (timings aside)', async () => {
    // The panel's corpus: the AFP sample alone (the samples loaded, the others deleted).
    await send({ type: 'corpus/load-samples' });
    const listed = await send({ type: 'corpus/search' });
    const stored = (listed!.ok ? listed!.value.articles : []) as { id: number; url: string }[];
    const afpId = stored.find((a) => a.url.includes('001_efc4fda914ae2fdd'))!.id;
    await send({ type: 'corpus/delete', ids: stored.map((a) => a.id).filter((id) => id !== afpId) });
    const reply = await send({ type: 'page/compare', tabId });
    const { timings: _timings, ...sent } = reply!.ok ? reply!.value : null;
    // The reply carries spans into the page; the panel rebuilds the selectors from the page's text it holds.
    const state = await send({ type: 'page/get-state', tabId });
    const pageText = state!.ok && state!.value.kind === 'article' ? state!.value.article.text : '';
    const panel = quoteReport(sent, pageText)!;
    expect(panel).not.toBeNull();

    const out = (await compare.run([PAGE, AFP], {})) as CompareOutput;
    expect(out.versions).toEqual([{ id: 1, file: AFP }]);
    // The stored article's id is the database's in the panel, 1 in the CLI (alone, or in lists of ids).
    const cli = JSON.parse(JSON.stringify(out.report).replaceAll(/"(id|articleId|next)":1\b/g, `"$1":${afpId}`).replaceAll(/"(carriers|articleIds)":\[1\]/g, `"$1":[${afpId}]`));
    expect(panel.same).toHaveLength(1);
    expect(panel.framing).not.toBeNull();
    expect(cli).toEqual(panel);
  });
});
