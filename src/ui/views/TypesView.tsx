// The Types tab: the live objects of the top types over clock (ignored types left out), above the
// Types table.
import { lazy, memo, Suspense } from 'react';
import type { IgnoreList, TypeSeries } from '../../engine/types.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { TYPE_COLOURS } from '../display/type-colours.ts';
import type { ClockWindow } from '../url-state.ts';
import { useQuery } from '../hooks/use-query.ts';
import { TableView, type TableViewProps } from './TableView.tsx';

const TypeChart = lazy(() => import('../components/TypeChart.tsx'));

const BUCKETS = 400;
const TOP = 8;

/**
 * Asks for the series once the parse has ended (it replays every event twice in the worker, which
 * a running parse cannot spare), again for a new clock window or file.
 */
const TypeChartPanel = memo(function TypeChartPanel({
  dataVersion,
  parsing,
  win,
  ignore,
}: {
  dataVersion: number;
  parsing: boolean;
  win: ClockWindow | null;
  ignore: IgnoreList;
}) {
  const answer = useQuery(
    'typeSeries',
    parsing ? null : { buckets: BUCKETS, top: TOP, clockMin: win?.min, clockMax: win?.max, ignore },
    dataVersion,
  );
  const series: TypeSeries[] | null = answer.value;
  const error = answer.error;

  let body;
  if (parsing) body = <div className="chart-empty small">Drawn when the file has been read.</div>;
  else if (error) body = <div className="chart-empty small">Could not draw the chart: {error}</div>;
  else if (!series) body = <div className="chart-empty small">…</div>;
  else if (series.length === 0 || series[0].points.length === 0)
    body = <div className="chart-empty small">No live objects{win ? ' in the clock window' : ''} to chart.</div>;
  else
    body = (
      <div className="type-chart-body">
        <ErrorBoundary what="the chart of live objects per type">
          <Suspense fallback={<div className="chart-empty small">Loading the chart…</div>}>
            <TypeChart series={series} />
          </Suspense>
        </ErrorBoundary>
        <ul className="type-legend" aria-label="Types">
          {series.map((s, k) => (
            <li key={k} title={s.type}>
              <span
                className="swatch"
                style={{ background: TYPE_COLOURS[k % TYPE_COLOURS.length] }}
                aria-hidden="true"
              />
              {s.type}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <section className="type-chart" data-testid="type-chart" aria-label="Live objects of the top types over clock">
      <h3>
        Live objects over clock, top {TOP} types{win ? ' (clock window)' : ''}
      </h3>
      {body}
    </section>
  );
});

export const TypesView = memo(function TypesView(
  props: Omit<TableViewProps, 'table' | 'above'> & { parsing: boolean },
) {
  const { parsing, ...rest } = props;
  return (
    <TableView
      {...rest}
      table="types"
      above={
        <TypeChartPanel
          dataVersion={props.dataVersion}
          parsing={parsing}
          win={props.view.win}
          ignore={props.view.ignore}
        />
      }
    />
  );
});
