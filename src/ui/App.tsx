// The page: open a log, follow its parse, and look at it through the chart and the tabs.
// State that should survive a reload or be shared (tab, sorts, filters, clock window, T, the
// ignore list, full paths) lives in the URL hash; the parse itself lives in the worker.

import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { ChartSection } from './components/ChartSection.tsx';
import { DropOverlay } from './components/DropOverlay.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { IgnoreBar } from './components/IgnoreBar.tsx';
import { LinkNotice } from './components/LinkNotice.tsx';
import { Notices } from './components/Notices.tsx';
import { OpenControls } from './components/OpenControls.tsx';
import { ShareButton } from './components/ShareButton.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { Tabs } from './components/Tabs.tsx';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { Welcome } from './components/Welcome.tsx';
import type { DataEpoch } from './data/data-epoch.ts';
import type { ShareSource } from './data/share-link.ts';
import { identify, sameLogs, type LogIdentity } from './data/log-identity.ts';
import { LinkFileMismatch, LinkWantsFile } from './components/LinkFileNotices.tsx';
import { logFileStem } from './format.ts';
import { useBaseline } from './hooks/use-baseline.ts';
import { useRuns } from './hooks/use-runs.ts';
import { RunsChoice } from './components/RunsChoice.tsx';
import type { Subject } from '../shared/names.ts';
import { useLogLoader } from './hooks/use-log-loader.ts';
import { useViewActions } from './hooks/use-view-actions.ts';
import { urlRefusal, useHashState } from './url-state.ts';
import { TAB_TITLES, tabItems } from './views/tab-items.ts';
import { TabContent } from './views/TabContent.tsx';
import { useStagedMount } from './hooks/use-staged-mount.ts';

const EXAMPLE_URL = './example.log';

/** The skip link: to the open view's table (its grid), or the view itself when it has none. */
function skipToTable(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  const panel = document.getElementById('view-panel');
  const grid = panel?.querySelector<HTMLElement>('.grid-scroll');
  (grid ?? panel)?.focus();
}

export function App() {
  const { state: load, open, openUrlAsBlob, refuse, cancel, dismissError } = useLogLoader();
  const baseline = useBaseline();
  const { view, setView, unreadable, dismissUnreadable } = useHashState();
  const actions = useViewActions(setView);
  // Where the open log came from, for the Share link: ?url= at page start, then each open.
  const [shareSource, setShareSource] = useState<ShareSource | null>(() => {
    const url = new URLSearchParams(location.search).get('url');
    return url ? { kind: 'url', url } : null;
  });

  // The file(s) the page's link was made from (its `log=`): asked for until one like them is opened,
  // and the file(s) opened instead, if any.
  const [linkFile, setLinkFile] = useState<{ want: LogIdentity[]; got: LogIdentity[] | null }>(() => ({
    want: view.log,
    got: null,
  }));
  const opened = useRef(0);
  const openFiles = useCallback(
    (files: File[]) => {
      setShareSource({ kind: 'files', names: files.map((f) => f.name) });
      open(
        files.length === 1
          ? { kind: 'file', file: files[0], name: files[0].name }
          : { kind: 'files', files: files.map((f) => ({ file: f, name: f.name })) },
      );
      // Their names, sizes and fingerprints go into the view (and so the link), off the page's thread.
      const gen = ++opened.current;
      void Promise.all(files.map(identify)).then((got) => {
        if (gen !== opened.current) return;
        setView((v) => ({ ...v, log: got }));
        setLinkFile((lf) =>
          lf.want.length === 0 ? lf : sameLogs(lf.want, got) ? { want: [], got: null } : { want: lf.want, got },
        );
      });
    },
    [open, setView],
  );
  // A program's runs, read for their history; the last one opens as the log to look at.
  const { runs, openRuns, cancelRuns } = useRuns();
  const [droppedMany, setDroppedMany] = useState<File[] | null>(null);
  const openRunFiles = useCallback(
    (files: File[]) => {
      setDroppedMany(null);
      openRuns(files, (last) => openFiles([last]));
      actions.setTab('runs');
    },
    [openRuns, openFiles, actions],
  );
  const openRun = useCallback(
    (file: File, subject: Subject) => {
      openFiles([file]);
      actions.openObjects(subject);
    },
    [openFiles, actions],
  );
  const dropFiles = useCallback(
    (files: File[]) => {
      openFiles(files);
      setDroppedMany(files.length > 1 ? files : null);
    },
    [openFiles],
  );

  const openExample = useCallback(() => {
    // Relative, as ?url= allows: the link opens the example of whichever copy of the viewer it points to.
    setShareSource({ kind: 'url', url: EXAMPLE_URL.replace(/^\.\//, '') });
    opened.current++;
    setView((v) => ({ ...v, log: [] }));
    setLinkFile((lf) => ({ ...lf, got: null }));
    openUrlAsBlob(EXAMPLE_URL, 'example.log');
  }, [openUrlAsBlob, setView]);

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

  // A load that failed before reading anything (bad URL) leaves only its error banner and the welcome.
  const nothingRead = load.status === 'failed' && (!load.summary || load.summary.lines === 0);
  const started = (load.status !== 'idle' && !nothingRead) || runs.status !== 'idle';
  // The tab's content one task after the rest (use-staged-mount.ts).
  const stage = useStagedMount(started, 1);
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

  // The "before" run of a comparison drawn on the chart (the Compare tab's checkbox).
  const [beforeOnChart, setBeforeOnChart] = useState(false);
  const beforeShown = beforeOnChart && b.status !== 'idle' && b.summary !== null;
  const chartBefore = useMemo(
    () => (beforeShown ? { dataVersion: b.dataVersion } : null),
    [beforeShown, b.dataVersion],
  );

  return (
    <div className="app">
      {started && (
        <a className="skip-link" href="#view-panel" data-testid="skip-to-table" onClick={skipToTable}>
          Skip to the table
        </a>
      )}
      <header className="topbar">
        <h1>
          RefTrace <span>Viewer</span>
        </h1>
        <OpenControls onFiles={openFiles} onExample={openExample} onRuns={openRunFiles} />
        {load.name && (
          <span className="file-name" title={load.name}>
            {load.name}
          </span>
        )}
        {started && <ShareButton source={shareSource} />}
        <StatusBar state={load} onCancel={cancel} />
      </header>

      {/* The one main landmark: everything below the top bar, so no content is outside a landmark. */}
      <main className="app-main">
        {unreadable && <LinkNotice message={unreadable} onDismiss={dismissUnreadable} />}
        <Notices load={load} onDismissError={dismissError} />
        {droppedMany && (
          <RunsChoice
            count={droppedMany.length}
            onRuns={() => openRunFiles(droppedMany)}
            onDismiss={() => setDroppedMany(null)}
          />
        )}
        <UpdatePrompt />
        {!started && linkFile.want.length > 0 && <LinkWantsFile want={linkFile.want} />}
        {linkFile.got && (
          <LinkFileMismatch
            want={linkFile.want}
            got={linkFile.got}
            onDismiss={() => setLinkFile({ want: [], got: null })}
          />
        )}

        {!started ? (
          <Welcome onExample={openExample} />
        ) : (
          <>
            <ChartSection
              dataVersion={load.dataVersion}
              parsing={parsing}
              clockFirst={s?.clockFirst ?? null}
              clockLast={s?.clockLast ?? null}
              win={view.win}
              onWindowChange={actions.setWindow}
              t={view.t}
              onInstantChange={actions.setInstant}
              ignore={view.ignore}
              hasRss={s?.rssFirst !== null && s?.rssFirst !== undefined}
              before={chartBefore}
            />
            <IgnoreBar ignore={view.ignore} onAdd={actions.addIgnore} onRemove={actions.removeIgnore} />

            <Tabs items={tabItems(s, runs.files.length)} active={view.tab} onSelect={actions.setTab} />
            <div
              id="view-panel"
              role="tabpanel"
              aria-labelledby={`tab-${view.tab}`}
              className="view-panel"
              // The skip link's target when the view has no table.
              tabIndex={-1}
            >
              {stage >= 1 && (
                <ErrorBoundary key={view.tab} what={TAB_TITLES[view.tab]}>
                  <TabContent
                    load={load}
                    baseline={baseline}
                    view={view}
                    setView={setView}
                    actions={actions}
                    epoch={epoch}
                    compareEpoch={compareEpoch}
                    exportName={exportName}
                    runs={{ state: runs, onOpenRun: openRun, onCancel: cancelRuns }}
                    beforeOnChart={{ shown: beforeOnChart, onChange: setBeforeOnChart }}
                  />
                </ErrorBoundary>
              )}
            </div>
          </>
        )}
      </main>

      <DropOverlay onFiles={dropFiles} />
    </div>
  );
}
