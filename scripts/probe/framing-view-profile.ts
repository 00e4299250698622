/**
 * Where the framing view's time goes on long texts (issues 16 and 20): the passages bench's pair
 * (gilets-jaunes articles joined end to end, A in file order, B from the last backwards) at the
 * given sizes, each part of `framingView` timed in CPU. Run under `node --cpu-prof` for the profile:
 *   node --cpu-prof --cpu-prof-dir /tmp/fv --import tsx scripts/probe/framing-view-profile.ts 60000 120000 250000
 */
import { extractQuotes } from '../../lib/quotes';
import { preparePassages } from '../../lib/passages';
import { articleFraming, compareFraming } from '../../lib/framing';
import { framingView, scareQuotes, actorRows, sourcesView } from '../../lib/framing/view';
import { compareWordChoice } from '../../lib/framing/word-choice';
import { groupActors } from '../../lib/framing/group';
import { findOmissions } from '../../lib/framing/omissions';
import { readGiletsJaunes } from '../../tests/support/corpora';

const cpu = <T>(fn: () => T): [T, number] => { const u = process.cpuUsage(); const r = fn(); const d = process.cpuUsage(u); return [r, (d.user + d.system) / 1000]; };
const articles = readGiletsJaunes().map((d) => d.text);
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const chars of sizes.length ? sizes : [60_000, 120_000, 250_000]) {
  const joined = (order: readonly string[]) => order.join('\n\n').slice(0, chars);
  const a = joined(articles);
  const b = joined([...articles].reverse());
  const qa = extractQuotes(a, 'fr');
  const qb = extractQuotes(b, 'fr');
  const reported = (q: typeof qa) => q.filter((x) => x.kind === 'reported');
  const page = { title: null, text: a, language: 'fr', quotes: qa, words: preparePassages(a, 'fr', reported(qa)) };
  const other = { title: null, text: b, language: 'fr', quotes: qb };
  const fa = articleFraming(page);
  const [fb, otherFraming] = cpu(() => articleFraming(other));
  const [, group] = cpu(() => groupActors(fa.mentions, fb.mentions, 'fr'));
  const [, omissions] = cpu(() => findOmissions({ ...page, mentions: fa.mentions, stemmed: fa.stemmed }, { ...other, mentions: fb.mentions, stemmed: fb.stemmed }));
  const [f, compare] = cpu(() => compareFraming(page, other, fa, fb));
  const sides = { a: { ...page, stemmed: fa.stemmed }, b: { ...other, stemmed: fb.stemmed } };
  const [, wordChoice] = cpu(() => compareWordChoice(sides.a, sides.b));
  const [, scare] = cpu(() => scareQuotes(sides.a, sides.b));
  const [, actors] = cpu(() => actorRows(f.actors, { a, b }, 'fr', { a: qa, b: qb }));
  const [, sources] = cpu(() => sourcesView(fa, fb, page, other, 'fr'));
  const [, whole] = cpu(() => framingView(page, fa, { id: 1, ...other }, { quotes: qb }));
  const r = (x: number) => Math.round(x);
  console.log(JSON.stringify({ chars, whole: r(whole), otherFraming: r(otherFraming), compareFraming: r(compare), groupActors: r(group), omissions: r(omissions), wordChoice: r(wordChoice), scareQuotes: r(scare), actorRows: r(actors), sources: r(sources), mentions: [fa.mentions.length, fb.mentions.length], quotes: [qa.length, qb.length], sources_: [fa.sources.length, fb.sources.length], rows: f.actors.length }));
}
