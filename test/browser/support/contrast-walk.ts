// Reads, in the page, what the theme test needs to judge contrast: each visible piece of text with
// its colour, size and the background layers behind it, and each chart line with its stroke.
import type { AppPage } from './driver.ts';

export interface TextSample {
  text: string;
  /** tag.class of the element, to name a failure. */
  where: string;
  color: string;
  fontSize: number;
  fontWeight: number;
  /** Background colours from the element up to <html>, nearest first. */
  layers: string[];
  /** An ancestor is translucent (opacity < 1): only disabled controls are, which WCAG exempts. */
  dimmed: boolean;
}

export interface LineSample {
  chart: string;
  stroke: string;
  layers: string[];
}

/** A button's or field's border and the background around it (its parent's layers). */
export interface ControlSample {
  where: string;
  border: string;
  layers: string[];
}

/** Every visible element with text of its own (or a filled form field), and the charts' lines. */
export function readContrastSamples(
  page: AppPage,
): Promise<{ texts: TextSample[]; lines: LineSample[]; controls: ControlSample[] }> {
  return page.evaluate(() => {
    const layersOf = (el: Element) => {
      const layers: string[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
      return layers;
    };
    const dimmed = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (Number(getComputedStyle(e).opacity) < 1) return true;
      return false;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      // 1 px boxes are the visually hidden text for screen readers.
      return r.width > 1 && r.height > 1 && cs.visibility === 'visible' && cs.display !== 'none';
    };
    const texts = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.matches('script, style, noscript') || el.closest(':disabled')) continue;
      const own = Array.from(el.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? (n.textContent ?? '') : ''))
        .join('')
        .trim();
      const field = el.matches('input:not([type=checkbox]):not([type=file]):not([type=radio]), select')
        ? (el as HTMLInputElement).value
        : '';
      if ((!own && !field) || !shown(el)) continue;
      const cs = getComputedStyle(el);
      texts.push({
        text: (own || field).slice(0, 60),
        where: `${el.tagName.toLowerCase()}${el.getAttribute('class') ? '.' + el.getAttribute('class')!.trim().split(/\s+/).join('.') : ''}`,
        color: el instanceof SVGElement ? cs.fill : cs.color,
        fontSize: parseFloat(cs.fontSize),
        fontWeight: Number(cs.fontWeight) || 400,
        layers: layersOf(el),
        dimmed: dimmed(el),
      });
    }
    const lines = [];
    for (const chart of ['rss-chart', 'type-chart']) {
      for (const path of document.querySelectorAll(`[data-testid="${chart}"] .recharts-line .recharts-curve`)) {
        lines.push({ chart, stroke: path.getAttribute('stroke') ?? '', layers: layersOf(path) });
      }
    }
    const controls = [];
    for (const el of document.querySelectorAll(
      'input:not([type=checkbox]):not([type=file]):not([type=radio]), select, .btn, .segmented',
    )) {
      if (el.matches(':disabled') || !shown(el) || parseFloat(getComputedStyle(el).borderTopWidth) === 0) continue;
      controls.push({
        where: `${el.tagName.toLowerCase()}.${el.className}`,
        border: getComputedStyle(el).borderTopColor,
        layers: layersOf(el.parentElement!),
      });
    }
    return { texts, lines, controls };
  });
}
