/**
 * The analysis worker (extension/analysis/worker-side.ts) as a dedicated Worker: started by
 * Firefox's background page, and in Chrome by the offscreen document (a service worker cannot
 * start one). It reads the stored articles it compares from the extension's database itself, so
 * that messages carry ids, not texts. No extension API here: a worker has none.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CorpusDb } from '../extension/storage/corpus-db';
import { readableArticle } from '../extension/storage/article-record';
import { analysisWorker } from '../extension/analysis/worker-side';
import type { HostMessage } from '../extension/analysis/messages';

export default defineUnlistedScript(() => {
  const db = new CorpusDb();
  const worker = analysisWorker({
    read: async (ids) => (await db.articles.bulkGet(ids)).map((a) => (a ? readableArticle(a) : null)),
    post: (message) => postMessage(message),
  });
  addEventListener('message', (event) => void worker.receive((event as MessageEvent<HostMessage>).data));
});
