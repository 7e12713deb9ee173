import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Contexts created with `javaScriptEnabled: false` (axe cannot run its timers there). */
const noJsContexts = new WeakSet<BrowserContext>();

export function markJavaScriptDisabled(context: BrowserContext): void {
  noJsContexts.add(context);
}

type Violations = { violations: axe.Result[] };

/**
 * axe-core run in the page itself: injected once per document (through the DevTools protocol,
 * so the page's CSP does not apply), then `axe.run` with the WCAG 2.1 A/AA tags. The
 * @axe-core/playwright builder gives the same results but opens a new page for every analysis
 * to finish it, which made axe about 80% of the browser suite's time (1.3 s against 0.2 s a
 * page, measured).
 */
async function analyze(page: Page): Promise<Violations> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => ({ violations: r.violations })),
    AXE_TAGS,
  );
}

/**
 * With JavaScript disabled, axe-core cannot run in the page itself. It then checks the very
 * same HTML (scripts removed, the app's real stylesheet) in a scratch JavaScript-enabled page.
 */
const scratchPages = new WeakMap<Browser, Promise<Page>>();

/** One scratch page per browser (a new context for every analysis cost a second each). */
function scratchPage(browser: Browser): Promise<Page> {
  let page = scratchPages.get(browser);
  if (!page) {
    page = browser.newContext().then((c) => c.newPage());
    scratchPages.set(browser, page);
  }
  return page;
}

async function analyzeWithoutJavaScript(page: Page) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser for the axe scratch page');
  const copy = await scratchPage(browser);
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  const serve = (u: URL) => u.href === url;
  await copy.route(serve, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  try {
    await copy.goto(url);
    return await analyze(copy);
  } finally {
    await copy.unroute(serve);
  }
}

/**
 * Pages already analysed in this run, by structure: the same page in the same state (same
 * language, width, JavaScript or not, title, and the same elements with the same classes,
 * roles, ARIA states and text present) gives axe the same result, so it is analysed once.
 * Any difference — a row more, an error shown, another language — is analysed again. Spec files
 * run one after another in a shard and share the list through a file in the run's directory.
 */
let analysed: Set<string> | null = null;

function analysedStates(): Set<string> {
  if (!analysed) {
    const file = inject('e2eAxeAnalysed');
    analysed = new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  }
  return analysed;
}

function remember(key: string): void {
  analysedStates().add(key);
  appendFileSync(inject('e2eAxeAnalysed'), `${key}\n`);
}

async function structureOf(page: Page): Promise<string> {
  const signature = await page.evaluate(() => {
    const parts: string[] = [document.documentElement.lang, document.title, String(window.innerWidth)];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const attrs = Array.from(el.attributes)
        .filter(
          (a) =>
            a.name === 'class' ||
            a.name === 'style' ||
            a.name === 'role' ||
            a.name === 'type' ||
            a.name.startsWith('aria-') ||
            a.name === 'hidden' ||
            a.name === 'open',
        )
        .map(
          (a) =>
            `${a.name}=${a.name.startsWith('aria-') && a.name !== 'aria-invalid' && a.name !== 'aria-expanded' && a.name !== 'aria-current' ? (a.value.trim() ? '*' : '-') : a.value}`,
        )
        .join(',');
      const text = Array.from(el.childNodes).some(
        (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
      );
      parts.push(`${el.tagName}[${attrs}]${text ? 't' : ''}`);
    }
    return parts.join('|');
  });
  return createHash('sha256')
    .update(
      `${noJsContexts.has(page.context()) ? 'nojs' : 'js'}|${new URL(page.url()).pathname}|${signature}`,
    )
    .digest('base64url');
}

/** Runs axe-core (WCAG 2.1 A/AA) on the current page; fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const key = await structureOf(page);
  if (analysedStates().has(key)) return;
  const results = noJsContexts.has(page.context())
    ? await analyzeWithoutJavaScript(page)
    : await analyze(page);
  if (results.violations.length === 0) {
    remember(key);
    return;
  }
  const lines = results.violations.map((v) => {
    const targets = v.nodes
      .map((n) => {
        const summary = n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : '';
        return `      - ${n.target.map(String).join(' ')}${summary}`;
      })
      .join('\n');
    return `  • ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${targets}`;
  });
  throw new Error(
    `${results.violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`,
  );
}
