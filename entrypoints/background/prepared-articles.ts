/**
 * The prepared stored articles of comparisons run on the background's own thread (the inline
 * analysis host: Node, tests, benches); the analysis worker keeps its own (extension/analysis).
 * Forgetting here is memory hygiene only: a preparation is used again only for the same version.
 */
import { PreparedArticles } from '../../extension/analysis/prepared-articles';

export const preparedArticles = new PreparedArticles();
