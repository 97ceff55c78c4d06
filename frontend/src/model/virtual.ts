/** Pure: which rows of a long list to render for a scroll position (virtualised list). */

export interface VisibleRange {
  first: number;
  /** One past the last row to render. */
  last: number;
  padTop: number;
  padBottom: number;
}

/** Rows in view plus `overscan` on each side, with the spacer heights that keep the scrollbar true. */
export const visibleRange = (
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): VisibleRange => {
  if (total <= 0 || rowHeight <= 0) return { first: 0, last: 0, padTop: 0, padBottom: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last, padTop: first * rowHeight, padBottom: (total - last) * rowHeight };
};

/** Whether the rows in view are close enough to the loaded end to fetch the next page. */
export const needsMore = (range: VisibleRange, total: number, hasMore: boolean, threshold = 20): boolean =>
  hasMore && range.last >= total - threshold;

/** Merge rows newest first, each seq once (live rows and pages may overlap). */
export const mergeNewestFirst = <T extends { seq: number }>(a: T[], b: T[]): T[] => {
  const seen = new Set<number>();
  const out: T[] = [];
  for (const e of [...a, ...b]) {
    if (seen.has(e.seq)) continue;
    seen.add(e.seq);
    out.push(e);
  }
  return out.sort((x, y) => y.seq - x.seq);
};
