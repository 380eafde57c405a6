// The totals above the heap-at-T and growth tables: objects alive at T, or alive at A and at B and
// those the window added, counted by the worker as the rows of its live table at those moments.

import { memo } from 'react';
import type { IgnoreList, TimeView } from '../../engine/types.ts';
import { fmtClock, fmtInt, fmtSigned } from '../format.ts';
import { useQuery } from '../hooks/use-query.ts';

export const MomentTotals = memo(function MomentTotals({
  moment,
  ignore,
  dataVersion,
}: {
  moment: TimeView;
  ignore: IgnoreList;
  dataVersion: number;
}) {
  // The whole view, whatever it holds: the heap counts what the Heap at T tables count.
  const heap = useQuery('heap', 'at' in moment ? { ...moment, ignore } : null, dataVersion);
  const growth = useQuery('growth', 'at' in moment ? null : { ...moment, ignore }, dataVersion);
  const answer = 'at' in moment ? heap : growth;
  const n = !answer.fresh
    ? null
    : heap.value && 'at' in moment
      ? [heap.value.alive]
      : growth.value && [growth.value.aliveFrom, growth.value.aliveTo, growth.value.createdAndAlive];
  const ignoring = ignore.types.length + ignore.files.length > 0 ? ' (ignored types and files left out)' : '';
  if (answer.error) return <p className="moment-totals summary-problems">Could not count: {answer.error}</p>;
  if ('at' in moment)
    return (
      <p className="moment-totals" data-testid="heap-totals">
        Heap at <strong>T = {fmtClock(moment.at)} s</strong>:{' '}
        <strong data-testid="heap-alive">{n ? fmtInt(n[0]) : '…'}</strong> objects alive
        {ignoring}.
      </p>
    );
  return (
    <p className="moment-totals" data-testid="growth-totals">
      From <strong>A = {fmtClock(moment.from)} s</strong> to <strong>B = {fmtClock(moment.to)} s</strong>: alive{' '}
      <strong data-testid="growth-alive-from">{n ? fmtInt(n[0]) : '…'}</strong> →{' '}
      <strong data-testid="growth-alive-to">{n ? fmtInt(n[1]) : '…'}</strong> (Δ{' '}
      <span data-testid="growth-delta">{n ? fmtSigned(n[1] - n[0]) : '…'}</span>),{' '}
      <strong data-testid="growth-created">{n ? fmtInt(n[2]) : '…'}</strong> created after A and still alive at B
      {ignoring}.
    </p>
  );
});
