import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Contexts created with `javaScriptEnabled: false` (axe cannot run its timers there). */
const noJsContexts = new WeakSet<BrowserContext>();

export function markJavaScriptDisabled(context: BrowserContext): void {
  noJsContexts.add(context);
}

async function analyze(page: Page) {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
}

/**
 * With JavaScript disabled, axe-core cannot run in the page itself. It then checks the very
 * same HTML (scripts removed, the app's real stylesheet) in a scratch JavaScript-enabled page.
 */
async function analyzeWithoutJavaScript(page: Page) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser for the axe scratch page');
  const scratch = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const copy = await scratch.newPage();
    await copy.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(url);
    return await analyze(copy);
  } finally {
    await scratch.close();
  }
}

/** Runs axe-core (WCAG 2.1 A/AA) on the current page; fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = noJsContexts.has(page.context())
    ? await analyzeWithoutJavaScript(page)
    : await analyze(page);
  if (results.violations.length === 0) return;
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
