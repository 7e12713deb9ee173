import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { expectNoAxeViolations, markJavaScriptDisabled } from './axe.ts';

export const DEMO_PASSWORD = 'Splot-demo-2026';
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One Chromium for a spec file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not launched yet');
    return browser;
  };
}

export function baseUrl(): string {
  return inject('e2eBaseUrl');
}

export type Session = { context: BrowserContext; page: Page; js: boolean };

/** A fresh browser context (own cookies) and its page; pages always come from a context (axe needs it). */
export async function openSession(
  browser: Browser,
  opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const js = opts.javaScriptEnabled ?? true;
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: js,
    viewport: opts.viewport ?? DESKTOP,
    // The browser's own locale stays the default (en-US): the app must still start in Polish.
    timezoneId: 'Europe/Warsaw',
  });
  context.setDefaultTimeout(15_000);
  if (!js) markJavaScriptDisabled(context);
  const page = await context.newPage();
  return { context, page, js };
}

/**
 * Waits until React has hydrated the server-rendered page (so forms submit through the router).
 * Informational public pages ship no scripts at all: there is nothing to wait for.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (document.querySelector('script[type="module"]') === null) return true;
    const main = document.getElementById('main');
    return main !== null && Object.keys(main).some((k) => k.startsWith('__reactFiber'));
  });
}

/**
 * Waits until the page on screen is the one for the current URL: the header's language form
 * carries the rendered location, so after a client-side navigation this turns true only
 * once React has rendered the new page.
 */
export async function waitForRender(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const returnTo = document.querySelector<HTMLInputElement>('form.lang-switch input[name="returnTo"]');
    return returnTo !== null && returnTo.value === window.location.pathname + window.location.search;
  });
}

/** After any navigation: wait for the page to settle, then check it with axe. */
export async function settled(session: Session): Promise<void> {
  await session.page.waitForLoadState('load');
  if (session.js) await waitForHydration(session.page);
  await waitForRender(session.page);
  await expectNoAxeViolations(session.page);
}

/** Opens a path, checks the HTTP status and runs axe on the page. */
export async function visit(session: Session, pathname: string, expectedStatus = 200): Promise<Response> {
  const response = await session.page.goto(pathname);
  expect(response, `no response for ${pathname}`).not.toBeNull();
  expect(response!.status(), `HTTP status of GET ${pathname}`).toBe(expectedStatus);
  await settled(session);
  return response!;
}

/** The text of the page's h1, once there is one matching `name`. */
export async function h1(page: Page, name?: string | RegExp): Promise<string> {
  const heading = page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  await heading.first().waitFor();
  return ((await heading.first().textContent()) ?? '').trim();
}

/** Asserts the page's h1, waiting briefly for it (the page may still be rendering). */
export async function expectHeading(page: Page, expected: string): Promise<void> {
  await expect
    .poll(async () => ((await page.locator('h1').first().textContent({ timeout: 1_000 })) ?? '').trim(), {
      message: `h1 on ${page.url()}`,
      timeout: 10_000,
    })
    .toBe(expected);
}

/** Text of the flash message (role=status/alert at the top of main). */
export async function flashText(page: Page): Promise<string> {
  const flash = page.locator('main .flash');
  await flash.waitFor();
  return ((await flash.textContent()) ?? '').trim();
}

/** Text of the form's error summary ("Wystąpił problem" …). */
export async function errorSummaryText(page: Page): Promise<string> {
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  return ((await summary.textContent()) ?? '').trim();
}

export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Clicks something that submits a form or follows a link, waiting for the URL to match `url`. */
export async function clickAndWaitForUrl(
  session: Session,
  click: () => Promise<void>,
  url: string | RegExp | ((u: URL) => boolean),
): Promise<void> {
  await Promise.all([session.page.waitForURL(url), click()]);
  await settled(session);
}

/**
 * Uses the header's language switch (a plain POST form to /lang, so a full page load) and
 * waits for the page to come back in the other language.
 */
export async function switchLanguage(session: Session, to: 'en' | 'pl'): Promise<void> {
  const { page } = session;
  const here = new URL(page.url());
  const button = to === 'en' ? 'English' : 'Polski';
  await Promise.all([
    page.waitForResponse(
      (r) =>
        r.request().isNavigationRequest() &&
        r.request().method() === 'GET' &&
        new URL(r.url()).pathname === here.pathname,
    ),
    page.locator('header').getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
  await settled(session);
  expect(new URL(page.url()).pathname, 'the language switch returns to the same page').toBe(here.pathname);
}

/** Clicks a submit control and returns the response to the form's POST. */
export async function submitForm(session: Session, click: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([
    session.page.waitForResponse((r) => r.request().method() === 'POST'),
    click(),
  ]);
  return response;
}

/** Signs in through the login form; lands on the page the app sends the user to. */
export async function signIn(session: Session, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { page } = session;
  await visit(session, '/login');
  await page.getByLabel('Adres e-mail').or(page.getByLabel('E-mail address')).fill(email);
  await page.getByLabel(/^(Hasło|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Zaloguj się|Sign in)$/ }).click();
  // Whichever comes first: leaving the login page, or the form's error summary.
  const outcome = await Promise.race([
    page
      .waitForURL((u) => u.pathname !== '/login')
      .then(
        () => 'signed-in' as const,
        () => 'timeout' as const,
      ),
    page
      .locator('.error-summary')
      .waitFor()
      .then(
        () => 'refused' as const,
        () => 'timeout' as const,
      ),
  ]);
  if (outcome === 'refused') {
    throw new Error(`Signing in as ${email} failed: ${await errorSummaryText(page)}`);
  }
  if (outcome === 'timeout') throw new Error(`Signing in as ${email}: nothing happened after submitting`);
  await settled(session);
}

export async function signOut(session: Session): Promise<void> {
  await clickAndWaitForUrl(
    session,
    () =>
      session.page
        .locator('header')
        .getByRole('button', { name: /^(Wyloguj się|Sign out)$/ })
        .click(),
    (u) => u.pathname === '/login',
  );
}

/** Full-page screenshot for humans to review (no pixel assertions). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
