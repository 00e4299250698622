/** `recoupe compare` prints the shared passages and coverage, offsets into each extracted text. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../run-cli';
import { SEEDS_DIR } from '../shared-fixtures';

const compare = (a: string, b: string) => cliJson<any>('compare', join(SEEDS_DIR, `${a}.txt`), join(SEEDS_DIR, `${b}.txt`));

describe('recoupe compare: passages and coverage', () => {
  it('000↔003: two edited passages, exactly the issue\'s fields, offsets into each text', async () => {
    const out = await compare('000_492f0f67598950be', '003_0bb6bc6989cf1c52');
    expect(out.passages).toHaveLength(2);
    for (const p of out.passages) {
      expect(Object.keys(p).sort()).toEqual(['a', 'b', 'kind', 'similarity']);
      expect(p.kind).toBe('edited');
      expect(p.similarity).toBeGreaterThan(0.6);
      expect(p.similarity).toBeLessThan(1);
    }
    const texts = out.passages.map((p: { a: { start: number; end: number }; b: { start: number; end: number } }) => [out.a.text.slice(p.a.start, p.a.end), out.b.text.slice(p.b.start, p.b.end)]);
    expect(texts[0][0]).toMatch(/^Fin mai, Moscou avait suspendu .* cessez-le-feu$/);
    expect(texts[0][1]).toMatch(/^Fin mai, Moscou a suspendu .* cessez-le-feu$/);
    expect(texts[1][1]).toMatch(/^Le cessez-le-feu est entré .* mais il ne s'applique .* l'ONU$/);
    expect(out.coverage.a).toBeGreaterThan(0);
    expect(out.coverage.a).toBeLessThan(1);
    expect(out.coverage.b).toBeGreaterThan(0);
  });

  it('003↔004: no passage, zero coverage', async () => {
    const out = await compare('003_0bb6bc6989cf1c52', '004_60be76548461e545');
    expect(out.passages).toEqual([]);
    expect(out.coverage).toEqual({ a: 0, b: 0 });
  });
});
