/**
 * The analysis worker (extension/analysis/worker-side.ts) as a dedicated Worker: started by
 * Firefox's background page, and in Chrome by the offscreen document (a service worker cannot
 * start one). It reads the stored articles it compares from the extension's database itself, so
 * that messages carry ids, not texts. No extension API here: a worker has none.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CorpusDb } from '../extension/storage/corpus-db';
import { analysisWorker, readFrom } from '../extension/analysis/worker-side';
import type { HostMessage } from '../extension/analysis/messages';

export default defineUnlistedScript(() => {
  const worker = analysisWorker({
    read: readFrom(new CorpusDb()),
    post: (message) => postMessage(message),
  });
  addEventListener('message', (event) => void worker.receive((event as MessageEvent<HostMessage>).data));
});
