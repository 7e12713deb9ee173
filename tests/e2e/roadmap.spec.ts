import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  baseUrl,
  clickAndWaitForUrl,
  errorSummaryText,
  expectHeading,
  flashText,
  mainText,
  openSession,
  type Session,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  visit,
} from './support/browser.ts';

const browser = sharedBrowser();

/** The step's status as shown in its summary list ("● zrealizowany" → "zrealizowany"). */
async function stepStatus(page: Page): Promise<string> {
  const badge = page.locator('dl.summary-list .badge');
  await badge.waitFor();
  return ((await badge.textContent()) ?? '').replace(/[○◐●]/g, '').trim();
}

async function historyText(page: Page): Promise<string> {
  return ((await page.locator('aside').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function historyEntries(page: Page): Promise<number> {
  return page.locator('aside ol.history > li').count();
}

async function openStepFromRoadmap(session: Session, stepTitle: string, stepKey: string): Promise<void> {
  await visit(session, '/app/kwilcz/roadmap');
  await expectHeading(session.page, 'Mapa wdrożenia');
  await clickAndWaitForUrl(
    session,
    () => session.page.getByRole('link', { name: stepTitle, exact: true }).click(),
    `**/app/kwilcz/roadmap/${stepKey}`,
  );
  await expectHeading(session.page, stepTitle);
}

describe('coordinator updates the roadmap', () => {
  test('marks "Zgromadzenie partnerów lokalnych" done with evidence; badge and history change', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    await openStepFromRoadmap(session, 'Zgromadzenie partnerów lokalnych', 'local_partners');
    expect(await stepStatus(page)).toBe('w toku');
    const before = await historyEntries(page);

    const evidence = 'Porozumienie partnerskie podpisane 12 listopada przez 7 partnerów.';
    await page.getByRole('radio', { name: 'zrealizowany' }).check();
    await page.getByLabel('Dowody i notatki').fill(evidence);
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();

    expect(await flashText(page)).toBe('Zapisano zmiany kroku.');
    await page.waitForFunction(() =>
      document.querySelector('dl.summary-list .badge')?.textContent?.includes('zrealizowany'),
    );
    await settled(session);
    expect(await stepStatus(page)).toBe('zrealizowany');
    expect(await mainText(page)).toContain(evidence);
    expect(await historyEntries(page)).toBe(before + 1);
    expect(await historyText(page)).toContain('Stan kroku: w toku → zrealizowany');
    expect(await historyText(page)).toContain('Katarzyna Nowak');

    // Still there after a full reload, and on the roadmap list.
    await visit(session, '/app/kwilcz/roadmap/local_partners');
    expect(await stepStatus(page)).toBe('zrealizowany');
    await visit(session, '/app/kwilcz/roadmap');
    const row = page.getByRole('row', { name: /Zgromadzenie partnerów lokalnych/ });
    expect(await row.textContent()).toContain('zrealizowany');
    await session.context.close();
  });

  test('marking a step done without evidence shows the rule and saves nothing', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    await openStepFromRoadmap(session, 'Pozyskanie bazy dla klubu integracyjnego', 'club_premises');
    expect(await stepStatus(page)).toBe('w toku');
    expect(await page.getByLabel('Dowody i notatki').inputValue()).toBe('');
    const before = await historyEntries(page);

    await page.getByRole('radio', { name: 'zrealizowany' }).check();
    const response = await submitForm(session, () =>
      page.getByRole('button', { name: 'Zapisz zmiany' }).click(),
    );
    expect(response.status()).toBe(422);
    const summary = await errorSummaryText(page);
    expect(summary).toContain('Wystąpił problem');
    expect(summary).toContain(
      'Aby oznaczyć krok jako zrealizowany, opisz dowody lub dodaj łącze do dokumentu',
    );
    expect(await page.title()).toMatch(/^Błąd: /);
    // The field itself says what is wrong, too.
    expect(await page.locator('.field--error').first().textContent()).toContain('opisz dowody');
    await settled(session);

    await visit(session, '/app/kwilcz/roadmap/club_premises');
    expect(await stepStatus(page)).toBe('w toku');
    expect(await historyEntries(page)).toBe(before);
    expect(await page.title()).not.toMatch(/^Błąd/);
    await session.context.close();
  });

  test('without JavaScript the form posts, redirects and shows the flash', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    expect(new URL(page.url()).pathname).toBe('/app/kwilcz');
    await openStepFromRoadmap(session, 'Zatrudnienie animatora', 'animator_employed');
    expect(await stepStatus(page)).toBe('nierozpoczęty');

    await page.getByRole('radio', { name: 'w toku' }).check();
    await page.getByLabel('Dowody i notatki').fill('Ogłoszono nabór na animatora klubu.');
    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL('**/app/kwilcz/roadmap/animator_employed'),
      page.getByRole('button', { name: 'Zapisz zmiany' }).click(),
    ]);
    // A real form post answered with a redirect (post/redirect/get).
    expect(post.url()).toBe(`${baseUrl()}/app/kwilcz/roadmap/animator_employed`);
    expect([302, 303]).toContain(post.status());
    await page.locator('main .flash').waitFor();
    await settled(session);
    expect(await flashText(page)).toBe('Zapisano zmiany kroku.');
    expect(await stepStatus(page)).toBe('w toku');
    expect(await historyText(page)).toContain('Stan kroku: nierozpoczęty → w toku');

    // The flash is shown once.
    await visit(session, '/app/kwilcz/roadmap/animator_employed');
    expect(await page.locator('main .flash').count()).toBe(0);
    await session.context.close();
  });
});

describe('tenant isolation', () => {
  test('a Kwilcz user gets the 404 page for another locality', async () => {
    const session = await openSession(browser());
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    for (const path of ['/app/poznan', '/app/poznan/roadmap', '/app/poznan/roadmap/local_partners']) {
      await visit(session, path, 404);
      await expectHeading(session.page, 'Nie ma takiej strony');
      expect(await mainText(session.page)).toContain('Kod błędu: 404');
      expect(await mainText(session.page)).not.toContain('Poznań');
    }
    await session.context.close();
  });
});

describe('partner representative', () => {
  test('reads the roadmap and a step, has no edit form, and a forged POST gets 403', async () => {
    const session = await openSession(browser());
    const { page, context } = session;
    await signIn(session, 'partner.kwilcz@splot.demo');
    expect(new URL(page.url()).pathname).toBe('/app/kwilcz');
    await openStepFromRoadmap(session, 'Przeszkolenie lokalnych liderów', 'leaders_trained');
    expect(await mainText(page)).toContain(
      'Możesz przeglądać ten krok. Zmieniać go może koordynator lub osoba za niego odpowiedzialna.',
    );
    expect(await page.getByRole('button', { name: 'Zapisz zmiany' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Zmień krok' }).count()).toBe(0);
    const statusBefore = await stepStatus(page);
    const historyBefore = await historyEntries(page);

    const csrf = (await context.cookies()).find((c) => c.name === 'splot_csrf')?.value;
    expect(csrf, 'the splot_csrf cookie').toBeTruthy();
    const forged = await context.request.post('/app/kwilcz/roadmap/leaders_trained', {
      form: {
        _csrf: csrf!,
        version: '1',
        status: 'done',
        responsibleUserId: '',
        dueDate: '',
        doneOn: '',
        evidenceNotes: 'Próba zmiany przez partnera.',
        evidenceLinks: '',
      },
      headers: { Origin: baseUrl() },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Brak dostępu');

    await visit(session, '/app/kwilcz/roadmap/leaders_trained');
    expect(await stepStatus(page)).toBe(statusBefore);
    expect(await historyEntries(page)).toBe(historyBefore);
    expect(await mainText(page)).not.toContain('Próba zmiany przez partnera.');
    await session.context.close();
  });
});
