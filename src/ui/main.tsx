import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startWorker } from './data/worker-client.ts';
// In cascade order: where two rules tie, the later file's wins.
import './styles/theme.css';
import './styles/page.css';
import './styles/chart.css';
import './styles/tabs-summary.css';
import './styles/table.css';
import './styles/features.css';
import './styles/share.css';
import './styles/leak.css';
import './styles/focus.css';
import './styles/log-text.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Start the analysis worker (and its decode workers) once the page is up, so they load and warm up
// while the user picks a file instead of after the drop.
setTimeout(startWorker, 0);
