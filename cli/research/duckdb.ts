/**
 * The candidate join (candidates.sql) run by DuckDB (https://duckdb.org, its Node client
 * `@duckdb/node-api`): `recoupe features` output in, as JSON Lines or Parquet, the pairs to grade
 * out, each line carrying both articles' features so that `recoupe grade` needs nothing else but
 * the corpus statistics (written beside with `--stats`). DuckDB is the CLI's alone: the extension
 * never imports cli/.
 */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ENTITY_BOOST, GRADE_ALL_BELOW, MAX_DF_SHARE, MIN_CANDIDATE_SHARE, MIN_MAX_DF, POSTED_KEYS, STORY_CANDIDATES } from '../../lib/corpus-index';

const CANDIDATES_SQL = readFileSync(new URL('./candidates.sql', import.meta.url), 'utf8');

/** A path as a SQL string literal. */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A table function reading a file of records: Parquet by its extension, JSON Lines otherwise. */
export function readRecords(path: string, columns?: Record<string, string>): string {
  if (/^\.parq(uet)?$/i.test(extname(path))) return `read_parquet(${sqlString(path)})`;
  const cols = columns ? `, columns = {${Object.entries(columns).map(([k, t]) => `${sqlString(k)}: ${sqlString(t)}`).join(', ')}}` : '';
  return `read_json(${sqlString(path)}, format = 'newline_delimited'${cols})`;
}

/** The statements of a SQL script, split at the semicolons that end a line (comments dropped). */
export function statements(sql: string): string[] {
  return sql.replace(/^\s*--.*$/gm, '').split(/;\s*$/m).map((s) => s.trim()).filter(Boolean);
}

export async function connect(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(':memory:')).connect();
}

/**
 * Loads `features` records (JSON Lines or Parquet) and defines the views of candidates.sql:
 * key_df, posted, candidates, candidate_pairs.
 */
export async function defineCandidates(db: DuckDBConnection, featuresPath: string, candidateLimit = STORY_CANDIDATES): Promise<void> {
  const source = readRecords(featuresPath, { id: 'VARCHAR', title: 'VARCHAR', features: 'JSON', keys: 'JSON' });
  await db.run(`CREATE OR REPLACE TABLE features AS SELECT id::VARCHAR AS id, title::VARCHAR AS title, features::JSON AS features, keys::JSON AS keys FROM ${source}`);
  await db.run('CREATE OR REPLACE TABLE articles AS SELECT id, title FROM features');
  // One list per record turned into rows: about 2.5 times faster than a lateral json_each.
  await db.run(`CREATE OR REPLACE TABLE article_keys AS
    SELECT id, k.key, k.cnt, k.pos FROM (
      SELECT id, UNNEST(list_transform(from_json(keys, '["JSON"]'), (x, i) -> {key: x ->> 0, cnt: (x ->> 1)::DOUBLE, pos: (i - 1)::INTEGER})) AS k FROM features)`);
  await db.run(`CREATE OR REPLACE TEMPORARY VIEW settings AS SELECT ${Math.trunc(candidateLimit)} AS candidate_limit, ${GRADE_ALL_BELOW} AS grade_all_below,
    ${POSTED_KEYS} AS posted_keys, ${MAX_DF_SHARE} AS max_df_share, ${MIN_MAX_DF} AS min_max_df, ${ENTITY_BOOST} AS entity_boost, ${MIN_CANDIDATE_SHARE} AS min_candidate_share`);
  // Each view is read more than once downstream: DuckDB computes it once as a table.
  for (const statement of statements(CANDIDATES_SQL)) await db.run(statement.replace(/^CREATE OR REPLACE TEMPORARY VIEW/, 'CREATE OR REPLACE TEMPORARY TABLE'));
}

/** Writes the first column of each row of `sql` (a line of text) to `out`, chunk by chunk, waiting when `out` is full. */
export async function streamLines(db: DuckDBConnection, sql: string, out: Writable): Promise<number> {
  const result = await db.stream(sql);
  let n = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const lines = chunk.getColumnValues(0) as string[];
    n += lines.length;
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  return n;
}

/** The pairs to grade, as `recoupe grade` reads them: `{a: {id, features}, b: {id, features}}` per line. */
export const PAIRS_SQL = `SELECT '{"a":{"id":' || to_json(p.a) || ',"features":' || fa.features::VARCHAR || '},"b":{"id":' || to_json(p.b) || ',"features":' || fb.features::VARCHAR || '}}'
  FROM candidate_pairs p JOIN features fa ON fa.id = p.a JOIN features fb ON fb.id = p.b ORDER BY p.a, p.b`;

/** Writes the corpus statistics `recoupe grade --stats` reads: `{key, df, docs}` per line. */
export async function writeStats(db: DuckDBConnection, path: string): Promise<void> {
  await db.run(`COPY (SELECT key, df, docs FROM key_df ORDER BY key) TO ${sqlString(path)} (FORMAT JSON)`);
}
