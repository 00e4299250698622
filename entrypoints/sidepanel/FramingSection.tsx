/**
 * The framing section of the panel: what lib/framing/view chose and ranked, rendered as is (the
 * shown part first, the rest behind "more"). Every item has its evidence in both texts: the
 * page's words are buttons that show them in the page, the other version's are quoted beside.
 */
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { StoryMatchView } from '../../lib/compare/report-types';
import type { ActorLabelView, ActorRowView, FramingView, HeadlineNoteView, OmissionView, Ranked, ScareQuoteView, TextSpan, WordChoiceView } from '../../lib/framing/view';

type ScrollTo = (text: string) => void;
type Sense = 'doubt' | 'concession' | 'attack' | 'insistence' | 'boast' | 'complaint' | 'dismissal' | 'anger' | 'praise' | 'negative' | 'positive' | 'intensity';

const SENSES: Record<Sense, () => string> = {
  doubt: () => i18n.t('panel.sense.doubt'),
  concession: () => i18n.t('panel.sense.concession'),
  attack: () => i18n.t('panel.sense.attack'),
  insistence: () => i18n.t('panel.sense.insistence'),
  boast: () => i18n.t('panel.sense.boast'),
  complaint: () => i18n.t('panel.sense.complaint'),
  dismissal: () => i18n.t('panel.sense.dismissal'),
  anger: () => i18n.t('panel.sense.anger'),
  praise: () => i18n.t('panel.sense.praise'),
  negative: () => i18n.t('panel.sense.negative'),
  positive: () => i18n.t('panel.sense.positive'),
  intensity: () => i18n.t('panel.sense.intensity'),
};
const REASONS: Record<ActorRowView['reason'], () => string> = {
  qualifier: () => i18n.t('panel.reasonQualifier'),
  connotation: () => i18n.t('panel.reasonConnotation'),
  label: () => i18n.t('panel.reasonLabel'),
};

/** A lexicon actor's name or a label's note (lib/framing/aliases.json ids) in the reader's language. */
const lexiconMessage = (kind: 'actor' | 'note', id: string) => i18n.t(`framing.${kind}.${id.replaceAll('-', '_')}` as 'framing.note.byOffice');

/** The shown items, then the rest behind a "more" disclosure. */
function RankedList<T>({ list, render }: { list: Ranked<T>; render: (item: T, i: number) => ComponentChildren }) {
  return (
    <>
      {list.shown.map(render)}
      {list.more.length > 0 && (
        <details class="more" data-testid="framing-more">
          <summary>{i18n.t('panel.framingMore', [String(list.more.length)])}</summary>
          {list.more.map((x, i) => render(x, list.shown.length + i))}
        </details>
      )}
    </>
  );
}

function Label({ label, scrollTo }: { label: ActorLabelView; scrollTo?: ScrollTo }) {
  const body = (
    <>
      {label.text}
      {label.modifiers.length > 0 && <span class="modifiers"> ({label.modifiers.join(', ')})</span>}
    </>
  );
  const note = label.note ? lexiconMessage('note', label.note) : null;
  return (
    <li title={note ?? undefined}>
      {scrollTo ? <button class="evidence inline" onClick={() => scrollTo(label.text)}>{body}</button> : body}
      {note && <div class="note">{note}</div>}
    </li>
  );
}

/** A sentence cut around a word, the word marked (`…the senator slammed the bill…`). */
function InContext({ sentence, word }: { sentence: TextSpan; word: TextSpan }) {
  const AROUND = 70;
  const at = word.start - sentence.start;
  const before = sentence.text.slice(Math.max(0, at - AROUND), at);
  const after = sentence.text.slice(at + word.text.length, at + word.text.length + AROUND);
  return (
    <>
      {at > AROUND ? '…' : ''}{before}<mark>{word.text}</mark>{after}{at + word.text.length + AROUND < sentence.text.length ? '…' : ''}
    </>
  );
}

/** A statement only one version has, with what the other never names marked: the part of the claim a reader can check. */
function Omission({ item }: { item: OmissionView }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const x of item.absent) {
    parts.push(item.text.slice(at, x.start), <mark title={i18n.t('panel.omissionAbsent')}>{item.text.slice(x.start, x.end)}</mark>);
    at = x.end;
  }
  parts.push(item.text.slice(at));
  return <>{parts}</>;
}

function WordChoiceItem({ item, scrollTo, otherName }: { item: WordChoiceView; scrollTo: ScrollTo; otherName: string }) {
  const sense = SENSES[item.sense as Sense]?.() ?? item.sense;
  const mine = { sentence: item.sentence, word: item.word };
  const theirs = { sentence: item.counterpart, word: item.neutral };
  const [page, other] = item.side === 'page' ? [mine, theirs] : [theirs, mine];
  const said = item.side === 'page' ? i18n.t('panel.wordChoicePage', [item.word.text, sense]) : i18n.t('panel.wordChoiceOther', [otherName, item.word.text, sense]);
  return (
    <div class="actor" data-testid="word-choice-item">
      <div class="actor-name">{said}<span class="muted"> {i18n.t('panel.wordChoiceNeutral', [item.neutral.text])}</span></div>
      <div class="sides">
        <p><button class="evidence inline" onClick={() => scrollTo(page.sentence.text)}><InContext {...page} /></button></p>
        <p><InContext {...other} /></p>
      </div>
    </div>
  );
}

function ScareQuoteItem({ item, scrollTo, otherName }: { item: ScareQuoteView; scrollTo: ScrollTo; otherName: string }) {
  const [page, other] = item.side === 'page' ? [item.quote, item.plain] : [item.plain, item.quote];
  return (
    <div class="actor" data-testid="scare-quote-item">
      <div class="actor-name">{item.side === 'page' ? i18n.t('panel.scarePage', [item.quote.text]) : i18n.t('panel.scareOther', [otherName, item.quote.text])}</div>
      <div class="sides">
        <p><button class="evidence inline" onClick={() => scrollTo(page.text)}>{page.text}</button></p>
        <p>{other.text}</p>
      </div>
    </div>
  );
}

/** The headline difference, naming this page and the other outlet. */
function headlineNote(note: HeadlineNoteView, otherName: string): string {
  const name = (side: 'page' | 'other') => (side === 'page' ? i18n.t('panel.thisPageName') : otherName);
  const list = (xs: string[]) => xs.join(', ');
  switch (note.kind) {
    case 'joint':
      return note.objects.length
        ? i18n.t('panel.headlineJointObject', [name(note.joint), list(note.subject), name(note.joint === 'page' ? 'other' : 'page'), list(note.actor), list(note.objects)])
        : i18n.t('panel.headlineJoint', [name(note.joint), list(note.subject), name(note.joint === 'page' ? 'other' : 'page'), list(note.actor)]);
    case 'subjects':
      return i18n.t('panel.headlineSubjects', [list(note.page), otherName, list(note.other)]);
    case 'only':
      return i18n.t('panel.headlineOnly', [name(note.side), list(note.subject)]);
  }
}

/** How the page and one stored version name the actors, choose their words, keep their distance, quote, omit, headline. */
export function FramingSection({ framing, other, otherName, scrollTo }: { framing: FramingView; other: StoryMatchView | undefined; otherName: string; scrollTo: ScrollTo }) {
  const { actors, wordChoice, scareQuotes, sources, omissions, headlines } = framing;
  const whoSpeaks = [
    sources.onlyPage.length > 0 && i18n.t('panel.sourcesOnlyPage', [sources.onlyPage.join(', ')]),
    sources.onlyOther.length > 0 && i18n.t('panel.sourcesOnlyOther', [sources.onlyOther.join(', ')]),
    sources.both.length > 0 && i18n.t('panel.sourcesBoth', [sources.both.join(', ')]),
  ].filter((x): x is string => typeof x === 'string');
  const count = (r: Ranked<unknown>) => r.shown.length + r.more.length;
  const nothing = !headlines.note && count(actors) === 0 && count(wordChoice) === 0 && count(scareQuotes) === 0;
  return (
    <div data-testid="framing" data-article={framing.articleId} data-site={other?.site ?? ''}>
      <p class="meta" data-testid="framing-beside">{i18n.t('panel.framingBeside', [otherName])}</p>
      {nothing && <p class="muted" data-testid="framing-same">{i18n.t('panel.framingSame')}</p>}
      {headlines.note && (
        <div data-testid="framing-headlines">
          <h3>{i18n.t('panel.headlines')}</h3>
          <div class="sides"><p>{headlines.page ?? '—'}</p><p>{headlines.other ?? '—'}</p></div>
          <p class="meta">{headlineNote(headlines.note, otherName)}</p>
        </div>
      )}
      {count(actors) > 0 && (
        <div data-testid="framing-actors">
          <h3>{i18n.t('panel.actors')}</h3>
          <RankedList
            list={actors}
            render={(row, i) => (
              <div key={i} class="actor" data-testid="actor-row">
                <div class="actor-name">{row.lexiconId ? lexiconMessage('actor', row.lexiconId) : row.actor} <span class="differs">· {REASONS[row.reason]()}</span></div>
                <div class="sides">
                  <ul aria-label={i18n.t('panel.thisPage')}>{row.page.map((l, j) => <Label key={j} label={l} scrollTo={scrollTo} />)}</ul>
                  <ul aria-label={otherName}>{row.other.map((l, j) => <Label key={j} label={l} />)}</ul>
                </div>
              </div>
            )}
          />
        </div>
      )}
      {count(wordChoice) > 0 && (
        <div data-testid="framing-word-choice">
          <h3>{i18n.t('panel.wordChoice')}</h3>
          <RankedList list={wordChoice} render={(item, i) => <WordChoiceItem key={i} item={item} scrollTo={scrollTo} otherName={otherName} />} />
        </div>
      )}
      {count(scareQuotes) > 0 && (
        <div data-testid="framing-scare-quotes">
          <h3>{i18n.t('panel.scareQuotes')}</h3>
          <RankedList list={scareQuotes} render={(item, i) => <ScareQuoteItem key={i} item={item} scrollTo={scrollTo} otherName={otherName} />} />
        </div>
      )}
      {/* Only the lists that name someone: an empty one would claim "nobody", which the analysis cannot vouch for. */}
      {whoSpeaks.length > 0 && (
        <div data-testid="framing-sources">
          <h3>{i18n.t('panel.whoSpeaks')}</h3>
          <p class="meta">{whoSpeaks.join(' · ')}</p>
        </div>
      )}
      {(omissions.onlyPage.length > 0 || omissions.onlyOther.length > 0) && (
        <details data-testid="framing-omissions">
          <summary>{i18n.t('panel.omissions')}</summary>
          <p class="meta">{i18n.t('panel.omissionsNote')}</p>
          <div class="sides">
            <div><p class="meta">{i18n.t('panel.thisPage')}</p><ul aria-label={i18n.t('panel.thisPage')}>{omissions.onlyPage.length ? omissions.onlyPage.map((item, i) => <li key={i}><button class="evidence inline" onClick={() => scrollTo(item.text)}><Omission item={item} /></button></li>) : <li class="muted">{i18n.t('panel.none')}</li>}</ul></div>
            <div><p class="meta">{otherName}</p><ul aria-label={otherName}>{omissions.onlyOther.length ? omissions.onlyOther.map((item, i) => <li key={i}><Omission item={item} /></li>) : <li class="muted">{i18n.t('panel.none')}</li>}</ul></div>
          </div>
        </details>
      )}
    </div>
  );
}
