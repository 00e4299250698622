/**
 * Extraction cost: our pipeline (Readability + removal steps + metadata + article signals) on
 * each Readability test page, against Readability alone on the same pages in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extractFromDocument } from '../../lib/extract';
import { READABILITY_PAGES_DIR } from '../../tests/support/shared-fixtures';
import { percentiles, time, type Benchmark } from './bench';

const REPEAT = 5;

interface Row { page: string; oursMs: number; readabilityMs: number }

const bench: Benchmark<{ pages: Row[]; medianRatio: number }> = {
  name: 'extract',
  async run() {
    const pages: Row[] = [];
    for (const page of readdirSync(READABILITY_PAGES_DIR).sort()) {
      const html = readFileSync(join(READABILITY_PAGES_DIR, page, 'source.html'), 'utf8');
      const doc = new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() }).window.document;
      const ours = percentiles(time(() => extractFromDocument(doc), REPEAT)).median;
      const readability = percentiles(time(() => new Readability(doc.cloneNode(true) as Document).parse(), REPEAT)).median;
      pages.push({ page, oursMs: ours, readabilityMs: readability });
    }
    return { pages, medianRatio: percentiles(pages.map((p) => p.oursMs / p.readabilityMs)).median };
  },
  print({ pages, medianRatio }) {
    console.table(pages.map((p) => ({ page: p.page, 'ours ms': p.oursMs.toFixed(1), 'Readability ms': p.readabilityMs.toFixed(1), ratio: (p.oursMs / p.readabilityMs).toFixed(2) })));
    console.log(`median ratio ours / Readability alone: ${medianRatio.toFixed(2)}`);
  },
};
export default bench;
