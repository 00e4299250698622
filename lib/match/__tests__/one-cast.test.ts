/**
 * One cast, two events (issue 13). Two votes of one council on one day, each reported with the
 * mayor and the council president quoted: the date, the publication day and the people are the
 * same, and a small corpus (a new user's) weighs the names as much as the words, so the second
 * vote was graded the same event as the first. What the people say shares no words, and beside
 * their names the two share few: two events. Made-up articles, graded alone (no corpus
 * statistics, as with a corpus of one article) and against a corpus of the two others.
 */
import { describe, expect, it } from 'vitest';
import { computeFeatures, corpusStats, describeReason, gradePair, hasFeatureShape, isFeatures, type ArticleFeatures } from '..';

const article = (title: string, text: string) => computeFeatures({ title, text, language: 'en', publishedTime: '2025-04-08' });

const budget = article('Dunmore City Council approves $42 million school budget after long debate', `DUNMORE — The Dunmore City Council on Tuesday approved a $42 million school budget, ending weeks of argument over teacher salaries and class sizes.

The budget passed 7-2. It adds forty teaching posts and raises salaries by four percent.

"This budget puts our classrooms first and keeps our promise to teachers," Mayor Alicia Brandt said after the vote.

Council President Omar Haddad called the budget "a careful compromise" but warned that property taxes may rise next year. "We cannot keep funding schools from reserves," he said.

The school board will vote on the final salary scale next month.`);

/** Another vote of the same council the same day, the same two people quoted on it. */
const garage = article('Dunmore City Council rejects downtown parking garage as residents object', `DUNMORE — The Dunmore City Council on Tuesday rejected a plan for a $15 million downtown parking garage, after residents packed the chamber to object to its cost and its location on Elm Street.

The proposal failed 4-5.

"Residents told us loud and clear that they do not want this garage on Elm Street," Mayor Alicia Brandt said.

Council President Omar Haddad said the developer would have to come back with a smaller design. "Nobody here wants more traffic downtown," he said.

Shop owners on Elm Street had asked for more parking for two years.`);

/** The budget vote again, another outlet: the same two people, other sentences of theirs quoted. */
const budgetAgain = article('Dunmore school budget passes, teachers get raises', `DUNMORE — Teachers will get a four percent raise and schools forty new teaching posts under the $42 million school budget the Dunmore City Council approved on Tuesday by seven votes to two.

"Every child deserves a smaller class and a teacher who is paid fairly," Mayor Alicia Brandt told reporters.

Council President Omar Haddad, who voted for the budget, said the salaries were "affordable this year, but not every year", and said property taxes could rise.

The school board is to set the salary scale next month.`);

/** The garage vote told with one of the budget's quotations: quoted words in common. */
const garageQuotingBudget = article('Dunmore City Council rejects downtown parking garage as residents object', `DUNMORE — The Dunmore City Council on Tuesday rejected a plan for a $15 million downtown parking garage, after residents packed the chamber to object to its cost and its location on Elm Street.

The proposal failed 4-5, hours after the City Council approved the school budget, which Mayor Alicia Brandt said "puts our classrooms first and keeps our promise to teachers".

"Residents told us loud and clear that they do not want this garage on Elm Street," Mayor Alicia Brandt said.

Council President Omar Haddad said the developer would have to come back with a smaller design. "Nobody here wants more traffic downtown," he said.`);

describe('who the quotations are credited to', () => {
  it('keeps the names of the people quoted, by their last word, not pronouns', () => {
    expect(budget.speakers).toEqual(['Brandt', 'Haddad']);
    expect(article('Strike', 'Officials said the strike "will end on Friday at the latest". "We are ready to talk," he said.').speakers).toEqual([]);
  });

  it('reads stored features of version 6 (no speakers) as they are, and wants speakers from version 7', () => {
    const { speakers: _, ...v6 } = { ...budget, v: 6 };
    expect(hasFeatureShape(v6)).toBe(true);
    expect(isFeatures(v6)).toBe(false);
    expect(hasFeatureShape({ ...v6, v: 7 })).toBe(false);
  });
});

describe('one cast, two events', () => {
  // Graded alone (no corpus statistics: a corpus of one article), and as `recoupe match` grades a
  // page against a corpus of the two others (their statistics: a new user's corpus).
  const alone = undefined;
  const corpus = (...others: ArticleFeatures[]) => corpusStats(others);
  it.each([
    ['the same people quoted on another vote, no quoted words in common: two events', budget, garage, alone, 'related', true],
    ['the same, against a corpus of the two others (fewer words in common: related on the words alone)', budget, garage, corpus(garage, budgetAgain), 'related', false],
    ['the same vote, the same people quoted in other sentences: one event', budget, budgetAgain, alone, 'same', false],
    ['the same vote, against a corpus of the two others', budget, budgetAgain, corpus(garage, budgetAgain), 'same', false],
    ['another vote quoting words of the first: the rule does not apply', budget, garageQuotingBudget, alone, 'same', false],
    ['another vote quoting words of the first, against a corpus', budget, garageQuotingBudget, corpus(garageQuotingBudget, budgetAgain), 'same', false],
  ] as const)('%s', (_name, a, b, stats, relation, told) => {
    const g = gradePair(a, b, stats);
    expect(g.relation).toBe(relation);
    expect(g.reasons.some((r) => r.code === 'quotes-differ')).toBe(told);
  });

  it('says who was quoted in both', () => {
    const g = gradePair(budget, garage);
    expect(g.reasons.map(describeReason)).toContain('the same people quoted (Brandt, Haddad), none of their words in common');
  });

  it('gives no evidence for stored features without speakers (version 6): graded as before', () => {
    const old = (f: ArticleFeatures): ArticleFeatures => ({ ...f, v: 6, speakers: undefined });
    expect(gradePair(old(budget), old(garage)).relation).toBe('same');
  });
});
