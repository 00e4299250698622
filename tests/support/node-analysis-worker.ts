/**
 * The analysis worker (extension/analysis/worker-side.ts) in a Node worker thread, for the unit
 * tests: the stored articles come in `workerData` instead of the extension's database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analysisWorker } from '../../extension/analysis/worker-side';
import type { HostMessage } from '../../extension/analysis/messages';
import type { StoredArticle } from '../../extension/storage/article-record';

const stored = new Map((workerData as { stored: StoredArticle[] }).stored.map((a) => [a.id, a]));
const worker = analysisWorker({
  read: async (ids) => ids.map((id) => stored.get(id) ?? null),
  post: (message) => parentPort!.postMessage(message),
});
parentPort!.on('message', (message: HostMessage) => void worker.receive(message));
