import type { Page } from 'playwright-core';
import { screenshot } from '../launcher.js';
import type { AppShell } from './app.js';

/** The window sizes of issue 11's benches, and the station's two languages. */
export const BENCH_SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
export const BENCH_LANGUAGES = ['en', 'zh-CN'] as const;

/** A screen (or the sync panel) to measure, and how a packer gets there. */
export interface MeasuredView {
  name: string;
  open(): Promise<void>;
}

/**
 * Shows every view at every bench size in both languages and returns the problems found, one line
 * each (screenshots go to test-output/e2e/layout-<view>[-tag]-<size>-<language>.png).
 */
export async function measureViews(page: Page, app: AppShell, views: readonly MeasuredView[], ids: readonly string[], tag = ''): Promise<string[]> {
  const found: string[] = [];
  for (const language of BENCH_LANGUAGES) {
    await app.switchLanguage(language);
    for (const size of BENCH_SIZES) {
      await page.setViewportSize(size);
      for (const view of views) {
        await view.open();
        // Fonts and late rows settle before measuring.
        await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
        const problems = await layoutProblems(page, ids);
        const name = `${view.name}${tag ? `-${tag}` : ''}`;
        await screenshot(page, `layout-${name}-${size.width}x${size.height}-${language}`);
        found.push(
          ...problems.map((p) => `${view.name}${tag ? ` (${tag})` : ''} ${size.width}×${size.height} ${language}: ${p.kind} at ${p.where} (${p.detail})`),
        );
      }
    }
  }
  await app.switchLanguage('en');
  return found;
}

/** One thing wrong with a screen's layout, as found in the page. */
export interface LayoutProblem {
  kind: 'overflow' | 'clipped-id' | 'clipped-chip';
  /** A short CSS-ish path to the element, e.g. `main > div.queue-screen > table`. */
  where: string;
  detail: string;
}

/**
 * Looks for what a packer would see as broken at this window size:
 *  - horizontal overflow: the document, or a main region (top bar, nav, main, status bar, the
 *    screen and its sections), wider than its box (scrollWidth > clientWidth);
 *  - clipped ids: an element showing an order id or tracking number that does not fit and does
 *    not wrap (wider than itself, or cut by an ancestor that hides or scrolls its overflow);
 *  - clipped chips: a status chip (packed, label printed, arranged) cut the same way.
 * `ids` are the order ids and tracking numbers that may be on screen.
 */
export function layoutProblems(page: Page, ids: readonly string[]): Promise<LayoutProblem[]> {
  return page.evaluate((ids) => {
    type El = {
      tagName: string;
      className: unknown;
      parentElement: El | null;
      scrollWidth: number;
      clientWidth: number;
      childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      getBoundingClientRect(): { left: number; right: number; width: number };
    };
    const g = globalThis as unknown as {
      document: { documentElement: El; querySelectorAll(s: string): ArrayLike<El> };
      getComputedStyle(el: El): { overflowX: string; display: string; visibility: string };
    };
    const describe = (el: El): string => {
      const parts: string[] = [];
      for (let e: El | null = el; e && parts.length < 4; e = e.parentElement) {
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/)[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${cls}`);
      }
      return parts.join(' > ');
    };
    const problems: { kind: 'overflow' | 'clipped-id' | 'clipped-chip'; where: string; detail: string }[] = [];
    const shown = (el: El) => {
      const style = g.getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
    };

    const doc = g.document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push({ kind: 'overflow', where: 'document', detail: `${doc.scrollWidth} > ${doc.clientWidth}` });
    const regions = g.document.querySelectorAll('.app > *, .nav, main > *, main > * > *, main section, main aside, main form');
    for (const el of Array.from(regions)) {
      if (!shown(el) || el.tagName === 'TBODY' || el.tagName === 'THEAD') continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push({ kind: 'overflow', where: describe(el), detail: `${el.scrollWidth} > ${el.clientWidth}` });
    }

    // What must be read whole: order ids and tracking numbers, and the status chips (packed, label
    // printed, arranged), whose word cut in half says nothing.
    const idPattern = ids.length ? new RegExp(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : null;
    const mustShow: { el: El; kind: 'clipped-id' | 'clipped-chip'; what: string }[] = [];
    for (const el of Array.from(g.document.querySelectorAll('body *'))) {
      if (typeof el.className === 'string' && el.className.split(/\s+/).includes('chip')) {
        mustShow.push({
          el,
          kind: 'clipped-chip',
          what: `chip "${Array.from(el.childNodes)
            .map((n) => n.textContent ?? '')
            .join('')}"`,
        });
        continue;
      }
      if (!idPattern) continue;
      const ownText = Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join('');
      const id = idPattern.exec(ownText)?.[0];
      if (id) mustShow.push({ el, kind: 'clipped-id', what: id });
    }
    for (const { el, kind, what } of mustShow) {
      if (!shown(el)) continue;
      const box = el.getBoundingClientRect();
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        problems.push({ kind, where: describe(el), detail: `${what}: ${el.scrollWidth} > ${el.clientWidth}` });
        continue;
      }
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (g.getComputedStyle(a).overflowX === 'visible') continue;
        const outer = a.getBoundingClientRect();
        if (box.left < outer.left - 1 || box.right > outer.right + 1) {
          problems.push({ kind, where: describe(el), detail: `${what} cut by ${describe(a)}` });
          break;
        }
      }
    }
    return problems;
  }, ids);
}
