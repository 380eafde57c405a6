// axe-core (Deque's accessibility engine) run in the page under test. Its source goes in through the
// driver's evaluate, as the body of a function: the page's Content-Security-Policy allows no other
// script, and a function the driver evaluates runs in both browsers. Findings come back as one
// readable line each: the view, the rule, its impact, the element's selector and its HTML.
import axe from 'axe-core';
import type { AppPage } from './driver.ts';

/** A rule that is wrong for one custom widget: the rule is skipped for elements matching `selector` only. */
export interface AxeAllowance {
  rule: string;
  selector: string;
  /** Why the rule does not fit there (kept beside the entry, for the reader). */
  why: string;
}

/** axe.source as a function the driver can evaluate: it defines window.axe and says whether it did. */
const loadAxe = new Function(`${axe.source}\nreturn typeof window.axe === 'object';`) as () => boolean;

/** Puts axe in the page unless it is there already (a reload or a navigation drops it). */
export async function injectAxe(page: AppPage): Promise<void> {
  if (await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')) return;
  if (!(await page.evaluate(loadAxe))) throw new Error('axe-core did not load in the page');
}

/**
 * Runs every axe rule on the whole document and returns one line per element that violates one,
 * less the allowances. Every rule runs, best-practice and experimental ones included, except those
 * tagged wcag2aaa (this project's goal is WCAG AA, and its palette is chosen for AA, not AAA) and
 * deprecated (rules axe keeps only for old configurations, replaced by the ones that run).
 */
export async function axeViolations(
  page: AppPage,
  view: string,
  allow: readonly AxeAllowance[] = [],
): Promise<string[]> {
  await injectAxe(page);
  const found = await page.evaluate(
    async (allowed) => {
      const a = (window as unknown as { axe: typeof axe }).axe;
      const skip = new Set(['wcag2aaa', 'deprecated']);
      const rules = Object.fromEntries(
        a.getRules().map((r) => [r.ruleId, { enabled: !r.tags.some((t) => skip.has(t)) }]),
      );
      const result = await a.run(document, { rules, resultTypes: ['violations'], elementRef: true });
      return result.violations.flatMap((v) =>
        v.nodes
          .filter(
            (n) => !allowed.some((x) => x.rule === v.id && (n.element as Element | undefined)?.matches(x.selector)),
          )
          .map((n) => ({
            rule: v.id,
            impact: v.impact ?? 'unknown',
            help: v.help,
            target: n.target.join(' '),
            html: n.html.replace(/\s+/g, ' ').slice(0, 240),
          })),
      );
    },
    allow.map(({ rule, selector }) => ({ rule, selector })),
  );
  return found.map((f) => `${view}: ${f.rule} (${f.impact}) at ${f.target}: ${f.help} — ${f.html}`);
}
