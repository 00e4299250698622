/**
 * Corpus export and import, pure: the versioned file format (JSON and a JSONL stream), its
 * strict reader, and a folder of `.txt`/`.html` captures with sidecars. No browser API, no storage.
 *
 * @module
 */
export { FORMAT, VERSION, LIMITS, portable, serializeCorpus, serializeCorpusLines, ARTICLE_ORIGINS, type PortableArticle, type ArticleOrigin, type ExportableArticle, type KeptApartPairs } from './format';
export { parseCorpusFile, parseCorpusLines, collectArticles, fitToLimits, paragraphsOf, isIsoDate, type ImportCandidate, type ParsedCorpus, type SkippedItem } from './parse';
