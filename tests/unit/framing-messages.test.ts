/**
 * What the framing section shows of the alias lexicon is worded by the UI in the reader's
 * language: every actor, office and label note of lib/framing/aliases.json is a message of
 * locales/en.yml (tests/unit/locales.test.ts checks French has the same keys), and the view of
 * real pairs carries ids, never the lexicon's English.
 */
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import data from '../../lib/framing/aliases.json';
import { loadSeeds } from '../evals/framing';
import { framingView } from '../../lib/framing/view';

const en = new Set((await parseMessagesFile('locales/en.yml')).map((m) => m.key.join('.')));
const key = (kind: 'actor' | 'note', id: string) => `framing.${kind}.${id.replaceAll('-', '_')}`;
const lexicon = data as unknown as { actors: { id: string; labels: { note: string }[] }[]; offices: { id: string; labels: { note: string }[] }[] };

describe('framing lexicon messages', () => {
  it.each([...lexicon.actors, ...lexicon.offices].map((a) => [a.id, a] as const))('%s: its name and every note of its labels are messages', (_, a) => {
    expect(en.has(key('actor', a.id))).toBe(true);
    for (const l of a.labels) expect(en.has(key('note', l.note)), l.note).toBe(true);
  });

  it('the view of the seeds names lexicon actors by id and notes by message id only', () => {
    const seeds = loadSeeds();
    let notes = 0;
    for (const a of seeds) {
      for (const b of seeds) {
        if (a === b) continue;
        const v = framingView(a, a.framing, { id: 1, title: b.title, text: b.text, language: b.language, publishedTime: b.publishedTime ?? null }, b);
        for (const row of [...v.actors.shown, ...v.actors.more]) {
          if (row.lexiconId) expect(en.has(key('actor', row.lexiconId)), row.lexiconId).toBe(true);
          // The row's name is the texts' words, never the lexicon's English name (`Syrian government`).
          expect(a.text.includes(row.actor) || b.text.includes(row.actor), row.actor).toBe(true);
          for (const l of [...row.page, ...row.other]) if (l.note) { notes++; expect(en.has(key('note', l.note)), l.note).toBe(true); }
        }
      }
    }
    expect(notes).toBeGreaterThan(0);
  });
});
