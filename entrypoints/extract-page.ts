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

/** Beyond these, extraction would take seconds and most of the page is not an article anyway. */
const MAX_ELEMENTS = 150_000;
const MAX_TEXT_CHARS = 3_000_000;

export default defineUnlistedScript((): ExtractionReply => {
  try {
    const elements = document.getElementsByTagName('*').length;
    const textChars = document.body?.textContent?.length ?? 0;
    if (elements > MAX_ELEMENTS || textChars > MAX_TEXT_CHARS) {
      const size = (textChars / 1_000_000).toFixed(1);
      return {
        ok: false,
        reason: 'too-large',
        message: `It has ${elements.toLocaleString('en')} elements and ${size} million characters of text; Recoupe analyses pages of up to ${MAX_ELEMENTS.toLocaleString('en')} elements and ${MAX_TEXT_CHARS / 1_000_000} million characters. Nothing was saved or changed.`,
      };
    }
    if (!document.body || !document.body.textContent?.trim()) {
      return { ok: false, reason: 'empty', message: 'There is no text on this page to compare or save.' };
    }
    return { ok: true, article: extractFromDocument(document, { url: location.href }) };
  } catch (error) {
    return { ok: false, reason: 'error', message: `Extraction failed: ${(error as Error)?.message ?? String(error)}` };
  }
});
