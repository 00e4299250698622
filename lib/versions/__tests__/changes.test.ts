/** What changed between two versions of an article: counts and word diffs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionChanges } from '..';
import { extractFromText } from '../../extract';
import { sentences } from '../../text';
import { editThreeWords } from '../../../tests/support/edit-words';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';

const BEFORE = {
  title: 'Le Parlement adopte la réforme des retraites',
  text: [
    'Le Parlement a adopté mardi la réforme des retraites après trois semaines de débats. Le texte repousse l’âge légal de départ à 64 ans.',
    'Les syndicats ont annoncé une nouvelle journée de mobilisation jeudi. Ils demandent le retrait pur et simple du texte.',
    'Le gouvernement se dit prêt à discuter des mesures d’accompagnement.',
  ].join('\n'),
};

describe('changes between two versions', () => {
  it.each([
    {
      name: 'the same text: nothing changed',
      after: BEFORE,
      expected: { headline: false, sentencesEdited: 0, sentencesAdded: 0, sentencesRemoved: 0, paragraphsAdded: 0, paragraphsRemoved: 0 },
    },
    {
      name: 'headline rewritten, one sentence edited, one paragraph added',
      after: {
        title: 'Retraites : la réforme définitivement adoptée',
        text: [
          'Le Parlement a adopté mardi la réforme des retraites après trois semaines de débats. Le texte repousse l’âge légal de départ à 64 ans.',
          'Les syndicats ont annoncé une nouvelle journée de grève jeudi. Ils demandent le retrait pur et simple du texte.',
          'Le Conseil constitutionnel sera saisi par l’opposition. Sa décision est attendue dans un mois.',
          'Le gouvernement se dit prêt à discuter des mesures d’accompagnement.',
        ].join('\n'),
      },
      expected: { headline: true, sentencesEdited: 1, sentencesAdded: 0, sentencesRemoved: 0, paragraphsAdded: 1, paragraphsRemoved: 0 },
    },
    {
      name: 'a sentence removed and a sentence added inside a paragraph',
      after: {
        title: BEFORE.title,
        text: [
          'Le Parlement a adopté mardi la réforme des retraites après trois semaines de débats.',
          'Les syndicats ont annoncé une nouvelle journée de mobilisation jeudi. Ils demandent le retrait pur et simple du texte. La CGT appelle à la grève reconductible.',
          'Le gouvernement se dit prêt à discuter des mesures d’accompagnement.',
        ].join('\n'),
      },
      expected: { headline: false, sentencesEdited: 0, sentencesAdded: 1, sentencesRemoved: 1, paragraphsAdded: 0, paragraphsRemoved: 0 },
    },
    {
      name: 'a paragraph removed',
      after: { title: BEFORE.title, text: BEFORE.text.split('\n').filter((_, i) => i !== 1).join('\n') },
      expected: { headline: false, sentencesEdited: 0, sentencesAdded: 0, sentencesRemoved: 0, paragraphsAdded: 0, paragraphsRemoved: 1 },
    },
  ])('$name', ({ after, expected }) => {
    const c = versionChanges(BEFORE, after, 'fr');
    expect({ ...c, headline: c.headline !== null, changes: undefined }).toEqual({ ...expected, changes: undefined });
  });

  it('marks the edited words: "mobilisation" removed, "grève" added, the rest the same', () => {
    const after = { title: BEFORE.title, text: BEFORE.text.replace('journée de mobilisation jeudi', 'journée de grève jeudi') };
    const [edited] = versionChanges(BEFORE, after, 'fr').changes;
    expect(edited?.kind).toBe('edited');
    expect(edited?.runs.filter((r) => r.op !== 'same')).toEqual([{ op: 'removed', text: 'mobilisation' }, { op: 'added', text: 'grève' }]);
    expect(edited?.runs.map((r) => (r.op === 'added' ? '' : r.text)).join('')).toBe('Les syndicats ont annoncé une nouvelle journée de mobilisation jeudi.');
    expect(edited?.runs.map((r) => (r.op === 'removed' ? '' : r.text)).join('')).toBe('Les syndicats ont annoncé une nouvelle journée de grève jeudi.');
  });

  // Words as each language writes them (Intl.Segmenter): an elided article stays with its word,
  // accented letters and inverted marks are not word breaks.
  it.each([
    { lang: 'fr', before: 'Le gouvernement se dit prêt à discuter des mesures d’accompagnement.', after: 'Le gouvernement se dit prêt à discuter des mesures d’ajustement.', changed: [['removed', 'd’accompagnement'], ['added', 'd’ajustement']] },
    { lang: 'es', before: '¿Qué pasará con la reforma después de la votación?', after: '¿Qué pasará con la reforma después de la elección?', changed: [['removed', 'votación'], ['added', 'elección']] },
    { lang: 'de', before: 'Die Regierung hält an der Reform fest, sagte der Sprecher.', after: 'Die Regierung hält an der Reform fest, sagte die Sprecherin.', changed: [['removed', 'der Sprecher'], ['added', 'die Sprecherin']] },
  ])('only the edited words are marked ($lang)', ({ lang, before, after, changed }) => {
    const [edited] = versionChanges({ title: null, text: before }, { title: null, text: after }, lang).changes;
    expect(edited?.kind).toBe('edited');
    expect(edited?.runs.filter((r) => r.op !== 'same').map((r) => [r.op, r.text])).toEqual(changed);
  });

  it('on a seed article: three sentences edited as a careless copy edits them, and the last paragraph cut', () => {
    const seed = extractFromText(readFileSync(join(SEEDS_DIR, '000_492f0f67598950be.txt'), 'utf8'));
    const spans = sentences(seed.text, 'fr').filter((s) => seed.text.slice(s.start, s.end).split(' ').length > 12);
    let text = seed.text;
    for (const s of spans.slice(1, 4)) {
      const sentence = seed.text.slice(s.start, s.end);
      text = text.replace(sentence, editThreeWords(sentence));
    }
    const paragraphs = text.split('\n');
    const after = { title: seed.title, text: paragraphs.slice(0, -1).join('\n') };
    const c = versionChanges({ title: seed.title, text: seed.text }, after, 'fr');
    expect(c.sentencesEdited).toBe(3);
    expect(c.paragraphsRemoved).toBe(1);
    expect(c.sentencesAdded + c.sentencesRemoved + c.paragraphsAdded).toBe(0);
    expect(c.changes.filter((x) => x.kind === 'edited').every((x) => x.runs.some((r) => r.op === 'added' && r.text.startsWith('ALTERED')))).toBe(true);
  });
});
