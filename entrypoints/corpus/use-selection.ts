import { useCallback, useRef, useState } from 'preact/hooks';
import type { CorpusListing } from '../../extension/storage/corpus';

/**
 * The articles ticked in the list (kept across searches, for deleting and exporting). The actions
 * are the same functions from render to render: the table's rows are drawn again only when what
 * they show changes (ArticleTable.tsx).
 */
export function useSelection(listing: CorpusListing | null) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // The listing as last rendered, read by the actions when they run.
  const shown = useRef(listing);
  shown.current = listing;
  return {
    selected,
    toggle: useCallback((id: number) => setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    }), []),
    /** Ticks the rows shown, or unticks them when all are ticked. */
    toggleShown: useCallback(() => setSelected((old) => {
      const rows = shown.current?.articles ?? [];
      const next = new Set(old);
      const all = rows.every((a) => old.has(a.id));
      for (const a of rows) {
        if (all) next.delete(a.id);
        else next.add(a.id);
      }
      return next;
    }), []),
    /** Every article the search finds, shown or not. */
    selectMatching: useCallback(() => setSelected(new Set(shown.current?.ids ?? [])), []),
    clear: useCallback(() => setSelected(new Set()), []),
  };
}
