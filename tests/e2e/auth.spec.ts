import { describe, expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  errorSummaryText,
  expectHeading,
  flashText,
  h1,
  mainText,
  openSession,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  visit,
} from './support/browser.ts';
import { linkFrom, recordedMail, waitForMail } from './support/mail.ts';

const browser = sharedBrowser();

describe('signing in', () => {
  test('a coordinator signs in and lands on the Kwilcz dashboard', async () => {
    const session = await openSession(browser());
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    expect(new URL(session.page.url()).pathname).toBe('/app/kwilcz');
    expect(await h1(session.page)).toContain('Kwilcz');
    expect(await session.page.locator('html').getAttribute('lang')).toBe('pl');
    expect(await session.page.locator('header').textContent()).toContain('Katarzyna Nowak');
    await session.context.close();
  });

  test('a wrong password shows the error summary, status 401 and "Błąd:" in the title', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await visit(session, '/login');
    await expectHeading(page, 'Logowanie');
    await page.getByLabel('Adres e-mail').fill('koordynator.kwilcz@splot.demo');
    await page.getByLabel('Hasło', { exact: true }).fill('to-nie-jest-haslo');
    const response = await submitForm(session, () =>
      page.getByRole('button', { name: 'Zaloguj się', exact: true }).click(),
    );
    expect(response.status()).toBe(401);
    const summary = await errorSummaryText(page);
    expect(summary).toContain('Wystąpił problem');
    expect(summary).toContain('Adres e-mail lub hasło są błędne');
    expect(await page.title()).toMatch(/^Błąd: Logowanie/);
    expect(new URL(page.url()).pathname).toBe('/login');
    // The e-mail address stays filled in.
    expect(await page.getByLabel('Adres e-mail').inputValue()).toBe('koordynator.kwilcz@splot.demo');
    await settled(session);
    await session.context.close();
  });

  test('a login form with a forged CSRF token shows the 403 page in Polish', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await visit(session, '/login');
    await page.getByLabel('Adres e-mail').fill('koordynator.kwilcz@splot.demo');
    await page.getByLabel('Hasło', { exact: true }).fill('Splot-demo-2026');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('main form input[name="_csrf"]');
      if (!input) throw new Error('no _csrf field in the login form');
      input.value = `forged-${input.value.slice(7)}`;
    });
    const response = await submitForm(session, () =>
      page.getByRole('button', { name: 'Zaloguj się', exact: true }).click(),
    );
    expect(response.status()).toBe(403);
    await expectHeading(page, 'Brak dostępu');
    expect(await mainText(page)).toContain('Formularz wygasł albo nie pochodzi z tej strony');
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    await settled(session);
    // Not signed in: the dashboard still asks for a login.
    await visit(session, '/app/kwilcz');
    expect(new URL(page.url()).pathname).toBe('/login');
    await session.context.close();
  });
});

describe('password reset', () => {
  test('a user resets a forgotten password through the e-mailed link and signs in with it', async () => {
    const email = 'animator.kwilcz@splot.demo';
    const newPassword = 'nowe hasło animatora 2026';
    const session = await openSession(browser());
    const { page } = session;
    await visit(session, '/login');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click(),
      '**/password/forgot',
    );
    await expectHeading(page, 'Nie pamiętasz hasła?');
    const before = recordedMail().length;
    await page.getByLabel('Adres e-mail').fill(email);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Wyślij łącze' }).click(),
      '**/login',
    );
    expect(await flashText(page)).toContain('wysłaliśmy na niego łącze do zmiany hasła');

    const mail = await waitForMail(email, { after: before });
    expect(mail.subject).toBe('Splot: ustaw nowe hasło');
    const link = linkFrom(mail, '/password/reset/');

    await visit(session, link);
    await expectHeading(page, 'Ustaw nowe hasło');
    await page.getByLabel('Nowe hasło').fill(newPassword);
    await page.getByLabel('Powtórz hasło').fill(newPassword);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zapisz nowe hasło' }).click(),
      '**/login',
    );
    expect(await flashText(page)).toContain('Hasło zostało zmienione');

    await signIn(session, email, newPassword);
    expect(new URL(page.url()).pathname).toBe('/app/kwilcz');
    await expectHeading(page, 'Pulpit: Kwilcz');
    await session.context.close();

    // The link works once.
    const again = await openSession(browser());
    await visit(again, link, 400);
    expect(await mainText(again.page)).toContain('wygasło albo zostało już użyte');
    await again.context.close();
  });

  test('an unknown reset link explains that it expired (400)', async () => {
    const session = await openSession(browser());
    await visit(session, '/password/reset/not-a-token', 400);
    await expectHeading(session.page, 'Nie możemy przyjąć tego zgłoszenia');
    expect(await mainText(session.page)).toContain(
      'To łącze do zmiany hasła wygasło albo zostało już użyte. Poproś o nowe na stronie „Nie pamiętasz hasła?”.',
    );
    await session.context.close();
  });
});
