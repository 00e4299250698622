/**
 * Every network request of a Chromium, recorded at the protocol level (CDP's Network domain) on
 * every target — web pages, their frames and workers, the extension's pages, its service worker
 * and offscreen document — WebSockets (`Network.webSocketCreated`) and WebTransport included.
 * Playwright's `request` events miss WebSockets, and a service worker restarted by Chrome; this
 * recorder discovers each target from the browser's own CDP session (playwright-core's
 * `newBrowserCDPSession`) and attaches to it as it appears, Network enabled in it.
 *
 * The browser-level session only allows flat sessions for auto-attach, which playwright-core's
 * CDPSession cannot address; each target is therefore attached in the (older, still served)
 * nested mode, its messages going through `Target.sendMessageToTarget` and coming back in
 * `Target.receivedMessageFromTarget`. A target's requests made before it is attached are missed:
 * {@link NetworkRecorder.settled} waits for every target known so far, and the tests open a page
 * and wait for it before they navigate it.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface SeenRequest {
  url: string;
  /** `request`: HTTP(S) and the like, `websocket`, `webtransport`. */
  kind: 'request' | 'websocket' | 'webtransport';
  /** The target it came from: `page`, `service_worker`, `iframe`, `worker`… and its address. */
  target: { type: string; url: string };
}

/** Targets of the browser's own UI (`chrome://` pages of the headless shell) hold no page or extension code. */
const WATCHED = new Set(['page', 'iframe', 'worker', 'shared_worker', 'service_worker', 'background_page', 'other', 'webview']);

export interface NetworkRecorder {
  seen: SeenRequest[];
  /** Resolves when every target known so far is attached and records. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export async function recordNetwork(context: BrowserContext): Promise<NetworkRecorder> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context: the recorder needs its CDP session.');
  const session: CDPSession = await browser.newBrowserCDPSession();
  const seen: SeenRequest[] = [];
  const targets = new Map<string, SeenRequest['target']>(); // by session id
  const byTargetId = new Map<string, SeenRequest['target']>();
  const attaching = new Set<Promise<unknown>>();
  let nextId = 1;

  const send = (sessionId: string, method: string, params: object = {}) =>
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId++, method, params }) }).catch(() => {});

  session.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const target = targets.get(sessionId);
    const m = JSON.parse(message) as { method?: string; params?: Record<string, any> };
    if (!target || !m.method) return;
    if (m.method === 'Network.requestWillBeSent') seen.push({ url: m.params!.request.url, kind: 'request', target });
    else if (m.method === 'Network.webSocketCreated') seen.push({ url: m.params!.url, kind: 'websocket', target });
    else if (m.method === 'Network.webTransportCreated') seen.push({ url: m.params!.url, kind: 'webtransport', target });
  });

  const attach = (info: { targetId: string; type: string; url: string }) => {
    if (!WATCHED.has(info.type) || /^(chrome|devtools):/.test(info.url)) return;
    const done = (async () => {
      const reply = await session.send('Target.attachToTarget', { targetId: info.targetId, flatten: false }).catch(() => null);
      if (!reply) return; // Gone before it could be attached.
      const target = { type: info.type, url: info.url };
      targets.set(reply.sessionId, target);
      byTargetId.set(info.targetId, target);
      await send(reply.sessionId, 'Network.enable');
      // A target started paused for a debugger (none here) would wait; resuming is harmless otherwise.
      await send(reply.sessionId, 'Runtime.runIfWaitingForDebugger');
    })();
    attaching.add(done);
    void done.finally(() => attaching.delete(done));
  };
  session.on('Target.targetCreated', ({ targetInfo }) => attach(targetInfo));
  // A page's address as it navigates, for the record.
  session.on('Target.targetInfoChanged', ({ targetInfo }) => {
    const target = byTargetId.get(targetInfo.targetId);
    if (target) target.url = targetInfo.url;
  });
  await session.send('Target.setDiscoverTargets', { discover: true });

  return {
    seen,
    async settled() {
      while (attaching.size > 0) await Promise.all([...attaching]);
    },
    async stop() {
      await session.detach().catch(() => {});
    },
  };
}
