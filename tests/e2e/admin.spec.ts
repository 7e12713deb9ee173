import { expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  DEMO_PASSWORD,
  errorSummaryText,
  expectHeading,
  flashText,
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

test('the platform admin compares localities, adds one, invites a coordinator and deactivates an account', async () => {
  const admin = await openSession(browser());
  const { page } = admin;
  await signIn(admin, 'admin@splot.demo');

  // Overview: the three demo localities side by side.
  expect(new URL(page.url()).pathname).toBe('/admin');
  await expectHeading(page, 'Postęp wdrożenia we wszystkich środowiskach');
  const table = page.locator('table.table--matrix');
  expect(((await table.locator('caption').textContent()) ?? '').trim()).toBe('3 środowiska lokalne');
  const columns = (await table.locator('thead th').allTextContents()).join(' | ');
  for (const name of ['Kwilcz', 'Wągrowiec', 'Poznań']) expect(columns).toContain(name);
  const partnersRow = page.getByRole('row', { name: /Zgromadzenie partnerów lokalnych/ });
  expect(await partnersRow.textContent()).toContain('zrealizowany');

  // Add a locality by finding its gmina in TERYT.
  await visit(admin, '/admin/localities/new');
  await expectHeading(page, 'Dodaj środowisko lokalne');
  await page.getByLabel('Nazwa gminy').fill('Drezdenko');
  await clickAndWaitForUrl(
    admin,
    () => page.getByRole('button', { name: 'Szukaj gminy' }).click(),
    (u) => u.searchParams.get('q') === 'Drezdenko',
  );
  const gmina = page.getByRole('radio', { name: /^Drezdenko — gmina miejsko-wiejska/ });
  await gmina.check();
  await page.getByLabel('Liczba mieszkańców (opcjonalnie)').fill('10 100');
  await clickAndWaitForUrl(
    admin,
    () => page.getByRole('button', { name: 'Dodaj środowisko' }).click(),
    (u) => /^\/app\/drezdenko[\w-]*$/.test(u.pathname),
  );
  const localityPath = new URL(page.url()).pathname;
  await expectHeading(page, 'Pulpit: Drezdenko');
  expect(await flashText(page)).toContain('Dodano środowisko lokalne');
  expect(await mainText(page)).toContain('Zrealizowano 0 z 10 kroków');

  // Invite a coordinator to it.
  const invitee = `nowa.koordynatorka.${Date.now()}@example.org`;
  await visit(admin, '/admin/users/invite');
  await expectHeading(page, 'Zaproś osobę do środowiska');
  await page.getByLabel('Adres e-mail').fill(invitee);
  await page.getByLabel('Rola').selectOption({ label: 'koordynator' });
  // Find the locality by part of its name (a GET search that keeps what was typed).
  await page.getByLabel('Znajdź środowisko po nazwie').fill('drezd');
  await clickAndWaitForUrl(
    admin,
    () => page.getByRole('button', { name: 'Szukaj środowiska' }).click(),
    (u) => u.searchParams.get('q') === 'drezd',
  );
  expect(await page.getByLabel('Adres e-mail').inputValue()).toBe(invitee);
  await page.getByRole('radio', { name: /^Drezdenko/ }).check();
  const mailsBefore = recordedMail().length;
  await clickAndWaitForUrl(
    admin,
    () => page.getByRole('button', { name: 'Wyślij zaproszenie' }).click(),
    '**/admin/users',
  );
  expect(await flashText(page)).toBe(`Wysłano zaproszenie na adres ${invitee}.`);

  const mail = await waitForMail(invitee, { after: mailsBefore });
  expect(mail.subject).toBe('Zaproszenie do Splotu: Drezdenko');
  expect(mail.text).toContain('w roli: koordynator');
  const link = linkFrom(mail, '/invitation/');

  // The invitee opens the link in their own browser, sets name and password.
  const newcomer = await openSession(browser());
  await visit(newcomer, link);
  await expectHeading(newcomer.page, 'Zaproszenie do Splotu');
  const intro = await mainText(newcomer.page);
  expect(intro).toContain('Zaproszono Cię do środowiska lokalnego Drezdenko w roli: koordynator.');
  expect(intro).toContain(invitee);
  await newcomer.page.getByLabel('Imię i nazwisko').fill('Helena Testowa');
  await newcomer.page.getByLabel('Nowe hasło').fill('mocne hasło koordynatorki');
  await newcomer.page.getByLabel('Powtórz hasło').fill('mocne hasło koordynatorki');
  await clickAndWaitForUrl(
    newcomer,
    () => newcomer.page.getByRole('button', { name: 'Załóż konto i przyjmij zaproszenie' }).click(),
    (u) => u.pathname === localityPath,
  );
  await expectHeading(newcomer.page, 'Pulpit: Drezdenko');
  expect(await flashText(newcomer.page)).toBe('Zaproszenie przyjęte. Witamy w Splocie.');
  expect(await newcomer.page.locator('header').textContent()).toContain('Helena Testowa');

  // The admin deactivates the new account.
  await visit(admin, `/admin/users?q=${encodeURIComponent(invitee)}`);
  await expectHeading(page, 'Użytkownicy');
  const row = page.getByRole('row', { name: /Helena Testowa/ });
  expect(await row.textContent()).toContain('aktywne');
  await clickAndWaitForUrl(
    admin,
    () =>
      // Chromium names it "Wyłącz konto : Helena Testowa" (the name is in a visually hidden span).
      row.getByRole('button', { name: /^Wyłącz konto\s*:\s*Helena Testowa$/ }).click(),
    (u) => u.pathname === '/admin/users' && u.search === '',
  );
  expect(await flashText(page)).toBe('Konto zostało wyłączone, a jego sesje zakończone.');
  await visit(admin, `/admin/users?q=${encodeURIComponent(invitee)}`);
  expect(await page.getByRole('row', { name: /Helena Testowa/ }).textContent()).toContain('wyłączone');

  // Their open session has ended…
  await visit(newcomer, localityPath);
  expect(new URL(newcomer.page.url()).pathname).toBe('/login');
  // …and they can no longer sign in.
  await newcomer.page.getByLabel('Adres e-mail').fill(invitee);
  await newcomer.page.getByLabel('Hasło', { exact: true }).fill('mocne hasło koordynatorki');
  const response = await submitForm(newcomer, () =>
    newcomer.page.getByRole('button', { name: 'Zaloguj się', exact: true }).click(),
  );
  expect(response.status()).toBe(401);
  expect(await errorSummaryText(newcomer.page)).toContain('Adres e-mail lub hasło są błędne');
  await settled(newcomer);

  await newcomer.context.close();
  await admin.context.close();
});

test('only the platform admin sees the admin pages', async () => {
  const session = await openSession(browser());
  await signIn(session, 'koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
  await visit(session, '/admin', 403);
  await expectHeading(session.page, 'Brak dostępu');
  await session.context.close();
});
