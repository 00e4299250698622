/**
 * Page language: the page's declaration (`<html lang>`, `og:locale`, `content-language`)
 * when detection agrees or is unsure, detection otherwise. Codes are ISO 639-1 (`fr-FR` → `fr`).
 *
 * @module
 */
/** A language detector (ISO 639-1 or null); passed in so that extraction can run without one. */
export type LanguageDetector = (text: string) => string | null;

/** `fr-FR`, `fr_FR`, `FR` → `fr`; anything that is not a 2–3 letter code → null. */
export function normaliseLang(code: string | null | undefined): string | null {
  if (!code) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(code);
  return m ? m[1]!.toLowerCase() : null;
}

/** Enough text for detection to be trusted over a declaration (a paragraph or two). */
const MIN_DETECT_CHARS = 200;

/** With no detector, the declaration alone decides. */
export function chooseLanguage(declared: string | null | undefined, text: string, detect: LanguageDetector | null): string | null {
  const decl = normaliseLang(declared);
  const sample = text.slice(0, 20_000);
  const detected = detect && sample.length > 0 ? normaliseLang(detect(sample)) : null;
  if (decl && (!detected || detected === decl)) return decl;
  if (detected && sample.length >= MIN_DETECT_CHARS) return detected;
  return decl ?? detected;
}
