/**
 * Shared passages on the five seeds (gold.json `shared_passages`) and on small behaviour cases.
 * Spans are checked by the text they cover; similarities by order and bounds, not exact floats.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../extract';
import { normalizeForComparison, foldAccents } from '../../text';
import { comparePassages, PASSAGE_KINDS, preparePassages, type PassageKind, type PreparedText } from '..';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';

const norm = (s: string) => foldAccents(normalizeForComparison(s)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const gold = JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as {
  shared_passages: { articles: [string, string]; text: string; kind: string }[];
  shared_quotes: { articles: [string, string]; text: string }[];
};
const seed = (id: string) => {
  const a = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
  return { text: a.text, prepared: preparePassages(a.text, a.language) };
};
const S = Object.fromEntries(['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52', '004_60be76548461e545'].map((id) => [id.slice(0, 3), seed(id)]));
const pair = (x: string, y: string) => comparePassages(S[x]!.prepared, S[y]!.prepared);
const rank = (k: PassageKind) => PASSAGE_KINDS.indexOf(k);

describe('seed passages (gold.json shared_passages)', () => {
  it.each([
    ['the ceasefire sentence, 003 adding "il"', 0, 'edited'],
    ['the suspended-strikes sentence, tense and wording edited', 1, 'edited'],
  ] as const)('000↔003: %s is one passage spanning exactly the gold text, kind %s', (_name, k, kind) => {
    const g = gold.shared_passages[k]!;
    expect(g.articles).toEqual(['000_492f0f67598950be', '003_0bb6bc6989cf1c52']);
    const found = pair('000', '003').passages.filter((p) => norm(S['000']!.text.slice(p.a.start, p.a.end)) === norm(g.text));
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe(kind);
  });

  it('000↔003: the ceasefire passage has one edit, "il" added in 003', () => {
    const p = pair('000', '003').passages.find((x) => S['000']!.text.slice(x.a.start, x.a.end).startsWith('Le cessez-le-feu'))!;
    expect(p.edits).toHaveLength(1);
    expect(p.edits[0]!.a).toBeNull();
    expect(S['003']!.text.slice(p.edits[0]!.b!.start, p.edits[0]!.b!.end)).toBe('il');
  });

  it('000↔003: the strikes passage marks the edited words on both sides', () => {
    const p = pair('000', '003').passages.find((x) => S['000']!.text.slice(x.a.start, x.a.end).startsWith('Fin mai'))!;
    const side = (t: string, s: { start: number; end: number } | null) => (s ? t.slice(s.start, s.end) : null);
    const edits = p.edits.map((e) => [side(S['000']!.text, e.a), side(S['003']!.text, e.b)]);
    expect(edits).toEqual(expect.arrayContaining([['avait', 'a'], [null, 'rebelles']]));
    expect(edits.some(([a]) => a?.includes('selon laquelle'))).toBe(true);
  });

  it('000↔001: the Geneva-talks sentences are found, at least as a paraphrase', () => {
    const text = S['000']!.text;
    const found = pair('000', '001').passages.filter((p) => {
      const s = text.slice(p.a.start, p.a.end);
      return s.includes("souligné l'importance de la reprise") && s.includes('inter-syriens');
    });
    expect(found).toHaveLength(1);
    expect(rank(found[0]!.kind)).toBeLessThanOrEqual(rank('paraphrase'));
  });

  it('000↔001: the two shared quotations make no passage (they belong to quotes)', () => {
    const passages = pair('000', '001').passages;
    for (const q of gold.shared_quotes) {
      const at = S['000']!.text.replace(/’/g, "'").indexOf(q.text);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(passages.some((p) => p.a.start < at + q.text.length && at < p.a.end)).toBe(false);
    }
  });

  it.each([
    ['000', '002', 'phone calls three months apart: names, "conversation téléphonique", "le Kremlin"'],
    ['000', '004', '"Conseil de sécurité de l\'ONU", "Front Al-Nosra"'],
    ['001', '003', '"Front Al-Nosra", "Etats-Unis"'],
    ['001', '004', '"le secrétaire d\'Etat américain John Kerry"'],
    ['002', '003', 'names only'],
    ['002', '004', '"groupe Etat islamique", "cessez-le-feu"'],
    ['003', '004', '"ministre russe des Affaires étrangères, Sergueï Lavrov", "Washington Post"'],
  ])('%s↔%s share only common phrases (%s): no passage', (x, y) => {
    expect(pair(x, y).passages).toEqual([]);
    expect(pair(x, y).coverage).toEqual({ a: 0, b: 0 });
  });

  it('001↔002: the AFP sentence on Putin calling on the "moderate" rebels, reused from April, is one edited passage', () => {
    const { passages } = pair('001', '002');
    expect(passages).toHaveLength(1);
    expect(passages[0]!.kind).toBe('edited');
    expect(S['001']!.text.slice(passages[0]!.a.start, passages[0]!.a.end)).toMatch(/^Le président Poutine a également appelé .* Front Al-Nosra$/);
  });

  it('coverage: 000↔003 (two wire sentences) > 000↔001 (one) > unrelated pairs (0), each in (0, 1)', () => {
    const c03 = pair('000', '003').coverage;
    const c01 = pair('000', '001').coverage;
    expect(c03.a).toBeGreaterThan(c01.a);
    expect(c01.a).toBeGreaterThan(0);
    for (const v of [c03.a, c03.b, c01.a, c01.b]) expect(v).toBeLessThan(0.5);
  });
});

// ---------------------------------------------------------------------------------------------
// Behaviour cases: small synthetic texts, one behaviour each.

const WIRE = "Le gouvernement fédéral a annoncé mardi une hausse des subventions agricoles de dix pour cent pour les exploitations de montagne touchées par la sécheresse estivale, selon un communiqué publié à Berne.";
const fr = (t: string): PreparedText => preparePassages(t, 'fr');

describe('behaviour', () => {
  it.each([
    ['identical sentences', WIRE, WIRE, 'verbatim'],
    ['typography, case and accents differ', WIRE, WIRE.replace('fédéral', 'FEDERAL').replace(/é/g, 'e'), 'verbatim'],
    ['one word changed', WIRE, WIRE.replace('mardi', 'mercredi'), 'edited'],
    ['a word added and a tense changed', WIRE, WIRE.replace('a annoncé', 'avait annoncé').replace('hausse', 'nette hausse'), 'edited'],
  ] as const)('%s → one %s passage', (_name, a, b, kind) => {
    const { passages, coverage } = comparePassages(fr(`Texte propre à A. ${a} Fin de A.`), fr(`Autre début pour B. ${b} Et une fin.`));
    expect(passages.map((p) => p.kind)).toEqual([kind]);
    expect(coverage.a).toBeGreaterThan(0.5);
  });

  it('similarity orders verbatim > edited', () => {
    const v = comparePassages(fr(WIRE), fr(WIRE)).passages[0]!;
    const e = comparePassages(fr(WIRE), fr(WIRE.replace('mardi', 'mercredi').replace('dix', 'quinze'))).passages[0]!;
    expect(v.similarity).toBe(1);
    expect(e.similarity).toBeLessThan(v.similarity);
    expect(e.similarity).toBeGreaterThan(0.6);
  });

  it('a reworded sentence (clauses moved, words changed) is a paraphrase', () => {
    const b = 'Touchées par la sécheresse estivale, les exploitations agricoles de montagne recevront des subventions en hausse de dix pour cent, a annoncé mardi le gouvernement fédéral dans un communiqué publié à Berne.';
    const { passages } = comparePassages(fr(WIRE), fr(b));
    expect(passages.map((p) => p.kind)).toEqual(['paraphrase']);
  });

  it.each([
    ['a common phrase', 'Le secrétaire d\'Etat américain John Kerry est arrivé à Genève.', 'Hier, le secrétaire d\'Etat américain John Kerry a quitté Moscou.'],
    ['two common phrases', 'Selon le Conseil de sécurité de l\'ONU, le secrétaire d\'Etat américain John Kerry part.', 'Le secrétaire d\'Etat américain John Kerry et le Conseil de sécurité de l\'ONU divergent.'],
    ['a shared quotation', 'Le ministre a déclaré: « nous ne céderons jamais devant la violence des casseurs dans les rues de Paris ». Il part.', 'Devant les députés, il a lancé: « Nous ne céderons jamais devant la violence des casseurs dans les rues de Paris », sous les applaudissements.'],
    ['an empty text', '', WIRE],
  ])('%s alone makes no passage', (_name, a, b) => {
    expect(comparePassages(fr(a), fr(b)).passages).toEqual([]);
  });

  it('a quotation inside a reused paragraph stays inside the passage', () => {
    const para = `${WIRE} « Nous ne céderons jamais devant la violence des casseurs », a ajouté le ministre.`;
    const { passages } = comparePassages(fr(para), fr(`Avant. ${para}`));
    expect(passages).toHaveLength(1);
    expect(passages[0]!.a).toEqual({ start: 0, end: para.length - 1 });
  });
});
