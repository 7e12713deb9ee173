import { expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  expectHeading,
  flashText,
  openSession,
  type Session,
  sharedBrowser,
  signIn,
  signOut,
  switchLanguage,
  visit,
} from './support/browser.ts';

const browser = sharedBrowser();

async function htmlLang(session: Session): Promise<string | null> {
  return session.page.locator('html').getAttribute('lang');
}

test('the language switch turns the app English, is remembered, and switches back to Polish', async () => {
  const session = await openSession(browser());
  const { page } = session;
  await signIn(session, 'koordynator.kwilcz@splot.demo');
  await expectHeading(page, 'Pulpit: Kwilcz');
  expect(await htmlLang(session)).toBe('pl');

  try {
    await switchLanguage(session, 'en');
    expect(new URL(page.url()).pathname).toBe('/app/kwilcz');
    expect(await htmlLang(session)).toBe('en');
    await expectHeading(page, 'Dashboard: Kwilcz');
    expect(await page.title()).toBe('Dashboard: Kwilcz – Splot');
    // The switch now offers Polish, named in Polish.
    await page.locator('header').getByRole('button', { name: 'Polski', exact: true }).waitFor();

    // Remembered on the next page.
    await clickAndWaitForUrl(
      session,
      () =>
        page
          .getByRole('navigation', { name: 'Main menu' })
          .getByRole('link', { name: 'Implementation roadmap' })
          .click(),
      '**/app/kwilcz/roadmap',
    );
    expect(await htmlLang(session)).toBe('en');
    await expectHeading(page, 'Implementation roadmap');

    // …and after signing out and in again.
    await signOut(session);
    expect(await htmlLang(session)).toBe('en');
    await expectHeading(page, 'Sign in');
    expect(await flashText(page)).toContain('You have signed out.');
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    expect(await htmlLang(session)).toBe('en');
    await expectHeading(page, 'Dashboard: Kwilcz');
  } finally {
    if ((await htmlLang(session)) === 'en') await switchLanguage(session, 'pl');
  }

  expect(await htmlLang(session)).toBe('pl');
  await expectHeading(page, 'Pulpit: Kwilcz');
  await page.locator('header').getByRole('button', { name: 'English', exact: true }).waitFor();
  await visit(session, '/app/kwilcz/roadmap');
  await expectHeading(page, 'Mapa wdrożenia');
  await session.context.close();
});
