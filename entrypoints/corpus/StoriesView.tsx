/**
 * The corpus grouped by story: each same-event story with its articles, and the articles alone;
 * each story's storyline (the related events in date order) on demand.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { storySize, type StoryGroup } from '../../extension/protocol';
import type { ShownStories } from './use-stories';
import { counted, localDate, localNumber } from '../../extension/ui/format';
import { reasonsText } from '../../extension/ui/reasons';
import { StorylineEvents, useStoryline } from '../../extension/ui/Storyline';

/** A story's storyline: the events the corpus relates to its articles, this story's marked. */
function StoryStoryline({ story, onOpen }: { story: StoryGroup; onOpen: (id: number) => void }) {
  // The listed articles stand for the story (its answer lists no other): each article's event is its whole story.
  const load = useStoryline({ ids: story.ids, expand: true }, story.ids.join(','));
  return (
    <div class="storyline-box" data-testid="story-storyline">
      <h3>{i18n.t('storyline.title')}</h3>
      <p class="meta legend">{i18n.t('storyline.help')}</p>
      <StorylineEvents load={load} onOpen={onOpen} />
    </div>
  );
}

function StorylineToggle({ story, onOpen }: { story: StoryGroup; onOpen: (id: number) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button class="small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="storyline-toggle">
        {open ? i18n.t('storyline.hide') : i18n.t('storyline.show')}
      </button>
      {open && <StoryStoryline story={story} onOpen={onOpen} />}
    </>
  );
}

export function StoriesView({ stories: shown, total, onOpen, onCompare }: {
  stories: ShownStories | null;
  total: number;
  onOpen: (id: number) => void;
  onCompare: (a: number, b: number) => void;
}) {
  if (!shown) return <p class="muted" role="status">{i18n.t('corpus.storiesLoading')}</p>;
  const { stories, grouped, linking, more } = shown;
  return (
    <section aria-label={i18n.t('corpus.viewStories')} data-testid="stories">
      {/* While articles are still being linked, the notice stands for the summary (the stories may grow). */}
      {linking > 0
        ? <p class="muted" role="status" data-testid="stories-linking">{counted('corpus.storiesLinking', linking)}</p>
        : <p class="meta" data-testid="stories-summary">{counted('corpus.storiesSummary', shown.total, localNumber(grouped), localNumber(Math.max(0, total - grouped)))}</p>}
      {stories.length === 0 && linking === 0 && <p class="muted">{i18n.t('corpus.storiesNone')}</p>}
      {stories.map((story) => (
        <article class="story card" key={story.ids.join(',')} data-testid="story">
          <h2>{story.title}</h2>
          <p class="meta">{counted('corpus.storyArticles', storySize(story))}</p>
          {/* A large story lists its best-connected articles only (story-index.ts: `STORY_LISTED`): said, with how many it has. */}
          {story.articles.length < storySize(story) && (
            <p class="meta" data-testid="story-listed">{counted('corpus.storyListed', story.articles.length, localNumber(storySize(story)))}</p>
          )}
          <ol>
            {story.articles.map((a, i) => (
              <li key={a.id} data-testid="story-article" data-id={a.id}>
                <button class="link" onClick={() => onOpen(a.id)}>{a.title ?? i18n.t('corpus.untitled')}</button>
                <span class="meta"> · {[a.site, localDate(a.publishedTime)].filter(Boolean).join(' · ')}</span>
                {a.reasons.length > 0 && <div class="reasons meta" data-testid="story-reasons">{reasonsText(a.reasons)}</div>}
                {i > 0 && (
                  <button class="small" onClick={() => onCompare(story.articles[0]!.id, a.id)} data-testid="story-compare">
                    {i18n.t('corpus.compareWithFirst')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <StorylineToggle story={story} onOpen={onOpen} />
        </article>
      ))}
      {more && <button onClick={more} data-testid="stories-more">{i18n.t('corpus.storiesMore')}</button>}
    </section>
  );
}
