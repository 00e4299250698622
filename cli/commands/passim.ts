/**
 * passim (Smith et al., https://github.com/dasmiq/passim), the reference tool for text reuse,
 * reads documents as JSON Lines `{id, series, text}` (and any other field, passed through, such as
 * `date` for `--filterpairs`) and writes, in `out.json`, one record per reused passage: the
 * document's fields with `text` cut to the passage, and `cluster`, `size`, `begin`, `end` (character
 * offsets into the document's text), `uid`, `src`, `pboiler`. Its JSON output is sorted by size
 * then cluster, so a cluster's passages come on consecutive lines.
 */
import { RecordError, Records, type RecordTransform } from '../stream/jsonl';
import { asObject, parseArticle, recordId } from '../stream/records';
import { streamOnly, type Command } from './command';

/** passim's input record for an article: the outlet is the series (reuse inside one outlet is its own boilerplate). */
export interface PassimDocument {
  id: string;
  series?: string;
  /** `YYYY-MM-DD`, for passim's `--filterpairs` on dates. */
  date?: string;
  /** The article's text: passim's offsets index into it, as Recoupe's do. */
  text: string;
  title?: string;
}

export function passimDocument(value: unknown): PassimDocument {
  const a = parseArticle(value);
  const day = a.published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  return { id: a.id, ...(a.site ? { series: a.site } : {}), ...(day ? { date: day } : {}), text: a.text, ...(a.title ? { title: a.title } : {}) };
}

/** One passage of a cluster: the article and the span of its text. */
export interface ClusterPassage {
  id: string;
  series: string | null;
  /** `[start, end)` into the article's text, in characters as passim counts them (Unicode code points). */
  start: number;
  end: number;
  /** The passage as passim wrote it. */
  text: string | null;
}

/** A passage shared by the articles of one passim cluster. */
export interface SharedPassageCluster {
  cluster: string;
  size: number;
  passages: ClusterPassage[];
}

/**
 * Reads passim's output lines and writes one record per cluster. Lines of one cluster must be
 * consecutive (passim's JSON output is): a cluster seen again after another is refused on its line.
 */
export function passimClusters(): RecordTransform {
  let current: SharedPassageCluster | null = null;
  const done = new Set<string>();
  const transform = (value: unknown) => {
    const o = asObject(value, 'a passim passage');
    const cluster = o.cluster;
    const begin = o.begin;
    const end = o.end;
    if ((typeof cluster !== 'number' && typeof cluster !== 'string') || cluster === '') throw new RecordError('"cluster" is missing');
    if (!Number.isInteger(begin) || !Number.isInteger(end) || (begin as number) < 0 || (end as number) < (begin as number)) throw new RecordError('"begin" and "end" are not character offsets');
    const id = recordId(o);
    const key = String(cluster);
    if (done.has(key)) throw new RecordError(`cluster ${key} was already closed: sort passim's output by cluster`);
    const passage: ClusterPassage = {
      id, series: typeof o.series === 'string' ? o.series : null, start: begin as number, end: end as number, text: typeof o.text === 'string' ? o.text : null,
    };
    let finished: SharedPassageCluster | null = null;
    if (current && current.cluster !== key) {
      done.add(current.cluster);
      finished = current;
      current = null;
    }
    current ??= { cluster: key, size: 0, passages: [] };
    current.passages.push(passage);
    current.size = typeof o.size === 'number' ? o.size : current.passages.length;
    return finished ? new Records([finished]) : undefined;
  };
  transform.end = () => (current ? [current] : []);
  return transform;
}

export const passimExport: Command = {
  usage: ['recoupe passim-export < articles.jsonl > passim-in.jsonl   Stream: articles → passim input {id, series, date, text}.'],
  run: streamOnly('passim-export'),
  async stream() {
    return passimDocument;
  },
};

export const passimImport: Command = {
  usage: ['recoupe passim-import < out.json/part-* > clusters.jsonl   Stream: passim output → one shared passage per cluster, with each article’s span.'],
  run: streamOnly('passim-import'),
  async stream() {
    return passimClusters();
  },
};
