import { describe, expect, test } from 'vitest';
import { openSession, sharedBrowser, signIn, switchLanguage, visit } from './support/browser.ts';
import { submitExpectingErrors, submitExpectingFlash, warsawDate } from './support/journey.ts';

/**
 * Issue 6 (enterprises) as its users meet it: the enterprises list, an enterprise's page, its
 * jobs and members, the locality's jobs and the funders' report pass axe in Polish and English; a
 * member's leaving is refused without its last day, and the job form works without JavaScript: "1,2" FTE is refused with the reason, then "0,5" is saved.
 */
const browser = sharedBrowser();
const W = '/app/wagrowiec';
const TAG = Date.now().toString(36).slice(-5);

describe('enterprises', () => {
  test('pages pass axe in both languages; the job form works without JavaScript', {
    timeout: 90_000,
  }, async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    try {
      await signIn(session, 'koordynator.wagrowiec@splot.demo');
      await visit(session, `${W}/enterprises`);
      const href = await page
        .getByRole('link', { name: 'Spółdzielnia Socjalna „Zielona Pracownia”' })
        .getAttribute('href');
      expect(href).toMatch(/\/enterprises\/[0-9a-f-]{36}$/);
      const pages = [
        `${W}/enterprises`,
        href!,
        `${href}/jobs`,
        `${href}/members`,
        `${W}/jobs`,
        `${W}/jobs/report`,
      ];
      for (const p of pages.slice(1)) await visit(session, p);
      // Each job can be corrected from the list, in a form of its own.
      await visit(session, `${href}/jobs`);
      const edit = await page
        .getByRole('link', { name: /^Popraw\b/ })
        .first()
        .getAttribute('href');
      expect(edit).toMatch(/\/jobs\/[0-9a-f-]{36}\/edit$/);
      await visit(session, edit!);
      expect(await page.locator('main h1').first().textContent()).toContain('Popraw miejsce pracy');
      pages.splice(pages.length - 2, 0, edit!);
      // So can each member's details, from the profile.
      await visit(session, href!);
      const memberEdit = await page
        .getByRole('link', { name: /^Popraw\b/ })
        .first()
        .getAttribute('href');
      expect(memberEdit).toMatch(/\/members\/[0-9a-f-]{36}\/edit$/);
      await visit(session, memberEdit!);
      expect(await page.locator('main h1').first().textContent()).toContain('Popraw dane członka');
      pages.splice(pages.length - 2, 0, memberEdit!);
      await switchLanguage(session, 'en');
      for (const p of pages) await visit(session, p);
      expect(await page.locator('main h1').first().textContent()).toContain('Jobs report for funders');
      await switchLanguage(session, 'pl');

      // A member's leaving without a last day is refused in words; nothing changes.
      await visit(session, `${href}/members`);
      const leave = page.locator('form', { has: page.getByRole('heading', { name: 'Odejście członka' }) });
      await leave.getByLabel('Który członek odchodzi').selectOption({ index: 1 });
      const leaveErrors = await submitExpectingErrors(session, () =>
        leave.getByRole('button', { name: 'Zapisz odejście' }).click(),
      );
      expect(leaveErrors).toContain('Wpisz ostatni dzień członkostwa');

      await visit(session, `${href}/jobs`);
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Dodaj miejsce pracy' }) });
      await form.getByLabel('Stanowisko').fill(`Sprzedawca ${TAG}`);
      await form.getByLabel('Imię i nazwisko').fill(`Ewa Próbna ${TAG}`);
      await form.getByLabel('Rodzaj umowy').selectOption('employment');
      await form.getByLabel('Wymiar czasu pracy (etat)').fill('1,2');
      await form.getByLabel('Początek zatrudnienia').fill(warsawDate(-3));
      await form.getByLabel('Zagrożenie wykluczeniem przy zatrudnieniu').selectOption('none');
      const errors = await submitExpectingErrors(session, () =>
        form.getByRole('button', { name: 'Dodaj miejsce pracy' }).click(),
      );
      expect(errors).toContain('Wymiar etatu musi być większy od 0 i nie większy niż 1');
      const again = page.locator('form', { has: page.getByRole('heading', { name: 'Dodaj miejsce pracy' }) });
      expect(await again.getByLabel('Stanowisko').inputValue()).toBe(`Sprzedawca ${TAG}`);
      await again.getByLabel('Wymiar czasu pracy (etat)').fill('0,5');
      await submitExpectingFlash(
        session,
        () => again.getByRole('button', { name: 'Dodaj miejsce pracy' }).click(),
        'Dodano miejsce pracy.',
      );
      expect(await page.locator('main').textContent()).toContain(`Sprzedawca ${TAG}`);
    } finally {
      await session.context.close();
    }
  });
});
