import { expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  expectHeading,
  mainText,
  openSession,
  type Session,
  sharedBrowser,
  switchLanguage,
  visit,
} from './support/browser.ts';

const browser = sharedBrowser();

async function lang(session: Session): Promise<string | null> {
  return session.page.locator('html').getAttribute('lang');
}

test('public pages are in Polish by default and pass axe', async () => {
  const session = await openSession(browser());
  const { page } = session;

  await visit(session, '/');
  expect(await lang(session)).toBe('pl');
  await expectHeading(page, 'Splot: lokalny system wsparcia ekonomii społecznej');
  expect(await page.title()).toBe('Splot: lokalny system wsparcia ekonomii społecznej – Splot');
  expect(await page.getByRole('link', { name: 'Przejdź do treści' }).getAttribute('href')).toBe('#main');

  await clickAndWaitForUrl(
    session,
    () => page.getByRole('link', { name: 'Zaloguj się do Splotu' }).click(),
    '**/login',
  );
  await expectHeading(page, 'Logowanie');
  await visit(session, '/login');
  await expectHeading(page, 'Logowanie');
  expect(await page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).count()).toBe(1);

  await visit(session, '/accessibility');
  await expectHeading(page, 'Deklaracja dostępności');
  expect(await page.locator('#a11y-status').textContent()).toContain('WCAG 2.1 AA');

  await visit(session, '/privacy');
  await expectHeading(page, 'Ochrona danych osobowych');

  await visit(session, '/password/forgot');
  await expectHeading(page, 'Nie pamiętasz hasła?');

  await visit(session, '/to-nie-istnieje/ani-troche', 404);
  await expectHeading(page, 'Nie ma takiej strony');
  expect(await mainText(page)).toContain('Strona nie istnieje albo nie masz do niej dostępu. Sprawdź adres.');
  expect(await page.title()).toBe('Nie ma takiej strony – Splot');

  // Pages behind a login send an anonymous visitor to the login form, returning afterwards.
  await visit(session, '/app/kwilcz/roadmap');
  const url = new URL(page.url());
  expect(url.pathname).toBe('/login');
  expect(url.searchParams.get('next')).toBe('/app/kwilcz/roadmap');

  await session.context.close();
});

test('an anonymous visitor can read the public pages in English', async () => {
  const session = await openSession(browser());
  const { page } = session;
  await visit(session, '/');
  await switchLanguage(session, 'en');
  await expectHeading(page, 'Splot: a local support system for the social economy');

  await visit(session, '/accessibility');
  expect(await lang(session)).toBe('en');
  await expectHeading(page, 'Accessibility statement');

  await visit(session, '/privacy');
  await expectHeading(page, 'Personal data protection');

  await visit(session, '/nope', 404);
  await expectHeading(page, 'Page not found');
  expect(await lang(session)).toBe('en');
  await session.context.close();
});
