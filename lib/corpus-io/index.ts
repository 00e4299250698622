/**
 * Corpus export and import, pure: the versioned file format (JSON and a JSONL stream), its
 * strict reader, and the folder of `.txt`/`.html` captures with sidecars (its sidecar reader here;
 * `./folder` extracts a whole folder, apart so that importing this module loads no extraction).
 * No browser API, no storage.
 *
 * @module
 */
export { FORMAT, VERSION, LIMITS, portable, serializeCorpus, serializeCorpusLines, ARTICLE_ORIGINS, type PortableArticle, type ArticleOrigin, type ExportableArticle, type KeptApartPairs } from './format';
export { parseCorpusFile, parseCorpusLines, collectArticles, fitToLimits, paragraphsOf, isIsoDate, type ImportCandidate, type ParsedCorpus, type SkippedItem } from './parse';
export { CorpusLineChecker, LineSplitter, type StreamStep } from './stream';
export { CAPTURE_FILE, SIDECAR_FILE, captureStem, sidecarNameOf, readSidecar, sidecarPageUrl, withSidecar, type Sidecar } from './sidecar';
