import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './axe.ts';
import {
  baseUrl,
  clickAndWaitForUrl,
  expectHeading,
  flashText,
  type Session,
  settled,
  submitForm,
  visit,
} from './browser.ts';

/** Today's calendar date in Warsaw, moved by `days`, as `{ y, m, d }`. */
function warsawDay(days: number): { y: number; m: number; d: number } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** A calendar date `days` from today in Warsaw, typed and shown the Polish way ("5.03.2027"). */
export function warsawDate(days = 0): string {
  const { y, m, d } = warsawDay(days);
  return `${d}.${String(m).padStart(2, '0')}.${y}`;
}

/** The Warsaw month `days` from today as the in-kind ledger writes it ("11.2026"). */
export function warsawMonth(days = 0): string {
  const { y, m } = warsawDay(days);
  return `${String(m).padStart(2, '0')}.${y}`;
}

export function warsawYear(days = 0): number {
  return warsawDay(days).y;
}

/** Submits a form that redirects with a flash message (also back to the same page) and waits for it. */
export async function submitExpectingFlash(
  session: Session,
  click: () => Promise<void>,
  flash: string,
): Promise<void> {
  const post = await submitForm(session, click);
  if (!session.js) expect([302, 303], `POST ${post.url()} redirects`).toContain(post.status());
  await session.page.locator('main .flash', { hasText: flash }).waitFor();
  await settled(session);
  expect(await flashText(session.page)).toBe(flash);
}

/**
 * Submits a form expected to come back with errors (status 4xx), waits for the error summary
 * and returns its text.
 */
export async function submitExpectingErrors(
  session: Session,
  click: () => Promise<void>,
  status = 400,
): Promise<string> {
  const post = await submitForm(session, click);
  if (!session.js) expect(post.status(), `POST ${post.url()} is refused`).toBe(status);
  const summary = session.page.locator('.error-summary');
  await summary.first().waitFor();
  await settled(session);
  return ((await summary.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A link of the main menu: opens the menu's group (a native disclosure) first when the link
 * sits in one, as a person would.
 */
export async function menuLink(page: Page, name: string, menu = 'Menu główne'): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: menu });
  // A link inside a closed <details> is hidden from the accessibility tree: find it with
  // includeHidden, open its group, then return the (now visible) link.
  const anyLink = nav.getByRole('link', { name, exact: true, includeHidden: true });
  await anyLink.first().waitFor({ state: 'attached' });
  const group = nav.locator('details.main-nav__group', {
    has: page.getByRole('link', { name, exact: true, includeHidden: true }),
  });
  if ((await group.count()) > 0 && (await group.first().getAttribute('open')) === null) {
    await group.first().locator('summary').click();
  }
  const link = nav.getByRole('link', { name, exact: true });
  await link.first().waitFor();
  return link.first();
}

/** Opens one of the page's folded forms by its summary and checks the revealed form with axe. */
export async function openPanel(page: Page, summary: string): Promise<Locator> {
  const panel = page.locator('details.panel-details', {
    has: page.locator('summary', { hasText: summary }),
  });
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await page.waitForFunction((text) => {
    return [...document.querySelectorAll('details.panel-details')].some(
      (d) => (d as HTMLDetailsElement).open && d.querySelector('summary')?.textContent?.trim() === text,
    );
  }, summary);
  await expectNoAxeViolations(page);
  return panel;
}

/** Adds an organisation to a locality's directory through the form; returns the entry's path. */
export async function addOrganisation(
  session: Session,
  locality: string,
  name: string,
  kind: string,
  town: string,
): Promise<string> {
  const { page } = session;
  await visit(session, `/app/${locality}/organisations/new`);
  await page.getByLabel('Nazwa', { exact: true }).fill(name);
  await page.getByLabel('Rodzaj', { exact: true }).selectOption({ label: kind });
  await page.getByLabel('Miejscowość', { exact: true }).fill(town);
  await clickAndWaitForUrl(
    session,
    () => page.getByRole('button', { name: 'Dodaj organizację', exact: true }).click(),
    (u) => new RegExp(`^/app/${locality}/organisations/[0-9a-f-]{36}$`).test(u.pathname),
  );
  await expectHeading(page, name);
  expect(await flashText(page)).toBe('Dodano organizację do katalogu.');
  return new URL(page.url()).pathname;
}

/** The "live evidence" line under a roadmap step, as the coordinator reads it. */
export async function roadmapEvidence(session: Session, locality: string, step: string): Promise<string> {
  await visit(session, `/app/${locality}/roadmap`);
  const row = session.page.getByRole('row', { name: new RegExp(step) });
  const evidence = row.locator('.evidence');
  return (await evidence.count()) === 0 ? '' : ((await evidence.textContent()) ?? '').trim();
}

/** Downloads through the page's link; returns the file's name and bytes. */
export async function download(page: Page, link: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: typeof link === 'string' }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** The text of a PDF (all pages, whitespace collapsed). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** POSTs a form as another tab of the same browser would (the session's cookies and CSRF token). */
export async function postAsAnotherTab(session: Session, pathname: string, form: Record<string, string>) {
  const csrf = (await session.context.cookies()).find((c) => c.name === 'splot_csrf')?.value ?? '';
  return session.context.request.post(pathname, {
    form: { _csrf: csrf, ...form },
    headers: { Origin: baseUrl() },
    maxRedirects: 0,
  });
}

type Catalog = Record<string, string>;
const catalogs = new Map<string, Catalog>();

/**
 * A message from the app's own catalogue with simple `{name}` placeholders filled in (no
 * plurals): the tests compare what the page says with what the translators wrote.
 */
export function message(
  lang: 'pl' | 'en',
  key: string,
  values: Record<string, string | number> = {},
): string {
  const ns = key.split('.')[0]!;
  const file = path.resolve('locales', lang, `${ns}.json`);
  let catalog = catalogs.get(file);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
    catalogs.set(file, catalog);
  }
  const text = catalog[key];
  if (text === undefined) throw new Error(`No message ${key} in ${file}`);
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`));
}
