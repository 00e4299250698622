/**
 * Public feeds of major French- and English-language outlets, offered on the options page; none is
 * followed until the reader chooses it. Addresses as the outlets publish them (their "RSS" pages).
 */
export interface StarterFeed {
  outlet: string;
  language: 'fr' | 'en';
  url: string;
}

export const STARTER_FEEDS: readonly StarterFeed[] = [
  { outlet: 'Le Monde', language: 'fr', url: 'https://www.lemonde.fr/rss/une.xml' },
  { outlet: 'Le Figaro', language: 'fr', url: 'https://www.lefigaro.fr/rss/figaro_actualites.xml' },
  { outlet: 'franceinfo', language: 'fr', url: 'https://www.francetvinfo.fr/titres.rss' },
  { outlet: 'France 24', language: 'fr', url: 'https://www.france24.com/fr/rss' },
  { outlet: 'Le Devoir', language: 'fr', url: 'https://www.ledevoir.com/rss/manchettes.xml' },
  { outlet: 'Radio-Canada', language: 'fr', url: 'https://ici.radio-canada.ca/rss/4159' },
  { outlet: 'BBC News', language: 'en', url: 'https://feeds.bbci.co.uk/news/rss.xml' },
  { outlet: 'The Guardian', language: 'en', url: 'https://www.theguardian.com/world/rss' },
  { outlet: 'NPR', language: 'en', url: 'https://feeds.npr.org/1001/rss.xml' },
  { outlet: 'Al Jazeera', language: 'en', url: 'https://www.aljazeera.com/xml/rss/all.xml' },
  { outlet: 'CBC News', language: 'en', url: 'https://www.cbc.ca/webfeed/rss/rss-topstories' },
];
