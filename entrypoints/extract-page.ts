/**
 * Injected into a tab by the background when the panel asks about the page: extracts the
 * article from the live DOM (on a clone; the page is never modified) and returns it as the
 * script's value to `scripting.executeScript`.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
// Not `lib/extract`'s index: that binds the language detector, whose models would weigh a
// megabyte here. The page's declared language comes back; the background settles it.
import { extractFromDocument } from '../lib/extract/from-document';
import type { ExtractionReply } from '../extension/protocol';
import { i18n } from '#i18n';
import { localNumber } from '../extension/ui/format';

/**
 * Beyond these, extraction and analysis take tens of seconds and the page is not a news article
 * anyway (a long article is 60,000 characters; a page of 100,000 paragraphs took 29 s to extract
 * and 19 s to analyse in our fuzz tests). Deep nesting makes tree walks quadratic.
 */
const MAX_ELEMENTS = 150_000;
const MAX_TEXT_CHARS = 1_000_000;
const MAX_DEPTH = 1_000;

/** The depth of the deepest element, walking at most MAX_ELEMENTS elements without recursion. */
function maxDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  for (let seen = 0; stack.length > 0 && seen < MAX_ELEMENTS; seen++) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

export default defineUnlistedScript((): ExtractionReply => {
  try {
    const elements = document.getElementsByTagName('*').length;
    const text = document.body?.textContent ?? '';
    const textChars = text.length;
    if (elements > MAX_ELEMENTS || textChars > MAX_TEXT_CHARS) {
      const millions = (n: number) => localNumber(Math.round(n / 100_000) / 10);
      return {
        ok: false,
        reason: 'too-large',
        message: i18n.t('background.pageTooLarge', [localNumber(elements), millions(textChars), localNumber(MAX_ELEMENTS), millions(MAX_TEXT_CHARS)]),
      };
    }
    const depth = maxDepth(document.documentElement);
    if (depth > MAX_DEPTH) {
      return { ok: false, reason: 'too-large', message: i18n.t('background.pageTooDeep', [localNumber(depth), localNumber(MAX_DEPTH)]) };
    }
    if (!/\S/.test(text)) {
      return { ok: false, reason: 'empty', message: i18n.t('background.pageEmpty') };
    }
    return { ok: true, article: extractFromDocument(document, { url: location.href }) };
  } catch (error) {
    return { ok: false, reason: 'error', message: i18n.t('background.extractionFailed', [(error as Error)?.message ?? String(error)]) };
  }
});
