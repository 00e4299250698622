/**
 * Three outlets of one event, each on its own 127.0.0.1 port, for the following end-to-end tests:
 * the BASIL triplet 85475456… (Fan et al. 2019: The New York Times, Fox News and HuffPost on
 * Richard Blumenthal's Vietnam service, 17–18 May 2010), read in place from ../shared/fixtures.
 * Each outlet serves one feed format: RSS 2.0, Atom, JSON Feed.
 */
import { readBasil } from '../support/corpora';
import { serveNewsOutlet, type FeedFormat, type NewsOutlet } from '../support/outlet-server';

const EVENT = '85475456-f38e-4c30-895d-ca2c819c6af1';
export const OUTLETS: { key: 'nyt' | 'fox' | 'hpo'; site: string; format: FeedFormat }[] = [
  { key: 'nyt', site: 'The New York Times', format: 'rss' },
  { key: 'fox', site: 'Fox News', format: 'atom' },
  { key: 'hpo', site: 'HuffPost', format: 'json' },
];
export const SLUG = 'blumenthal';

export async function serveThreeOutlets(): Promise<Record<'nyt' | 'fox' | 'hpo', NewsOutlet>> {
  const basil = readBasil().filter((a) => a.event === EVENT);
  const served = await Promise.all(OUTLETS.map(({ key, site, format }) => {
    const a = basil.find((b) => b.source.toLowerCase() === key)!;
    return serveNewsOutlet(site, format, [{ slug: SLUG, title: a.title, date: a.date, lang: 'en', text: a.text }]);
  }));
  return { nyt: served[0]!, fox: served[1]!, hpo: served[2]! };
}
