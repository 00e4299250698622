/** The `framing` field of `recoupe compare` (the CLI contract). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../run-cli';
import { SEEDS_DIR } from '../shared-fixtures';

interface Out {
  a: { text: string };
  b: { text: string };
  framing: {
    actors: { actor: string; a: { text: string; start: number; end: number }[]; b: { text: string; start: number; end: number }[] }[];
    hedges: { a: { text: string; start: number; end: number; kind: string }[]; b: { text: string; start: number; end: number; kind: string }[] };
    sources: { a: string[]; b: string[] };
    omissions: { onlyA: { start: number; end: number }[]; onlyB: { start: number; end: number }[] };
    headlines: { a: string | null; b: string | null; note: string | null };
  };
}

describe('recoupe compare: framing', () => {
  it('prints actors, hedges, sources, omissions and headlines with offsets into each text', async () => {
    const out = await cliJson<Out>('compare', join(SEEDS_DIR, '000_492f0f67598950be.txt'), join(SEEDS_DIR, '003_0bb6bc6989cf1c52.txt'));
    const f = out.framing;
    for (const row of f.actors) {
      for (const l of row.a) expect(out.a.text.slice(l.start, l.end)).toBe(l.text);
      for (const l of row.b) expect(out.b.text.slice(l.start, l.end)).toBe(l.text);
    }
    const rebels = f.actors.find((r) => r.actor === 'rebels / opposition')!;
    expect(rebels.a.map((l) => l.text)).toContain('prétendue «opposition modérée»');
    expect(rebels.b.map((l) => l.text)).toContain('groupes rebelles supportés par Washington');
    expect(f.hedges.b.map((h) => [h.kind, h.text])).toContainEqual(['conditional', 'auraient transmis']);
    expect(f.sources.b).toContain('Sergueï Lavrov');
    expect(f.omissions.onlyA.length).toBeGreaterThan(0);
    expect(f.headlines.a).toMatch(/^Poutine et Obama/);
    expect(f.headlines.note).toMatch(/joint action/);
  });
});
