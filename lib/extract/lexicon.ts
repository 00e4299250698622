/**
 * Small per-language word lists used by the removal steps (fr, en, es, de, it, pt).
 *
 * Everything here is page-furniture vocabulary (buttons, box headings, credit words), never
 * article content. Entries are written lower-case without final punctuation; the steps compare
 * them against a line folded by {@link foldLine} in `lines.ts` (lower-case, accents kept,
 * typographic apostrophes straightened, bullets and surrounding punctuation trimmed).
 *
 * Keep lists short and generic: a rule must describe a kind of debris, not one site's string.
 *
 * @module
 */

/** Whole-line UI words: buttons, navigation, search boxes. A line equal to one of these goes. */
export const UI_LABELS: readonly string[] = [
  // fr
  'rechercher', 'recherche', 'ok', 'retour en haut', 'haut de page', 'tous les commentaires',
  'voir les commentaires', 'afficher les commentaires', 'réagir', 'partager', 'imprimer',
  'envoyer', 'menu', 'fermer', 'accueil', 'se connecter', 'connexion', 's\'abonner', 'abonnez-vous',
  'accepter', 'tout accepter', 'refuser', 'tout refuser', 'paramétrer', 'suivant', 'précédent',
  'voir plus', 'lire la suite', 'publicité', 'contenu partenaire', 'contenu sponsorisé',
  'en partenariat avec', 'sponsorisé', 'newsletter', 'partager sur facebook', 'partager sur twitter',
  // en
  'search', 'back to top', 'share', 'share this', 'share this article', 'share this story', 'tweet',
  'print', 'email', 'close', 'home', 'sign in', 'log in', 'subscribe', 'accept', 'accept all',
  'reject all', 'next', 'previous', 'advertisement', 'advertising', 'sponsored', 'sponsored content',
  'partner content', 'paid content', 'view comments', 'show comments', 'all comments', 'load more',
  'skip to content', 'skip advertisement', 'continue reading', 'continue reading the main story',
  'read more', 'see more', 'more', 'photo', 'photos', 'video', 'vidéo', 'audio', 'image', 'graphic',
  'watch', 'listen', 'play video', 'regarder', 'écouter',
  // es
  'buscar', 'compartir', 'volver arriba', 'publicidad', 'contenido patrocinado', 'suscríbete',
  'aceptar', 'cerrar', 'ver comentarios', 'leer más',
  // de
  'suche', 'suchen', 'teilen', 'nach oben', 'anzeige', 'werbung', 'abonnieren', 'akzeptieren',
  'schließen', 'kommentare anzeigen', 'weiterlesen', 'mehr zum thema',
  // it
  'cerca', 'condividi', 'torna su', 'pubblicità', 'contenuto sponsorizzato', 'iscriviti', 'accetta',
  'chiudi', 'leggi tutto',
  // pt
  'buscar', 'pesquisar', 'compartilhar', 'voltar ao topo', 'publicidade', 'conteúdo patrocinado',
  'assine', 'aceitar', 'fechar', 'leia mais',
];

/**
 * Phrases of subscribe / share / newsletter prompts. A short line *containing* one is a prompt,
 * not reporting ("Sign up for our newsletter to get…", "Inscrivez-vous à notre newsletter").
 */
export const PROMPT_PHRASES: readonly string[] = [
  // fr
  'inscrivez-vous à notre newsletter', 'abonnez-vous à notre newsletter', 'recevez notre newsletter',
  'abonnez-vous pour', 'partagez cet article', 'suivez-nous sur', 'téléchargez notre application',
  'cet article est réservé aux abonnés', 'il vous reste', 'déjà abonné',
  // en
  'sign up for our newsletter', 'sign up for the', 'subscribe to our newsletter', 'get our newsletter',
  'share this article', 'share this story', 'share on facebook', 'share on twitter', 'follow us on',
  'download our app', 'this article is for subscribers', 'already a subscriber', 'newsletter sign-up',
  'sign up to receive',
  // es
  'suscríbete a nuestro boletín', 'recibe nuestro boletín', 'síguenos en', 'comparte este artículo',
  // de
  'newsletter abonnieren', 'melden sie sich für unseren newsletter', 'folgen sie uns auf',
  'diesen artikel teilen',
  // it
  'iscriviti alla nostra newsletter', 'seguici su', 'condividi questo articolo',
  // pt
  'assine nossa newsletter', 'inscreva-se na nossa newsletter', 'siga-nos no', 'compartilhe esta matéria',
];

/**
 * Openers of a related-content pointer. A line that starts with one of these (optionally in
 * parentheses, optionally followed by `:` and a linked headline) is a "read also" box.
 */
export const RELATED_PREFIXES: readonly string[] = [
  'lire aussi', 'à lire aussi', 'a lire aussi', 'lire également', 'à lire également', 'voir aussi',
  'à voir aussi', 'sur le même sujet', 'à lire', 'notre dossier', 'retrouvez notre dossier',
  'read more', 'read also', 'also read', 'related', 'related articles', 'related stories',
  'related content', 'see also', 'more on this story', 'more from', 'you may also like',
  'recommended', 'most read', 'most popular', 'more:', 'further reading',
  'lee también', 'leer también', 'te puede interesar', 'más información', 'lea también',
  'lesen sie auch', 'lesen sie mehr', 'mehr zum thema', 'das könnte sie auch interessieren',
  'leggi anche', 'potrebbe interessarti', 'leia também', 'leia mais', 'veja também', 'saiba mais',
];

/**
 * Headings of side boxes whose following short lines are links to other stories (fact boxes
 * titled "Repère", "Les plus lus", "Most read"…). Matched as the whole line.
 */
export const BOX_HEADINGS: readonly string[] = [
  'repère', 'repères', 'les plus lus', 'les plus partagés', 'dans la même rubrique', 'à la une',
  'pour aller plus loin', 'nos articles', 'dernières infos', 'dernières actualités', 'en continu',
  'most read', 'most popular', 'most shared', 'top stories', 'latest news', 'trending', 'more stories',
  'lo más leído', 'más leídas', 'últimas noticias', 'meistgelesen', 'am meisten gelesen',
  'i più letti', 'più letti', 'mais lidas', 'últimas notícias',
];

/** Words that name a comment thread; a short line made of one (plus a count) opens the thread. */
export const COMMENT_WORDS: readonly string[] = [
  'commentaire', 'commentaires', 'réactions', 'réaction', 'vos réactions', 'comment', 'comments',
  'reader comments', 'join the conversation', 'discussion', 'comentarios', 'comentario',
  'kommentare', 'kommentar', 'leserkommentare', 'commenti', 'commento', 'comentários', 'comentário',
];

/** Cookie / consent banner vocabulary. Two hits, or one of the strong ones, make a banner line. */
export const COOKIE_STRONG: readonly string[] = [
  'cookie', 'cookies', 'traceurs', 'rgpd', 'gdpr', 'galletas',
];
export const COOKIE_WEAK: readonly string[] = [
  'consentement', 'consent', 'en poursuivant votre navigation', 'continuing to browse',
  'politique de confidentialité', 'privacy policy', 'données personnelles', 'personal data',
  'mesure d\'audience', 'publicité ciblée', 'targeted advertising', 'partenaires', 'partners',
  'datenschutz', 'privacidad', 'privacy', 'privacidade',
];

/**
 * Words of a comment-policy disclaimer ("the opinions expressed in the comments are those of
 * their authors"). A line needs a COMMENT_WORDS hit plus one of these.
 */
export const COMMENT_POLICY_WORDS: readonly string[] = [
  'auteur', 'auteurs', 'modération', 'modéré', 'charte', 'imputés', 'responsabilité',
  'author', 'authors', 'moderat', 'community guidelines', 'do not reflect', 'responsibility',
  'autor', 'moderación', 'verantwortung', 'moderiert', 'autore', 'moderazione', 'moderação',
];

/** News agencies, for wire credits (`Source AFP`, `(Reuters)`) and photo credits. */
export const AGENCIES: readonly string[] = [
  'afp', 'ap', 'reuters', 'dpa', 'efe', 'ansa', 'epa', 'getty', 'getty images', 'belga', 'ats',
  'sipa', 'maxppp', 'xinhua', 'tass', 'ria novosti', 'sputnik', 'anadolu', 'apa', 'lusa', 'upi',
  'associated press', 'agence france-presse', 'europa press', 'kyodo', 'bloomberg', 'pa',
  'shutterstock', 'istock', 'afp photo', 'ap photo', 'reuters/',
];

/** Words that introduce a wire or source credit on its own line. */
export const CREDIT_LEADS: readonly string[] = [
  'source', 'sources', 'avec', 'with', 'by', 'par', 'fuente', 'quelle', 'fonte', 'fonti', 'agence',
  'agences', 'agencies', 'wire', 'crédit', 'credit', 'credits', 'crédits',
];

/** Words that introduce a photo credit inside a caption (`Photo AFP / NAME`, `Foto: …`). */
export const PHOTO_WORDS: readonly string[] = [
  'photo', 'photos', 'crédit photo', 'crédit', 'credit', 'illustration', 'image', 'picture',
  'foto', 'fotos', 'fotografía', 'bild', 'imagen', 'immagine', 'imagem',
];

/**
 * Prefixes of dateline / timestamp lines ("Publié le …", "Updated …"). A line made only of one
 * of these plus a date or time is page furniture.
 */
export const DATE_LEADS: readonly string[] = [
  'publié le', 'publié', 'mis à jour le', 'mis à jour', 'modifié le', 'le', 'à', 'il y a',
  'published', 'updated', 'posted', 'posted on', 'last updated', 'on', 'at',
  'publicado', 'actualizado', 'veröffentlicht', 'aktualisiert', 'am', 'um', 'pubblicato',
  'aggiornato', 'atualizado', 'publicado em',
];

/** Month names (full and abbreviated) for date patterns. */
export const MONTHS: readonly string[] = [
  'janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout',
  'septembre', 'octobre', 'novembre', 'décembre', 'decembre',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
  'octubre', 'noviembre', 'diciembre',
  'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre',
  'dicembre', 'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro',
  'novembro', 'dezembro',
];

/** Prefixes of a byline line ("Par Jean Dupont", "By Jane Doe"). */
export const BYLINE_LEADS: readonly string[] = ['par', 'by', 'por', 'von', 'di', 'de'];

/** Weekday names, for timestamp lines ("lundi 18 avril 2016 à 14 h 05"). */
export const WEEKDAYS: readonly string[] = [
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
  'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira',
];

/**
 * How a consent banner addresses the reader or names the site. A cookie word alone can be news
 * (a story about a cookie fine); a cookie word plus one of these is a banner.
 */
export const COOKIE_ADDRESS: readonly string[] = [
  'vous', 'votre', 'vos', 'ce site', 'notre site', 'nos services', 'you', 'your', 'this site',
  'our site', 'this website', 'our website', 'our services', 'usted', 'este sitio', 'nuestro sitio',
  'sie', 'ihre', 'diese website', 'unsere website', 'questo sito', 'il nostro sito', 'este site',
  'você', 'nosso site',
];

/** Whole-line phrases of a copyright footer. */
export const RIGHTS_PHRASES: readonly string[] = [
  'tous droits réservés', 'all rights reserved', 'todos los derechos reservados',
  'alle rechte vorbehalten', 'tutti i diritti riservati', 'todos os direitos reservados',
  'reproduction interdite', 'droits de reproduction',
];
