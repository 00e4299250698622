/** The framing criteria on the seeds against gold.json `framing` (figures: scripts/eval-framing.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSeeds, type SeedFramingResult } from '../evals/framing';

let r: SeedFramingResult;
beforeAll(() => { r = evaluateSeeds(); });

describe('seeds against gold.json framing', () => {
  it('finds and groups under one actor at least 80% of the gold labels overall, and at least 80% for each actor', () => {
    const total = r.actors.reduce((s, p) => s + p.labels, 0);
    const found = r.actors.reduce((s, p) => s + p.found, 0);
    expect(total).toBe(135);
    expect(found / total).toBeGreaterThanOrEqual(0.8);
    for (const actor of new Set(r.actors.map((p) => p.actor))) {
      const ps = r.actors.filter((p) => p.actor === actor);
      expect(ps.reduce((s, p) => s + p.found, 0) / ps.reduce((s, p) => s + p.labels, 0), actor).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('finds every gold hedge (prétendue, dites, auraient transmis)', () => {
    expect(r.hedges).toHaveLength(3);
    expect(r.hedges.filter((h) => !h.found)).toEqual([]);
  });

  it('finds every one of the 15 gold sources', () => {
    expect(r.sources).toHaveLength(15);
    expect(r.sources.filter((s) => !s.found)).toEqual([]);
  });

  // A gold omission is listed when its statement holds something the other seed never mentions;
  // the others are told by words the other seed also uses (Russia, Washington, Moscow, al-Nosra,
  // May), and listing them would list the same-looking statements the other tells in other words.
  it.each([
    ['Selon la Maison Blanche', true],
    ['John Kerry a lui salué', true],
    ['280.000 morts', true],
    ['Mi-mai, la Russie avait même proposé', false],
    ['Washington se refuse à dresser', false],
    ['Moscou ne cesse de répéter', false],
  ] as const)('gold omission of 000 vs 001 at “%s”: listed on its side %s', (anchor, listed) => {
    expect(r.omissions).toHaveLength(6);
    expect(r.omissions.find((o) => o.anchor === anchor)?.found).toBe(listed);
  });

  it('never groups two different actors the seeds name (Poutine/Obama, al-Nosra/Etat islamique)', () => {
    for (const c of r.comparisons.values()) {
      for (const row of c.actors) {
        const texts = [...row.a, ...row.b].map((l) => l.text);
        const has = (re: RegExp) => texts.some((t) => re.test(t));
        expect(has(/Poutine/u) && has(/Obama/u), row.actor).toBe(false);
        expect(has(/Nosra/u) && has(/Etat islamique|Daesh|\bEI\b/u), row.actor).toBe(false);
        expect(has(/^Kerry|John Kerry/u) && has(/Lavrov/u), row.actor).toBe(false);
      }
    }
  });

  it('every label span is exact', () => {
    for (const c of r.comparisons.values()) for (const row of c.actors) for (const l of [...row.a, ...row.b]) expect(l.text.length).toBe(l.end - l.start);
  });
});
