import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { getApi } from './data/worker-client.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Start the analysis worker (and its decode workers) once the page is up, so they load and warm up
// while the user picks a file instead of after the drop.
setTimeout(() => getApi(), 0);
