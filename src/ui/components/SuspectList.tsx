// The Summary's lead: the sites (or types) holding objects at the end, each with its verdict and
// why (README, "Leak verdicts"), leaks first, how fast it grows (per second, per phase) and since
// when (a clock, and the program's message then). Each one opens its objects; judged once the file
// has been read.

import { memo, useMemo } from 'react';
import type { GrowthRate } from '../../engine/query/leaks/growth-rates.ts';
import type { IgnoreList, Suspect } from '../../engine/types.ts';
import { siteLabel, type Subject } from '../../shared/names.ts';
import { growthWords } from '../display/growth-words.ts';
import { fmtClock, fmtInt, fmtRate } from '../format.ts';
import { useQuery } from '../hooks/use-query.ts';
import { Sparkline } from './Sparkline.tsx';

const LIMIT = 10;

export interface SuspectListProps {
  by: 'site' | 'type';
  onByChange: (by: 'site' | 'type') => void;
  ignore: IgnoreList;
  fullPath: boolean;
  onFullPathChange: (full: boolean) => void;
  dataVersion: number;
  parsing: boolean;
  /** Opens the suspect's objects (the Live tab, filtered to it) and its detail. */
  onOpen: (subject: Subject) => void;
}

/** A dotted name (`datetime.datetime`) that wraps after its dots, never inside a word. */
function DottedName({ name }: { name: string }) {
  const parts = name.split(/(?<=\.)/);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function subjectOf(s: Suspect): Subject {
  return s.by === 'site'
    ? { kind: 'site', site: { file: s.file, line: s.line, function: s.function } }
    : { kind: 'type', type: s.type };
}

function SuspectRow({
  s,
  rank,
  rate,
  fullPath,
  onOpen,
}: {
  s: Suspect;
  rank: number;
  /** Its growth per second and per phase and its beginning (null until asked). */
  rate: GrowthRate | null;
  fullPath: boolean;
  onOpen: (subject: Subject) => void;
}) {
  const name = s.by === 'site' ? siteLabel(s, fullPath) : s.type;
  const w = rate && growthWords(rate);
  return (
    <tr data-testid="suspect">
      <td className="num">{rank}</td>
      <td className="suspect-name">
        <button
          type="button"
          className="link"
          data-testid="suspect-open"
          title={s.by === 'site' ? `${siteLabel(s, true)}: show its objects` : `${s.type}: show its objects`}
          onClick={() => onOpen(subjectOf(s))}
        >
          {name}
        </button>
        <div className="suspect-reason" data-testid="suspect-reason">
          {s.reason}
        </div>
      </td>
      {s.by === 'site' && (
        <td className="suspect-type">
          <DottedName name={s.type} />
        </td>
      )}
      <td data-testid="suspect-verdict">
        <span className={`verdict verdict-${s.verdict === 'leak' ? 'leak' : 'other'}`}>{s.verdict}</span>
      </td>
      <td className="num" data-testid="suspect-live">
        {fmtInt(s.live)} of {fmtInt(s.new)} ({pct(s.survival)})
      </td>
      <td className="num" data-testid="suspect-rate">
        {s.verdict === 'leak' ? <span className="value-unit">{`+${fmtRate(s.growthPerSecond)}/s`}</span> : '—'}
      </td>
      <td className="num" data-testid="suspect-since">
        since <span className="value-unit">{fmtClock(s.growingSince ?? s.firstClock)} s</span>
      </td>
      <td className="suspect-during" data-testid="suspect-during">
        {w?.during ?? ''}
      </td>
      <td className="num suspect-per-phase" data-testid="suspect-per-phase">
        {w ? (w.perPhaseShort ?? '—') : ''}
      </td>
      <td>
        <Sparkline values={s.sparkline} />
      </td>
    </tr>
  );
}

export const SuspectList = memo(function SuspectList(props: SuspectListProps) {
  const { by, onByChange, ignore, fullPath, dataVersion, parsing, onOpen } = props;
  // Ranking replays every event: asked once the parse has ended, again for new data or another list.
  const answer = useQuery('suspects', parsing ? null : { by, limit: LIMIT, ignore }, dataVersion);
  const suspects = answer.value;
  const ignoring = ignore.types.length + ignore.files.length > 0;
  // Their pace and beginning, in one question for all of them.
  const subjects = useMemo(() => suspects?.map(subjectOf) ?? null, [suspects]);
  const rates = useQuery('growthRates', subjects && !parsing ? { subjects, ignore } : null, dataVersion);
  const rateOf = (i: number) => (rates.fresh ? (rates.value?.[i] ?? null) : null);

  let body;
  if (parsing) body = <p className="muted">The suspects are ranked when the whole file has been read.</p>;
  else if (answer.error) body = <p className="summary-problems">Could not rank the suspects: {answer.error}</p>;
  else if (!suspects) body = <p className="muted">Ranking…</p>;
  else if (suspects.length === 0)
    body = (
      <p data-testid="suspects-empty">
        Nothing holds objects at the end:{' '}
        {by === 'site' ? 'every object made at a site was freed' : 'every object of every type was freed'}
        {ignoring ? ' (apart from what is ignored)' : ''}.
      </p>
    );
  else
    body = (
      <table className="suspect-table" aria-busy={!answer.fresh}>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">{by === 'site' ? 'Allocation site' : 'Type'}</th>
            {by === 'site' && <th scope="col">Makes most</th>}
            <th scope="col" title="leak, or what it is instead (README, Leak verdicts)">
              Verdict
            </th>
            <th scope="col" className="num" title="Objects still alive at the end, of those it made (survival)">
              Live of new
            </th>
            <th
              scope="col"
              className="num"
              title="Objects it keeps per second of clock (CPU time), once past its start-up"
            >
              Grows
            </th>
            <th scope="col" className="num" title="Clock from which it kept growing (a leak), or of its first NEW">
              Since
            </th>
            <th scope="col" title="The program's message then: what it was doing when the growth began">
              During
            </th>
            <th
              scope="col"
              className="num"
              title="Objects it keeps per phase (the spans between the program's messages), since it began growing; in how many of them it grew"
            >
              Per phase
            </th>
            <th scope="col">Live over the run</th>
          </tr>
        </thead>
        <tbody>
          {suspects.map((s, i) => (
            <SuspectRow
              key={`${s.by}-${s.key}`}
              s={s}
              rank={i + 1}
              rate={rateOf(i)}
              fullPath={fullPath}
              onOpen={onOpen}
            />
          ))}
        </tbody>
      </table>
    );

  return (
    <section className="suspects" data-testid="suspects" aria-labelledby="suspects-title">
      <div className="suspects-head">
        <h2 id="suspects-title">{by === 'site' ? 'Sites' : 'Types'} holding objects, leaks first</h2>
        <div className="segmented" role="group" aria-label="Rank by">
          <button
            type="button"
            data-testid="suspects-by-site"
            aria-pressed={by === 'site'}
            onClick={() => onByChange('site')}
          >
            by site
          </button>
          <button
            type="button"
            data-testid="suspects-by-type"
            aria-pressed={by === 'type'}
            onClick={() => onByChange('type')}
          >
            by type
          </button>
        </div>
        <span className="muted">Each with its verdict and why. Open one to see its objects and its phases.</span>
        {by === 'site' && (
          <label className="toggle">
            <input
              type="checkbox"
              data-testid="suspects-full-path"
              checked={fullPath}
              onChange={(e) => props.onFullPathChange(e.target.checked)}
            />
            Full paths
          </label>
        )}
      </div>
      {body}
    </section>
  );
});
