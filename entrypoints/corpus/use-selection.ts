import { useState } from 'preact/hooks';
import type { CorpusListing } from '../../extension/storage/corpus';

/** The articles ticked in the list (kept across searches, for deleting and exporting). */
export function useSelection(listing: CorpusListing | null) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const shown = listing?.articles ?? [];
  return {
    selected,
    toggle: (id: number) => setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    }),
    /** Ticks the rows shown, or unticks them when all are ticked. */
    toggleShown: () => setSelected((old) => {
      const next = new Set(old);
      const all = shown.every((a) => old.has(a.id));
      for (const a of shown) {
        if (all) next.delete(a.id);
        else next.add(a.id);
      }
      return next;
    }),
    /** Every article the search finds, shown or not. */
    selectMatching: () => setSelected(new Set(listing?.ids ?? [])),
    clear: () => setSelected(new Set()),
  };
}
