/**
 * Step `comments`: the reader-comment thread and its furniture.
 *
 * 1. A comments heading ("Commentaires (4)", "12 comments", "Kommentare") placed after most of
 *    the body opens the thread: it and every line after it go (comment texts, author names,
 *    timestamps, "load more"). Comments sit at the end of news pages; requiring half of the
 *    prose before the heading keeps a "Comments (4)" link near the top from eating the body.
 * 2. Comment-policy disclaimers ("the opinions expressed in the comments are those of their
 *    authors") anywhere.
 */
import { COMMENT_POLICY_WORDS, COMMENT_WORDS } from '../lexicon';
import { alternation, isKept, isProse, type PageLines, type Step, type Verdict } from '../lines';

const HEADING = new RegExp(
  `^(?:\\d+\\s+)?(?:${alternation(COMMENT_WORDS)})(?:\\s*\\(?\\s*\\d+\\s*\\)?)?$`,
  'u',
);
// The bare English verb "comment" ("declined to comment") is too common in reporting to count.
const MENTION = new RegExp(
  `(?<![\\p{L}])(?:${alternation(COMMENT_WORDS.filter((w) => w !== 'comment' && w !== 'discussion'))})(?![\\p{L}])`,
  'u',
);
const POLICY = new RegExp(`(?:${alternation(COMMENT_POLICY_WORDS)})`, 'u');
/** Disclaimers are one or two sentences. */
const MAX_POLICY_WORDS = 60;

export const comments: Step = {
  name: 'comments',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    let totalProse = 0;
    for (const line of page.lines) if (isKept(page, line.index) && isProse(line)) totalProse += line.words;
    let proseBefore = 0;
    let open = -1;
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      if (isProse(line)) proseBefore += line.words;
      if (line.words <= 4 && HEADING.test(line.folded) && proseBefore > 0 && proseBefore * 2 >= totalProse) {
        open = line.index;
        break;
      }
    }
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      if (open >= 0 && line.index >= open) {
        out.push({
          index: line.index,
          reason: line.index === open ? 'comments heading' : 'inside the comment thread',
        });
      } else if (line.words <= MAX_POLICY_WORDS && MENTION.test(line.folded) && POLICY.test(line.folded)) {
        out.push({ index: line.index, reason: 'comment-policy disclaimer' });
      }
    }
    return out;
  },
};
