// Which data a table shows. Its version (a number) bumps while a parse refreshes the data and keeps
// the rows on screen until fresh ones come; its epoch changes when a load starts or ends, and
// then rows of the old epoch are dropped, never shown as the new data.

export interface DataEpoch {
  /** The load the rows come from (0 before any): a new one also starts the table at the top. */
  loadId: number;
  /** Whether that load's parse has ended. */
  final: boolean;
  /** The comparison's other log (its baseline), whose epoch the comparison's rows depend on too. */
  baseline?: DataEpoch;
}

export function sameEpoch(a: DataEpoch, b: DataEpoch): boolean {
  if (a.loadId !== b.loadId || a.final !== b.final) return false;
  if (!a.baseline || !b.baseline) return a.baseline === b.baseline;
  return sameEpoch(a.baseline, b.baseline);
}
