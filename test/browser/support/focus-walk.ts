// Walks a page's Tab order and reads, for each control the keyboard reaches, its focus ring: an
// HTML element's outline (its colour, width, and the background it is drawn on: the parent's when
// it is outside the element, the element's own when inset), or an SVG control's ring, the stroke
// of its first <rect> (SVG content takes no outline in every browser). It also says when a
// scrolling or clipping ancestor cuts the ring off.
import type { AppPage } from './driver.ts';

export interface FocusSample {
  /** tag.class "name" of the focused element, to name a failure. */
  where: string;
  /** The ring's colour ('' when there is none). */
  color: string;
  /** Its width in CSS pixels (0: none). */
  width: number;
  /** Background colours behind the ring, nearest first. */
  layers: string[];
  /** The ancestor that clips part of the ring away, or null. */
  clippedBy: string | null;
}

type Read = FocusSample | 'repeat' | null;

/** The ring of the focused element; 'repeat' for one seen already; null when focus has left the page's controls. */
function readFocused(): Read {
  const w = window as unknown as { focusSeen?: WeakSet<Element> };
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement || el.id === 'focus-walk-end') return null;
  const seen = (w.focusSeen ??= new WeakSet());
  if (seen.has(el)) return 'repeat';
  seen.add(el);
  const name = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.getAttribute('class') ? '.' + e.getAttribute('class')!.trim().split(/\s+/).join('.') : ''}`;
  const layersOf = (from: Element | null) => {
    const layers: string[] = [];
    for (let e = from; e; e = e.parentElement)
      if (!(e instanceof SVGElement)) layers.push(getComputedStyle(e).backgroundColor);
    return layers;
  };
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
  const where = `${name(el)} "${label}"`;
  let color = '';
  let width = 0;
  let layers: string[];
  /** How far the ring reaches outside `drawn`, the element whose box it follows. */
  let out: number;
  let drawn: Element = el;
  const cs = getComputedStyle(el);
  // An element inside an <svg>; the outer <svg> itself is a box like any other, with an outline.
  if (el instanceof SVGElement && el.ownerSVGElement) {
    const ring = el.matches('rect') ? el : el.querySelector('rect');
    const rs = ring ? getComputedStyle(ring) : null;
    if (rs && rs.stroke !== 'none' && !/rgba\(.*, 0\)$/.test(rs.stroke)) {
      color = rs.stroke;
      width = parseFloat(rs.strokeWidth);
    }
    layers = layersOf(el.ownerSVGElement.parentElement);
    out = width / 2;
    if (ring) drawn = ring;
  } else {
    if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) {
      color = cs.outlineColor;
      width = parseFloat(cs.outlineWidth);
    }
    const offset = parseFloat(cs.outlineOffset) || 0;
    layers = offset < 0 ? layersOf(el) : layersOf(el.parentElement);
    out = offset + width;
  }
  // The ring's box, and the first ancestor whose overflow clips part of it.
  const r = drawn.getBoundingClientRect();
  const ring = { left: r.left - out, top: r.top - out, right: r.right + out, bottom: r.bottom + out };
  let clippedBy: string | null = null;
  for (let a = el.parentElement; a && a !== document.body && !clippedBy; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const b = a.getBoundingClientRect();
    const box = {
      left: b.left + a.clientLeft,
      top: b.top + a.clientTop,
      right: b.left + a.clientLeft + a.clientWidth,
      bottom: b.top + a.clientTop + a.clientHeight,
    };
    // An <svg> has no client box: its own rectangle clips.
    if (a instanceof SVGElement) Object.assign(box, { left: b.left, top: b.top, right: b.right, bottom: b.bottom });
    const cut = 0.5;
    const px = (o: typeof box) => [o.left, o.top, o.right, o.bottom].map((v) => v.toFixed(1)).join(' ');
    if (
      ring.left < box.left - cut ||
      ring.top < box.top - cut ||
      ring.right > box.right + cut ||
      ring.bottom > box.bottom + cut
    )
      clippedBy = `${name(a)} (ring ${px(ring)}, box ${px(box)})`;
  }
  return { where, color, width, layers, clippedBy };
}

/**
 * Presses Tab through the page from its start to its end and reads each ring. A focusable marker
 * added after the page's last control ends the walk: past it, focus would go to the browser's own
 * UI, and Firefox then does not give the page focus back (no :focus-visible any more).
 */
export async function walkFocus(page: AppPage, max = 250): Promise<FocusSample[]> {
  // Focus on <body> makes it the starting point: the first Tab goes to the page's first control.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<span id="focus-walk-end" tabindex="0"></span>');
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
    (window as unknown as { focusSeen?: WeakSet<Element> }).focusSeen = new WeakSet();
  });
  const samples: FocusSample[] = [];
  try {
    for (let i = 0; i < max; i++) {
      await page.press('Tab');
      const s = await page.evaluate(readFocused);
      if (s === null || s === 'repeat') return samples;
      samples.push(s);
    }
    throw new Error(`walkFocus: still finding new controls after ${max} Tab presses`);
  } finally {
    await page.evaluate(() => document.getElementById('focus-walk-end')?.remove());
  }
}
