import { describe, expect, test } from 'vitest';
import {
  mainText,
  openSession,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  visit,
} from './support/browser.ts';
import { submitExpectingErrors, submitExpectingFlash, warsawDate } from './support/journey.ts';
import { waitForMail } from './support/mail.ts';

/**
 * Issue 6 done as a new user would (the urban gmina, Wągrowiec): the initiative group „Smaki
 * Wągrowca” (idea → business plan → founding in the demo) is refused the move to incubation while
 * its founding checklist is open, then registered as a social cooperative; its status check
 * explains each criterion in words (0 of 3 employees), and after three jobs for people at risk it
 * says 3 of 3 and 100%; the grant's obligation reminder arrives by e-mail; the cost-reduction
 * report shows the volunteers' hours and the municipality's premises.
 */
const browser = sharedBrowser();
const W = '/app/wagrowiec';
const COORDINATOR = 'koordynator.wagrowiec@splot.demo';
const TAG = Date.now().toString(36).slice(-5);
const UUID = '[0-9a-f-]{36}';

describe('an initiative group becomes a social cooperative with jobs', { timeout: 240_000 }, () => {
  test('from the board to a registered cooperative whose status check explains itself', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);

    // The board: the group is in the founding stage.
    await visit(session, `${W}/initiatives`);
    const card = page.getByRole('link', { name: /Smaki Wągrowca/ }).first();
    const initiative = (await card.getAttribute('href')) ?? '';
    expect(initiative).toMatch(new RegExp(`^${W}/initiatives/${UUID}$`));
    await visit(session, initiative);
    expect(await mainText(page)).toContain('Zakładanie');

    const moveButton = () => page.getByRole('button', { name: 'Przenieś do etapu: Inkubacja' });
    const fillRegistration = async () => {
      await page
        .getByLabel('Nazwa podmiotu (jak w KRS)')
        .fill(`Spółdzielnia Socjalna „Smaki Wągrowca ${TAG}”`);
      await page.getByLabel('Numer KRS').fill(`00009${String(Date.now()).slice(-5)}`);
      await page.getByLabel('Data wpisu do KRS').fill(warsawDate(-20));
      await page.getByLabel(/reintegracja społeczna i zawodowa/).check();
    };

    // Refused while the founding checklist is open: the refusal lists what is missing.
    await fillRegistration();
    const refusal = await submitExpectingErrors(session, () => moveButton().click(), 422);
    expect(refusal).toContain('Nie można przejść do etapu „Inkubacja”. Brakuje:');
    expect(refusal).toContain('niezaznaczony punkt listy kontrolnej');

    // The checklist, item by item.
    for (;;) {
      const tick = page.getByRole('button', { name: /^Zaznacz jako zrobione: / }).first();
      if ((await tick.count()) === 0) break;
      await submitExpectingFlash(session, () => tick.click(), 'Punkt listy kontrolnej zaznaczony.');
    }

    // Registered: the organisation, the enterprise profile and its members from the founders.
    await fillRegistration();
    await submitExpectingFlash(
      session,
      () => moveButton().click(),
      'Inicjatywa przeszła do następnego etapu.',
    );
    const text = await mainText(page);
    expect(text).toContain('Inkubacja');
    expect(text).toContain('Zakładanie → Inkubacja');
    const enterprise =
      (await page
        .getByRole('link', { name: new RegExp(`Smaki Wągrowca ${TAG}`) })
        .first()
        .getAttribute('href')) ?? '';
    expect(enterprise).toMatch(new RegExp(`^${W}/enterprises/${UUID}$`));

    // The status check explains each criterion: no employees yet.
    await visit(session, `${enterprise}/status`);
    const before = await mainText(page);
    expect(before).toContain('0 z 3 wymaganych pracowników');
    expect(before).toContain(
      'Forma prawna „spółdzielnia socjalna” może uzyskać status przedsiębiorstwa społecznego.',
    );

    // Three jobs for people at risk (long-term unemployed), half-time and more.
    await visit(session, `${enterprise}/jobs`);
    for (const [i, fte] of ['1', '0,5', '0,75'].entries()) {
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Dodaj miejsce pracy' }) });
      await form.getByLabel('Stanowisko').fill(['Kucharka', 'Pomoc kuchenna', 'Dostawca'][i]!);
      await form.getByLabel('Imię i nazwisko').fill(`Osoba ${i + 1} ${TAG}`);
      await form.getByLabel('Rodzaj umowy').selectOption('cooperative_employment');
      await form.getByLabel('Wymiar czasu pracy (etat)').fill(fte);
      await form.getByLabel('Początek zatrudnienia').fill(warsawDate(-10));
      await form.getByLabel('Zagrożenie wykluczeniem przy zatrudnieniu').selectOption('long_term_unemployed');
      await submitExpectingFlash(
        session,
        () => form.getByRole('button', { name: 'Dodaj miejsce pracy' }).click(),
        'Dodano miejsce pracy.',
      );
    }

    // Checked again: the employment criteria now pass, in words.
    await visit(session, `${enterprise}/status`);
    await submitForm(session, () => page.getByRole('button', { name: 'Sprawdź ponownie' }).click());
    await page.locator('main .flash', { hasText: 'Sprawdzono ponownie' }).waitFor();
    await settled(session);
    const after = await mainText(page);
    expect(after).toContain('3 z 3 wymaganych pracowników');
    expect(after).toMatch(/3 z 3 zatrudnionych \(100%\)/);
    await session.context.close();
  });

  test('the grant obligation reminder arrives and the cost report shows volunteers and premises', async () => {
    // The daily reminders run shortly after the server starts (and every morning at 7).
    const mail = await waitForMail(COORDINATOR, {
      timeoutMs: 60_000,
      match: (m) => m.text.includes('Koniec zobowiązania z dotacji'),
    });
    expect(mail.subject).toMatch(/^Splot: \d+ termin/);
    expect(mail.text).toMatch(/Koniec zobowiązania z dotacji „[^”]+”: \d{1,2}\.\d{2}\.\d{4} \(za \d+ dni\)/);

    const session = await openSession(browser());
    await signIn(session, COORDINATOR);
    await visit(session, `${W}/in-kind/report`);
    const report = await mainText(session.page);
    expect(report).toContain('Kto pokrył pełny koszt pracy');
    expect(report).toMatch(/wolontariusze \(godziny pracy\)\s*[\d\s ]+,\d{2} zł/);
    expect(report).toMatch(/gmina \(użyczone lokale i wkłady urzędu\)\s*[\d\s ]+,\d{2} zł/);
    await session.context.close();
  });
});
