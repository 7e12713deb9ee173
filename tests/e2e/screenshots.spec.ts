import { describe, expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  DESKTOP,
  h1,
  openSession,
  PHONE,
  type Session,
  screenshot,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  visit,
} from './support/browser.ts';

/**
 * Screenshots of the main pages at desktop and phone widths into test-results/screenshots/
 * for people to look at (no pixel assertions). Every page is still checked with axe.
 */
const browser = sharedBrowser();

type Shot = { name: string; path: string; status?: number; heading: string | RegExp };

async function shoot(session: Session, prefix: string, shots: Shot[]): Promise<void> {
  for (const shot of shots) {
    await visit(session, shot.path, shot.status ?? 200);
    const text = await h1(session.page);
    if (typeof shot.heading === 'string') expect(text, shot.path).toBe(shot.heading);
    else expect(text, shot.path).toMatch(shot.heading);
    await screenshot(session.page, `${prefix}-${shot.name}`);
  }
}

for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  describe(`${device} (${viewport.width}×${viewport.height})`, () => {
    test('public pages', async () => {
      const session = await openSession(browser(), { viewport });
      await shoot(session, device, [
        { name: '01-home', path: '/', heading: 'Splot: lokalny system wsparcia ekonomii społecznej' },
        { name: '02-login', path: '/login', heading: 'Logowanie' },
        { name: '04-accessibility', path: '/accessibility', heading: 'Deklaracja dostępności' },
        { name: '05-not-found', path: '/nie-ma', status: 404, heading: 'Nie ma takiej strony' },
      ]);
      // The login form with an error.
      await visit(session, '/login');
      await session.page.getByLabel('Adres e-mail').fill('ktos@example.org');
      const response = await submitForm(session, () =>
        session.page.getByRole('button', { name: 'Zaloguj się', exact: true }).click(),
      );
      expect(response.status()).toBe(400);
      await session.page.locator('.error-summary').waitFor();
      await settled(session);
      await screenshot(session.page, `${device}-03-login-error`);
      await session.context.close();
    });

    test('coordinator pages', async () => {
      const session = await openSession(browser(), { viewport });
      await signIn(session, 'koordynator.wagrowiec@splot.demo');
      await shoot(session, device, [
        { name: '10-dashboard', path: '/app/wagrowiec', heading: 'Pulpit: Wągrowiec' },
        { name: '11-roadmap', path: '/app/wagrowiec/roadmap', heading: 'Mapa wdrożenia' },
        {
          name: '12-roadmap-step',
          path: '/app/wagrowiec/roadmap/leaders_trained',
          heading: 'Przeszkolenie lokalnych liderów',
        },
      ]);
      await session.context.close();
    });

    test('directory of organisations', async () => {
      const session = await openSession(browser(), { viewport });
      const { page } = session;
      await signIn(session, 'koordynator.wagrowiec@splot.demo');
      const base = '/app/wagrowiec/organisations';
      await shoot(session, device, [
        { name: '30-organisations', path: base, heading: 'Katalog organizacji' },
      ]);

      // The form with errors: no name, a NIP with a wrong check digit (nothing is saved).
      await visit(session, `${base}/new`);
      await page.getByLabel('NIP', { exact: true }).fill('526-025-02-75');
      const refused = await submitForm(session, () =>
        page.getByRole('button', { name: 'Dodaj organizację', exact: true }).click(),
      );
      expect(refused.status()).toBe(400);
      await page.locator('.error-summary').waitFor();
      await settled(session);
      await screenshot(page, `${device}-31-organisation-new-error`);

      // An entry of the seeded directory, with both folded forms opened.
      await visit(session, `${base}?q=${encodeURIComponent('Stowarzyszenie Na Rzecz')}`);
      const entry = page.locator('main table tbody th a').first();
      const path = (await entry.getAttribute('href')) ?? '';
      await shoot(session, device, [{ name: '32-organisation', path, heading: /Stowarzyszenie Na Rzecz/ }]);
      for (const summary of await page.locator('details.panel-details summary').all()) await summary.click();
      await settled(session);
      await screenshot(page, `${device}-32-organisation-forms`);

      // The import with a file that has problems (nothing is imported).
      await visit(session, `${base}/import`);
      await page.getByLabel('Plik CSV', { exact: true }).setInputFiles({
        name: 'organizacje.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'nazwa;rodzaj;nip\nStowarzyszenie Dobre Sąsiedztwo;stowarzyszenie;5260250275\n;fundacja;\nKlub Szachowy Hetman;klub szachowy;\n',
          'utf8',
        ),
      });
      const rejected = await submitForm(session, () =>
        page.getByRole('button', { name: 'Sprawdź i zaimportuj' }).click(),
      );
      expect(rejected.status()).toBe(422);
      await page.locator('.error-summary').waitFor();
      await settled(session);
      await screenshot(page, `${device}-33-organisations-import-error`);
      await session.context.close();
    });

    test('programme of action, meetings and the integration club (Wągrowiec)', async () => {
      const session = await openSession(browser(), { viewport });
      const { page } = session;
      await signIn(session, 'koordynator.wagrowiec@splot.demo');
      const partnership = '/app/wagrowiec/partnerships';
      await visit(session, partnership);
      const href = await page
        .getByRole('link', { name: 'Wągrowieckie Partnerstwo na rzecz Ekonomii Społecznej', exact: true })
        .getAttribute('href');
      expect(href).toMatch(/^\/app\/wagrowiec\/partnerships\/[0-9a-f-]{36}$/);
      await shoot(session, device, [
        { name: '40-programme', path: `${href}/programme`, heading: 'Program działania' },
        { name: '41-meetings', path: `${href}/meetings?when=past`, heading: 'Spotkania partnerstwa' },
      ]);
      // The most recent meeting that took place, with attendance and decisions.
      const meeting = await page.getByRole('table').getByRole('link').first().getAttribute('href');
      await shoot(session, device, [{ name: '42-meeting', path: meeting!, heading: /.+/ }]);

      // The club: the only one in Wągrowiec, so its list leads straight to it.
      await visit(session, '/app/wagrowiec/club');
      const club = new URL(page.url()).pathname;
      expect(club).toMatch(/^\/app\/wagrowiec\/club\/[0-9a-f-]{36}$/);
      const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(
        new Date(),
      );
      await shoot(session, device, [
        { name: '43-club', path: club, heading: /^Klub Integracji Społecznej/ },
        { name: '44-club-members', path: `${club}/members`, heading: 'Uczestnicy' },
        {
          name: '46-club-report',
          path: `${club}/report?year=${year}`,
          heading: `Sprawozdanie z działalności klubu za rok ${year}`,
        },
      ]);
      // An activity already held, with its attendance (this month's calendar, or last month's).
      await visit(session, `${club}/activities`);
      const held = () => page.locator('main li', { hasText: /obecn/ }).getByRole('link');
      if ((await held().count()) === 0) {
        await clickAndWaitForUrl(
          session,
          () => page.getByRole('link', { name: 'Poprzedni miesiąc' }).click(),
          (u) => u.searchParams.has('at'),
        );
      }
      const activity = await held().last().getAttribute('href');
      await shoot(session, device, [{ name: '45-club-activity', path: activity!, heading: /.+/ }]);
      expect(await page.getByRole('radio', { checked: true }).count()).toBeGreaterThan(0);
      await session.context.close();

      // The public progress page (Wągrowiec publishes it), signed out.
      const resident = await openSession(browser(), { viewport });
      await shoot(resident, device, [
        {
          name: '47-public-progress',
          path: `${href!.replace(/^\/app\//, '/p/')}/progress`,
          heading: 'Postępy: Wągrowieckie Partnerstwo na rzecz Ekonomii Społecznej',
        },
      ]);
      await resident.context.close();
    });

    test('participants (Poznań)', async () => {
      const session = await openSession(browser(), { viewport });
      const { page } = session;
      await signIn(session, 'koordynator.poznan@splot.demo');
      await shoot(session, device, [
        { name: '50-participants', path: '/app/poznan/participants', heading: 'Uczestnicy' },
      ]);
      // A demo participant (the journey in participants.spec.ts shows one with consents filled in).
      const first = page.locator('main table tbody th a').first();
      const path = (await first.getAttribute('href')) ?? '';
      expect(path).toMatch(/^\/app\/poznan\/participants\/[0-9a-f-]{36}$/);
      await shoot(session, device, [{ name: '51-participant', path, heading: /.+/ }]);
      for (const summary of await page.locator('details.panel-details summary').all()) await summary.click();
      await settled(session);
      await screenshot(page, `${device}-51-participant-forms`);
      await session.context.close();
    });

    test('advisor with two localities', async () => {
      const session = await openSession(browser(), { viewport });
      await signIn(session, 'doradca@splot.demo');
      await shoot(session, device, [
        { name: '13-my-localities', path: '/app', heading: 'Moje środowiska lokalne' },
      ]);
      await session.context.close();
    });

    test('platform admin pages', async () => {
      const session = await openSession(browser(), { viewport });
      await signIn(session, 'admin@splot.demo');
      await shoot(session, device, [
        { name: '20-admin-overview', path: '/admin', heading: 'Postęp wdrożenia we wszystkich środowiskach' },
        { name: '21-admin-localities', path: '/admin/localities', heading: 'Środowiska lokalne' },
        {
          name: '22-admin-locality-new',
          path: '/admin/localities/new?q=Kwilcz',
          heading: 'Dodaj środowisko lokalne',
        },
        { name: '23-admin-users', path: '/admin/users', heading: 'Użytkownicy' },
        { name: '24-admin-invite', path: '/admin/users/invite', heading: 'Zaproś osobę do środowiska' },
      ]);
      await session.context.close();
    });
  });
}
