/**
 * The records the streaming commands read and write, one JSON object per line, and their checks.
 * Field names follow the CLI's folder sidecars (`site`, `published`) so that a folder and a stream
 * describe an article the same way.
 */
import { isFeatures, type ArticleFeatures } from '../../lib/match';
import { RecordError } from './jsonl';

/** An article: what `extract` writes and `features` and `compare` read. */
export interface ArticleRecord {
  id: string;
  title: string | null;
  /** The body without the title. */
  text: string;
  language: string | null;
  /** The outlet (passim's `series`). */
  site: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  url: string | null;
}

/** What `features` writes and the candidate join and `grade` read. */
export interface FeaturesRecord {
  id: string;
  title: string | null;
  features: ArticleFeatures;
  /** The keys the corpus index counts and posts this article under, with their counts (lib/corpus-index `indexKeys`). */
  keys: [string, number][];
}

/** What `grade` reads: two articles' features (a line of the candidate join's output). */
export interface PairRecord {
  a: { id: string; features: ArticleFeatures };
  b: { id: string; features: ArticleFeatures };
}

export function asObject(value: unknown, what = 'a record'): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RecordError(`expected ${what} (a JSON object)`);
  return value as Record<string, unknown>;
}

export function requiredString(o: Record<string, unknown>, field: string): string {
  const v = o[field];
  if (typeof v !== 'string' || !v) throw new RecordError(`"${field}" is missing or not a non-empty string`);
  return v;
}

export function optionalString(o: Record<string, unknown>, field: string): string | null {
  const v = o[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new RecordError(`"${field}" is not a string`);
  return v;
}

/** An id: a string, or a number as passim and many exports write them. */
export function recordId(o: Record<string, unknown>): string {
  const v = o.id;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return requiredString(o, 'id');
}

export function parseArticle(value: unknown, what = 'an article'): ArticleRecord {
  const o = asObject(value, what);
  const text = o.text;
  if (typeof text !== 'string') throw new RecordError(`"text" is missing or not a string`);
  return {
    id: recordId(o), title: optionalString(o, 'title'), text, language: optionalString(o, 'language'),
    site: optionalString(o, 'site'), published: optionalString(o, 'published'), url: optionalString(o, 'url'),
  };
}

/** An article's id and features, as `features` writes them. */
export function parseFeatured(value: unknown, what: string): { id: string; features: ArticleFeatures } {
  const o = asObject(value, what);
  if (!isFeatures(o.features)) throw new RecordError(`${what}: "features" is missing or not features of this version (run \`recoupe features\` again)`);
  return { id: recordId(o), features: o.features };
}

/** Whether two values read from JSON are equal: the same primitives, arrays and object fields. */
export function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) return x.length === (y as unknown[]).length && x.every((v, i) => sameJson(v, (y as unknown[])[i]));
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameJson((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
}
