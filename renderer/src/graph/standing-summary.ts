// When the graph view may keep the summary it shows. A scope too large to draw gets a
// summary (a pass over every cell: ~40 ms of the worker's time at 1M cells) and the
// neighbourhood of the selection; when only the selection moves, the summary of the same
// change list and scope still stands and only the neighbourhood is asked again. A summary
// from an earlier change list (its refresh superseded by the move) never stands. Pure, so
// it is tested in Node.

/** The change list (revision) and scope kind a shown summary was computed for. */
export interface SummaryStamp {
  revision: number
  kind: string
}

/** The summary to keep for this refresh, or null to ask for the scope again. */
export function standingSummary<S>(moved: boolean, kind: string, revision: number, stamp: SummaryStamp | null, shown: S | null): S | null {
  if (!moved || kind === 'neighbourhood' || stamp === null) return null
  return stamp.revision === revision && stamp.kind === kind ? shown : null
}
