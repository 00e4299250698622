/**
 * End-to-end set-up: a corpus file imported through an extension page, as the corpus page sends
 * it, then waited for until the background has prepared every article (features are computed
 * after an import; a page compared before would match none of them).
 */
/** An extension page as either driver has it: playwright-core's (Chromium) or puppeteer-core's (Firefox). */
interface ExtensionPage {
  evaluate(fn: (arg: any) => unknown, arg?: any): Promise<any>;
}

/** Imports `text` as `fileName` from `page` (an extension page); the import's reply once every article is prepared. */
export async function importPrepared(page: ExtensionPage, fileName: string, text: string, timeoutMs = 30_000): Promise<{ added: number; updated: number }> {
  const reply = await page.evaluate(async ([name, body]: readonly [string, string]) => (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/import', fileName: name, text: body }), [fileName, text] as const);
  if (!reply?.ok) throw new Error(`import refused: ${JSON.stringify(reply)}`);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/preparation' }));
    if (state?.ok && state.value.done === 0 && state.value.total === 0) return reply.value;
    if (Date.now() > until) throw new Error(`articles still being prepared after ${timeoutMs / 1000} s: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
