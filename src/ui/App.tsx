// The page: open a log, follow its parse, and look at it through the chart and the tabs.
// State that should survive a reload or be shared (tab, sorts, filters, clock window, full paths)
// lives in the URL hash; the parse itself lives in the worker.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ClockWindowChip, ClockWindowForm } from './components/ClockWindowChip.tsx';
import { DropOverlay } from './components/DropOverlay.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Notices } from './components/Notices.tsx';
import { OpenControls } from './components/OpenControls.tsx';
import { RssChartPanel } from './components/RssChartPanel.tsx';
import { ShareButton } from './components/ShareButton.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { Tabs, type TabItem } from './components/Tabs.tsx';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { Welcome } from './components/Welcome.tsx';
import type { DataEpoch } from './data/data-epoch.ts';
import type { ShareSource } from './data/share-link.ts';
import { logFileStem } from './format.ts';
import { useBaseline } from './hooks/use-baseline.ts';
import { useLogLoader } from './hooks/use-log-loader.ts';
import { urlRefusal, useHashState, type ClockWindow, type TabId } from './url-state.ts';
import { CompareView } from './views/CompareView.tsx';
import { MessagesView } from './views/MessagesView.tsx';
import { SummaryView } from './views/SummaryView.tsx';
import { TableView } from './views/TableView.tsx';
import { TypesView } from './views/TypesView.tsx';
import type { Summary } from '../engine/types.ts';

const EXAMPLE_URL = './example.log';


function tabItems(s: Summary | null): TabItem[] {
  return [
    { id: 'summary', label: 'Summary' },
    { id: 'live', label: 'Live objects', count: s?.live },
    { id: 'pairs', label: 'NEW/DEL pairs', count: s?.pairs },
    { id: 'types', label: 'Types', count: s?.types },
    // No badge: the summary counts every site, the tab lists the ones that create objects.
    { id: 'sites', label: 'Sites' },
    { id: 'untracked', label: 'Untracked DELs', count: s?.untracked },
    { id: 'duplicates', label: 'Duplicates', count: s?.duplicates, warn: !!s && s.duplicates > 0 },
    {
      id: 'messages',
      label: 'Messages & problems',
      count: s ? s.counts.msg + s.counts.err + s.problems : undefined,
      warn: !!s && (s.problems > 0 || s.counts.err > 0),
    },
    { id: 'compare', label: 'Compare' },
  ];
}

const TAB_TITLES: Record<TabId, string> = {
  summary: 'the Summary',
  live: 'the Live objects table',
  pairs: 'the NEW/DEL pairs table',
  types: 'the Types table',
  sites: 'the Sites table',
  untracked: 'the Untracked DELs table',
  duplicates: 'the Duplicates table',
  messages: 'Messages & problems',
  compare: 'the comparison',
};

export function App() {
  const { state: load, open, openUrlAsBlob, refuse, cancel, dismissError } = useLogLoader();
  const baseline = useBaseline();
  const [view, setView] = useHashState();
  const [chartOpen, setChartOpen] = useState(true);
  // Where the open log came from, for the Share link: ?url= at page start, then each open.
  const [shareSource, setShareSource] = useState<ShareSource | null>(() => {
    const url = new URLSearchParams(location.search).get('url');
    return url ? { kind: 'url', url } : null;
  });

  const openFiles = useCallback(
    (files: File[]) => {
      setShareSource({ kind: 'files', names: files.map((f) => f.name) });
      open(
        files.length === 1
          ? { kind: 'file', file: files[0], name: files[0].name }
          : { kind: 'files', files: files.map((f) => ({ file: f, name: f.name })) },
      );
    },
    [open],
  );
  const openExample = useCallback(() => {
    // Relative, as ?url= allows: the link opens the example of whichever copy of the viewer it points to.
    setShareSource({ kind: 'url', url: EXAMPLE_URL.replace(/^\.\//, '') });
    openUrlAsBlob(EXAMPLE_URL, 'example.log');
  }, [openUrlAsBlob]);

  // ?url=<address> opens a log from a server (through the worker's streaming fetch). Once per page.
  const urlOpened = useRef(false);
  useEffect(() => {
    if (urlOpened.current) return;
    urlOpened.current = true;
    const url = new URLSearchParams(location.search).get('url');
    if (!url) return;
    // Resolved against the page: the worker would resolve a relative address against its own script.
    let u: URL;
    try {
      u = new URL(url, location.href);
    } catch {
      refuse(url, 'This is not a web address.');
      return;
    }
    const refusal = urlRefusal(u);
    if (refusal) refuse(u.href, refusal);
    else open({ kind: 'url', url: u.href });
  }, [open, refuse]);

  useEffect(() => {
    document.title = load.name ? `${load.name.split('/').pop()} · RefTrace Viewer` : 'RefTrace Viewer';
  }, [load.name]);

  const setTab = useCallback((tab: TabId) => setView((s) => ({ ...s, tab })), [setView]);
  const setWindow = useCallback((win: ClockWindow | null) => setView((s) => ({ ...s, win })), [setView]);

  // A load that failed before reading anything (bad URL) leaves only its error banner and the welcome.
  const nothingRead = load.status === 'failed' && (!load.summary || load.summary.lines === 0);
  const started = load.status !== 'idle' && !nothingRead;
  const s = load.summary;
  const parsing = load.status === 'parsing';
  const exportName = logFileStem(load.name);
  const b = baseline.state;
  const baselineParsing = b.status === 'parsing';
  // Memoised: the views are, and a new object with every progress report would re-render them.
  const epoch = useMemo<DataEpoch>(() => ({ loadId: load.loadId, final: !parsing }), [load.loadId, parsing]);
  const compareEpoch = useMemo<DataEpoch>(
    () => ({ ...epoch, baseline: { loadId: b.loadId, final: !baselineParsing } }),
    [epoch, b.loadId, baselineParsing],
  );

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          RefTrace <span>Viewer</span>
        </h1>
        <OpenControls onFiles={openFiles} onExample={openExample} />
        {load.name && (
          <span className="file-name" title={load.name}>
            {load.name}
          </span>
        )}
        {started && <ShareButton source={shareSource} />}
        <StatusBar state={load} onCancel={cancel} />
      </header>

      <Notices load={load} onDismissError={dismissError} />
      <UpdatePrompt />

      {!started ? (
        <Welcome onExample={openExample} />
      ) : (
        <>
          <section className="chart-panel" aria-label="RSS and live objects over clock">
            <div className="chart-head">
              <h2>RSS and live objects over clock</h2>
              {view.win ? (
                <ClockWindowChip win={view.win} onClear={() => setWindow(null)} />
              ) : (
                chartOpen && <span className="muted hint">Drag the handles under the chart, or type a clock window:</span>
              )}
              <ClockWindowForm win={view.win} onChange={setWindow} clockFirst={s?.clockFirst ?? null} clockLast={s?.clockLast ?? null} />
              <span className="spacer" />
              <button type="button" className="link" aria-expanded={chartOpen} onClick={() => setChartOpen((o) => !o)}>
                {chartOpen ? 'Hide chart' : 'Show chart'}
              </button>
            </div>
            {chartOpen && (
              <ErrorBoundary what="the chart">
                <RssChartPanel dataVersion={load.dataVersion} parsing={parsing} win={view.win} onWindowChange={setWindow} />
              </ErrorBoundary>
            )}
          </section>

          <Tabs items={tabItems(s)} active={view.tab} onSelect={setTab} />
          <main id="view-panel" role="tabpanel" aria-labelledby={`tab-${view.tab}`} className="view-panel">
            <ErrorBoundary key={view.tab} what={TAB_TITLES[view.tab]}>
              {view.tab === 'summary' ? (
                <SummaryView load={load} onOpenTab={setTab} />
              ) : view.tab === 'messages' ? (
                <MessagesView
                  view={view}
                  setView={setView}
                  dataVersion={load.dataVersion}
                  dataEpoch={epoch}
                  exportName={exportName}
                  summary={load.dataSummary}
                />
              ) : view.tab === 'types' ? (
                <TypesView view={view} setView={setView} dataVersion={load.dataVersion} dataEpoch={epoch} exportName={exportName} parsing={parsing} />
              ) : view.tab === 'compare' ? (
                <CompareView
                  baseline={b}
                  onOpenBaseline={baseline.open}
                  onCancelBaseline={baseline.cancel}
                  afterName={load.name}
                  afterBusy={parsing || load.status === 'fetching'}
                  view={view}
                  setView={setView}
                  // Either log changing changes the comparison (both counters only grow).
                  dataVersion={load.dataVersion + b.dataVersion}
                  dataEpoch={compareEpoch}
                  exportName={exportName}
                />
              ) : (
                <TableView table={view.tab} view={view} setView={setView} dataVersion={load.dataVersion} dataEpoch={epoch} exportName={exportName} />
              )}
            </ErrorBoundary>
          </main>
        </>
      )}

      <DropOverlay onFiles={openFiles} />
    </div>
  );
}
