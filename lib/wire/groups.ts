/**
 * Wire groups: the versions of a story that carry the same agency's text, so that five outlets
 * reprinting one AFP dispatch count as one report, not five (Media Cloud's finding that
 * republished wire inflates counts of "diverse" sources).
 *
 * Two versions are in one group when both credit the agency and they share copied text (verbatim
 * or edited passages) — either alone is not enough: AFP files many dispatches a day, and two
 * outlets may copy each other without crediting anyone. Groups are the connected components of
 * that relation (union–find).
 *
 * @module
 */

/** A version of the story: its key (the page's or a stored article's id) and the agencies it credits. */
export interface WireMember<K> {
  key: K;
  agencies: readonly string[];
}

export interface WireGroup<K> {
  agency: string;
  /** The versions carrying the agency's text, in the order given. */
  members: K[];
}

/**
 * The groups of versions carrying one agency's text, each of two versions or more, largest first.
 * `sharesCopy(a, b)` says whether two versions share copied text; it is asked only about two
 * versions crediting a common agency and not already in one group.
 */
export function wireGroups<K>(members: readonly WireMember<K>[], sharesCopy: (a: K, b: K) => boolean): WireGroup<K>[] {
  const groups: WireGroup<K>[] = [];
  const agencies = [...new Set(members.flatMap((m) => m.agencies))];
  for (const agency of agencies) {
    const credited = members.filter((m) => m.agencies.includes(agency));
    const parent = credited.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    for (let i = 0; i < credited.length; i++) {
      for (let j = i + 1; j < credited.length; j++) {
        if (root(i) !== root(j) && sharesCopy(credited[i]!.key, credited[j]!.key)) parent[root(j)] = root(i);
      }
    }
    const byRoot = new Map<number, K[]>();
    credited.forEach((m, i) => byRoot.set(root(i), [...(byRoot.get(root(i)) ?? []), m.key]));
    for (const keys of byRoot.values()) if (keys.length > 1) groups.push({ agency, members: keys });
  }
  return groups.sort((x, y) => y.members.length - x.members.length);
}

export interface ReportCounts {
  /** Texts written apart: each version in no group, and each group once. */
  independent: number;
  /** Per agency, the versions that reprint its text (members of its groups). */
  reprints: { agency: string; count: number }[];
}

/**
 * How many independent reports and reprints a story's versions make. A version crediting two
 * agencies whose texts it carries (an AFP/Reuters merge) is counted once, in its first group.
 */
export function reportCounts<K>(keys: readonly K[], groups: readonly WireGroup<K>[]): ReportCounts {
  const seen = new Set<K>();
  const reprints = new Map<string, number>();
  let groupsCounted = 0;
  for (const g of groups) {
    const fresh = g.members.filter((k) => !seen.has(k));
    if (fresh.length === 0) continue;
    for (const k of fresh) seen.add(k);
    groupsCounted++;
    reprints.set(g.agency, (reprints.get(g.agency) ?? 0) + fresh.length);
  }
  const alone = keys.filter((k) => !seen.has(k)).length;
  return { independent: alone + groupsCounted, reprints: [...reprints].map(([agency, count]) => ({ agency, count })) };
}
