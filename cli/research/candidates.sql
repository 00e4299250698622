-- Candidates as a join: the corpus index's candidate step (lib/corpus-index/corpus-index.ts) in SQL,
-- over the output of `recoupe features`. Runs as is in DuckDB (`recoupe candidates` runs it) and
-- in Spark SQL (README, "Research pipeline"): standard SQL with window functions only.
--
-- Input, made by the runner from the `features` records:
--   articles(id, title)                one row per article
--   article_keys(id, key, cnt, pos)    one row per index key of an article (`keys` of its record:
--                                      entities `e:…` first, then stems; pos = its place in the list)
--   settings(candidate_limit, grade_all_below, posted_keys, max_df_share, min_max_df,
--            entity_boost, min_candidate_share)   one row: lib/corpus-index's constants
-- Output views: key_df (key, df, docs), posted (id, key, cnt), candidates (query, candidate,
-- score, rank), candidate_pairs (a, b) with a < b: the pairs to grade.

-- Document frequencies: in how many articles each key is, and the corpus size.
CREATE OR REPLACE TEMPORARY VIEW key_df AS
SELECT k.key, k.df, c.docs
FROM (SELECT key, COUNT(DISTINCT id) AS df FROM article_keys GROUP BY key) k
CROSS JOIN (SELECT COUNT(*) AS docs FROM articles) c;

-- Posted keys: each article's `posted_keys` most distinctive keys by tf · idf, the entity boost
-- on names; ties keep the order of the record (the index's stable sort).
CREATE OR REPLACE TEMPORARY VIEW posted AS
SELECT id, key, cnt
FROM (
  SELECT k.id, k.key, k.cnt, s.posted_keys,
    ROW_NUMBER() OVER (
      PARTITION BY k.id
      ORDER BY (1 + LN(k.cnt)) * LN(1 + d.docs / d.df) * (CASE WHEN k.key LIKE 'e:%' THEN s.entity_boost ELSE 1 END) DESC, k.pos
    ) AS key_rank
  FROM article_keys k
  JOIN key_df d ON d.key = k.key
  CROSS JOIN settings s
) ranked
WHERE key_rank <= posted_keys;

-- Candidate scores: every key of the query article that is rare enough (in at most
-- max(min_max_df, max_df_share of the corpus) articles) meets the articles posted under it;
-- idf-weighted hits add up (the count of a posting is capped at 255, as the index stores a byte).
-- The sum is rounded: a parallel engine adds in no fixed order, and the last bits of a float sum
-- would otherwise decide between near-tied candidates differently from one run to the next.
CREATE OR REPLACE TEMPORARY VIEW candidate_scores AS
SELECT q.id AS query, p.id AS candidate,
  ROUND(SUM(LN(1 + d.docs / d.df) * (1 + LN(q.cnt)) * (CASE WHEN q.key LIKE 'e:%' THEN s.entity_boost ELSE 1 END) * (1 + LN(LEAST(255, ROUND(p.cnt))))), 6) AS score
FROM article_keys q
JOIN key_df d ON d.key = q.key
JOIN posted p ON p.key = q.key AND p.id <> q.id
CROSS JOIN settings s
WHERE d.df <= GREATEST(s.min_max_df, d.docs * s.max_df_share)
GROUP BY q.id, p.id;

-- Each article's best `candidate_limit`, dropping those under `min_candidate_share` of its best.
CREATE OR REPLACE TEMPORARY VIEW candidates AS
SELECT query, candidate, score, candidate_rank AS rank
FROM (
  SELECT c.query, c.candidate, c.score, s.candidate_limit, s.min_candidate_share,
    ROW_NUMBER() OVER (PARTITION BY c.query ORDER BY c.score DESC, c.candidate) AS candidate_rank,
    MAX(c.score) OVER (PARTITION BY c.query) AS best
  FROM candidate_scores c
  CROSS JOIN settings s
) ranked
WHERE candidate_rank <= candidate_limit AND score >= best * min_candidate_share;

-- The pairs to grade, each once: a pair either article finds; every pair of a corpus smaller
-- than `grade_all_below` (as lib/corpus-index's candidateIds grades all of a small corpus).
CREATE OR REPLACE TEMPORARY VIEW candidate_pairs AS
SELECT DISTINCT LEAST(c.query, c.candidate) AS a, GREATEST(c.query, c.candidate) AS b
FROM candidates c
CROSS JOIN settings s
WHERE (SELECT COUNT(*) FROM articles) >= s.grade_all_below
UNION
SELECT x.id AS a, y.id AS b
FROM articles x
JOIN articles y ON x.id < y.id
CROSS JOIN settings s
WHERE (SELECT COUNT(*) FROM articles) < s.grade_all_below;
