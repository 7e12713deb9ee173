import { describe, expect, test } from 'vitest';
import {
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
