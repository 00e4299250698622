import { giletsPairs } from '../tests/evals/framing';
const seen = new Set<string>();
const bad = /parsemaient|équipées|LCI|^appel|sondage diffusé|froid mordant|Marie-Line|Si jamais|correspondant de l'AFP|Leur leader|Les Républicains/;
for (const p of giletsPairs()) {
  if (p.half !== 'tuning') continue;
  for (const x of [p.a, p.b]) for (const q of x.quotes) {
    const key = `${q.speaker} ${q.text.slice(0, 30)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!bad.test(q.speaker ?? '') && !/Si jamais/.test(q.text)) continue;
    const s = Math.max(0, q.marks.open.start - 250);
    console.log(`--- [${q.speaker}] cue=${JSON.stringify((q as any).cue?.text ?? (q as any).cue)}\n${x.text.slice(s, q.marks.close.end + 120).replace(/\n/g, ' ⏎ ')}\n`);
  }
}
