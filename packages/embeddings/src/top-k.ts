/**
 * Indices of the `k` highest scores in `scores[start..end)`, best first, skipping `exclude`. Ties go to
 * the lower index (a stable order: numpy's argsort leaves tie order unspecified); NaN ranks last.
 */
export function topK(
  scores: Float64Array,
  k: number,
  start: number,
  end: number,
  exclude: ReadonlySet<number>,
): number[] {
  const best: number[] = [];
  for (let i = start; i < end && k > 0; i++) {
    if (exclude.has(i)) continue;
    if (best.length === k && !ranksAbove(scores, i, best[k - 1])) continue;
    let slot = best.length === k ? k - 1 : best.length;
    while (slot > 0 && ranksAbove(scores, i, best[slot - 1])) {
      best[slot] = best[slot - 1];
      slot--;
    }
    best[slot] = i;
  }
  return best;
}

/** Whether candidate `a` ranks above candidate `b` (`a` comes later in the scan, so ties keep `b`). */
function ranksAbove(scores: Float64Array, a: number, b: number): boolean {
  const sa = scores[a];
  const sb = scores[b];
  if (Number.isNaN(sa)) return false;
  return Number.isNaN(sb) || sa > sb;
}
