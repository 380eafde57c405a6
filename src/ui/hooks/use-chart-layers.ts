// Keeps recharts' z-index layers out of the Tab order. Recharts 3.11 draws each layer as a bare
// <g> that React portals render into; React listens for focus events on every portal container,
// and Chromium makes an SVG element with focus listeners a Tab stop. So in Chromium the keyboard
// stopped on a dozen invisible layers of every chart (Firefox does not). tabindex=-1 takes them
// out of the order, as recharts itself did before 3.11 (recharts#6687, undone by #7805).

import { useEffect, type RefObject } from 'react';

const LAYERS = 'g[class^="recharts-zIndex-layer_"]:not([tabindex])';

/** Watches the chart under `ref` (recharts adds layers after its own renders) and marks each new layer. */
export function useUntabbableChartLayers(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => root.querySelectorAll(LAYERS).forEach((g) => g.setAttribute('tabindex', '-1'));
    mark();
    const watch = new MutationObserver(mark);
    watch.observe(root, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [ref]);
}
