/** The thresholds on the seeds (gold.json) and PolNeAR; the tables: scripts/eval-quotes.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { englishSpeakerArticle, englishSpeakerLabels, evaluateBasilSpeakers, evaluateEnglishSpeakers, evaluateFrenchSpeakers, evaluatePolnear, evaluateSeeds } from '../evals/quotes';
import { fnv1a } from '../support/fixture-split';
import type { PolnearResult, SeedResult } from '../evals/quotes';

let seeds: SeedResult;
beforeAll(async () => { seeds = await evaluateSeeds(); });

describe('seeds against gold.json', () => {
  it('finds every reported quotation and every scare quote, precision at least 95% per article', () => {
    for (const p of [...seeds.reported, ...seeds.scare]) {
      expect(p.recall, p.article).toBe(1);
      expect(p.precision, p.article).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds the two shared quotations of 000 ↔ 001, exact, spoken by the Kremlin, and no other', () => {
    const withShared = seeds.shared.filter((p) => p.pairs.length > 0);
    expect(withShared.map((p) => [p.a, p.b])).toEqual([['000_492f0f67598950be', '001_efc4fda914ae2fdd']]);
    const pairs = withShared[0]!.pairs;
    expect(pairs.map((s) => [s.relation, s.speaker])).toEqual([['exact', 'Kremlin'], ['exact', 'Kremlin']]);
    expect(pairs.map((s) => seeds.texts['000_492f0f67598950be']!.slice(s.a.start, s.a.end).slice(0, 20))).toEqual(['Les deux parties ont', 'Vladimir Poutine a a']);
  });

  it('names the hand-labelled speaker of at least 90% of the reported quotations', () => {
    const right = seeds.speakers.filter((s) => s.right).length;
    expect(seeds.speakers.length).toBe(21);
    expect(right / seeds.speakers.length).toBeGreaterThanOrEqual(0.9);
  });

  it('takes no quotation from the reader comments of 004 (extraction set them aside)', () => {
    expect(seeds.quotes['004_60be76548461e545']!.some((q) => /FRIK|CHAMBERLAIN|fourbes/u.test(q.text))).toBe(false);
  });
});

describe('PolNeAR direct quotations (42 test articles, split by tests/support/fixture-split.ts)', () => {
  let tuning: PolnearResult;
  let reporting: PolnearResult;
  beforeAll(() => { tuning = evaluatePolnear('tuning'); reporting = evaluatePolnear('reporting'); });
  it('has the gold it is measured on, in two halves', () => {
    expect(tuning.articles + reporting.articles).toBe(42);
    expect(Math.min(tuning.articles, reporting.articles)).toBeGreaterThanOrEqual(15);
    expect(tuning.gold + reporting.gold).toBeGreaterThan(250);
  });
  // Measured (scripts/eval-quotes.ts), speakers by the strict definition of issue 13 (a fragment
  // or a bare pronoun is wrong; a title before the Source's name is the same person): tuning
  // P 0.982, R 0.946, speakers 153/162 = 0.944 (153/161 before session 27's mixed-mark pairing
  // found a headline's `‘…'`, whose speaker stays unknown); reporting P 0.950, R 0.938, speakers
  // 168/189 = 0.889 (0.884 before the h-speakers pass of session 26, 0.873 before the English hand-labelled pass, 0.857 before the third, 0.852 before the
  // second). Session 32 (a pronoun Source scored against the name it refers to, README): tuning
  // 153/162 either way; reporting 168/189 = 0.889, 167/189 as scored before (169/189 at the
  // session’s start), named 168/176 = 0.955; train split 5,303/6,238 (5,246/6,234 at the start).
  // The bounds are regression floors just under those. The aim on the reporting half: P ≥ 0.95, R ≥ 0.9, speakers ≥ 0.9.
  it('precision and recall of direct quotations, on each half', () => {
    expect(tuning.correct / tuning.predicted).toBeGreaterThanOrEqual(0.975);
    expect(tuning.found / tuning.gold).toBeGreaterThanOrEqual(0.94);
    expect(reporting.correct / reporting.predicted).toBeGreaterThanOrEqual(0.945);
    expect(reporting.found / reporting.gold).toBeGreaterThanOrEqual(0.93);
  });
  it('speaker accuracy stays above its measured floor, on each half', () => {
    expect(tuning.speakerRight / tuning.speakerTotal).toBeGreaterThanOrEqual(0.94);
    expect(reporting.speakerRight / reporting.speakerTotal).toBeGreaterThanOrEqual(0.885);
  });
  // Precision first: a speaker named is right (tuning 153/156 = 0.981, reporting 168/176 = 0.955),
  // and "unknown" stays the exception (coverage 0.963 / 0.931).
  it('named speakers are right, and most quotations have one, on each half', () => {
    expect(tuning.speakerNamedRight / tuning.speakerNamed).toBeGreaterThanOrEqual(0.975);
    expect(reporting.speakerNamedRight / reporting.speakerNamed).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(tuning.speakerNamed / tuning.speakerTotal, reporting.speakerNamed / reporting.speakerTotal)).toBeGreaterThanOrEqual(0.91);
  });
});

describe('French speakers, hand-labelled on the gilets-jaunes corpus (tests/expected/quotes/gilets-jaunes-speakers.json)', () => {
  // Measured: tuning 19/22 = 0.864 (16/22 before the participle, incise and `comme le dit` rules,
  // 18/22 before the second speakers pass), reporting 29/44 = 0.659 (26/44 before the h-speakers
  // pass of session 26, 25/44 before the one ahead of it; every labelled quotation is found);
  // named speakers right: tuning 19/19, reporting 26/29 = 0.897 (24/28, 23/28, 22/28 before).
  it('has at least 40 labelled quotations on the reporting half, all found as reported speech', () => {
    const r = evaluateFrenchSpeakers('reporting');
    expect(r.total).toBeGreaterThanOrEqual(40);
    expect(r.found).toBe(r.total);
  });
  it('names the labelled speaker above its measured floor, on each half', () => {
    const tuning = evaluateFrenchSpeakers('tuning');
    const reporting = evaluateFrenchSpeakers('reporting');
    expect(tuning.right / tuning.total).toBeGreaterThanOrEqual(0.85);
    expect(reporting.namedRight / reporting.named).toBeGreaterThanOrEqual(0.89);
    expect(reporting.right / reporting.total).toBeGreaterThanOrEqual(0.65);
  });
});

describe('English speakers, hand-labelled (tests/expected/quotes/english-speakers.json: BASIL tuning half and readability news pages)', () => {
  // Tuning data (its failures are read to design rules), so a regression floor, not a measure on
  // unseen text. Measured: 470/501 = 0.938 right, named speakers right 453/458 = 0.989 (469/501
  // and 452/457 before the speakers pass of session 28; 461/501
  // and 444/453 before the speakers pass of session 27; 454/501 and 437/449 before the
  // h-speakers pass of session 26; 436/501
  // = 0.870 and 421/445 = 0.946 when it was labelled, before the rules it led to).
  // Extracting the readability pages (jsdom and lib/extract, as the CLI reads them) is nearly all
  // of this block's time (about 6 of 7 s unloaded; 30.7 s once at load 17 in one case): one case
  // per article extracts it and checks its labelled quotations are in place, so no case carries
  // them all; the floors below reuse those extractions (tests/evals/quotes.ts keeps one per process).
  const articles = [...new Set(englishSpeakerLabels().map((l) => l.key))];
  it.each(articles)('%s holds its labelled quotations', async (key) => {
    const { text } = await englishSpeakerArticle(key);
    for (const l of englishSpeakerLabels().filter((x) => x.key === key)) expect(fnv1a(text.slice(l.start, l.end)), `${l.start}-${l.end}`).toBe(l.hash);
  });
  it('every labelled quotation is found, and speakers stay above their measured floor', async () => {
    const r = await evaluateEnglishSpeakers();
    expect(r.total).toBeGreaterThanOrEqual(500);
    expect(r.found).toBe(r.total);
    expect(r.right / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.namedRight / r.named).toBeGreaterThanOrEqual(0.99);
  });
});

describe('BASIL speakers (quotations labelled with a person; group labels counted apart, see tests/evals/quotes.ts)', () => {
  // Measured: named speakers right, tuning 18/19 = 0.947, reporting 15/21 = 0.714 (over every
  // label, as scored before: 0.714 and 0.447, most of the difference a spokesperson named where
  // BASIL labels the group).
  it('names the labelled person above its measured floor, on each half', () => {
    const tuning = evaluateBasilSpeakers('tuning');
    const reporting = evaluateBasilSpeakers('reporting');
    expect(Math.min(tuning.people.total, reporting.people.total)).toBeGreaterThanOrEqual(20);
    expect(tuning.people.right / tuning.people.named).toBeGreaterThanOrEqual(0.94);
    expect(reporting.people.right / reporting.people.named).toBeGreaterThanOrEqual(0.7);
  });
});
