/**
 * Where the background's comparisons run (extension/analysis/host.ts): in a dedicated Worker, off
 * the background's event loop. Firefox's background is a page and starts the Worker itself;
 * Chrome's is a service worker, which cannot, so the Worker lives in the offscreen document
 * (reason WORKERS), reached over a runtime port. The offscreen document only relays: the deadline
 * and the restart decision stay here, in one place for both browsers.
 */
import { browser, type Browser } from 'wxt/browser';
import { analysisHost, dedicatedWorker, type AnalysisHost, type WorkerEndpoint, type WorkerLike } from '../../extension/analysis/host';
import { ANALYSIS_PORT, type WorkerMessage } from '../../extension/analysis/messages';
import { ensureOffscreen } from './offscreen-dom';

/** Starts the analysis Worker (built from entrypoints/analysis-worker.ts); its crash is told as `stopped`. */
export function startAnalysisWorker(receive: (message: WorkerMessage) => void): WorkerLike {
  const worker = new Worker(browser.runtime.getURL('/analysis-worker.js'));
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => receive(event.data);
  worker.onerror = () => receive({ type: 'stopped' });
  return worker;
}

/** The Worker in Chrome's offscreen document, over a port the background opens when it first needs it. */
function offscreenWorker(): WorkerEndpoint {
  let receive: (message: WorkerMessage) => void = () => {};
  let port: Promise<Browser.runtime.Port> | null = null;
  const open = async () => {
    await ensureOffscreen();
    const opened = browser.runtime.connect({ name: ANALYSIS_PORT });
    opened.onMessage.addListener((message) => receive(message as WorkerMessage));
    // The document closed (or never listened): a job in flight has no answer coming.
    opened.onDisconnect.addListener(() => {
      port = null;
      receive({ type: 'stopped' });
    });
    return opened;
  };
  const post: WorkerEndpoint['post'] = (message) => {
    port ??= open();
    port.then((p) => p.postMessage(message)).catch(() => {
      port = null;
      receive({ type: 'stopped' });
    });
  };
  return { post, listen: (r) => (receive = r), restart: () => port && post({ type: 'restart' }) };
}

/** The browser's way to a Worker; none where there is neither (Node's fake browser: the analysis runs on the caller's thread). */
export function backgroundAnalysis(): AnalysisHost | undefined {
  if (typeof Worker === 'function') return analysisHost(dedicatedWorker(startAnalysisWorker));
  const scope = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown }).ServiceWorkerGlobalScope;
  const inServiceWorker = typeof scope === 'function' && globalThis instanceof scope;
  return inServiceWorker ? analysisHost(offscreenWorker()) : undefined;
}
