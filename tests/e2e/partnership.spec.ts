import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import {
  baseUrl,
  clickAndWaitForUrl,
  errorSummaryText,
  expectHeading,
  flashText,
  mainText,
  openSession,
  type Session,
  screenshot,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  visit,
} from './support/browser.ts';

/**
 * The Kwilcz coordinator builds the local partnership from an empty directory: organisations,
 * partnership, members, the leader's designation, commitments, the in-kind ledger, the
 * agreement and the roadmap's live evidence; then a partner representative looks at it.
 * The e2e suite shares one database: every name here carries this run's tag, and nothing relies
 * on what other spec files create (counts are compared before and after).
 */
const browser = sharedBrowser();
const TAG = Date.now().toString(36).slice(-5);
const PARTNERSHIP_PAGE = /^\/app\/kwilcz\/partnerships\/[0-9a-f-]{36}$/;

/** A calendar date `days` from today in Warsaw, typed and shown the Polish way ("5.03.2027"). */
function warsawDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return `${date.getUTCDate()}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
}

/** Submits a form that redirects with a flash message (also back to the same page) and waits for it. */
async function submitExpectingFlash(session: Session, click: () => Promise<void>, flash: string) {
  const post = await submitForm(session, click);
  if (!session.js) expect([302, 303], `POST ${post.url()} redirects`).toContain(post.status());
  await session.page.locator('main .flash', { hasText: flash }).waitFor();
  await settled(session);
  expect(await flashText(session.page)).toBe(flash);
}

/** Opens one of the page's folded forms by its summary and checks the revealed form with axe. */
async function openPanel(page: Page, summary: string): Promise<Locator> {
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

async function addOrganisation(session: Session, name: string, kind: string): Promise<void> {
  const { page } = session;
  await visit(session, '/app/kwilcz/organisations/new');
  await page.getByLabel('Nazwa', { exact: true }).fill(name);
  await page.getByLabel('Rodzaj', { exact: true }).selectOption({ label: kind });
  await page.getByLabel('Miejscowość', { exact: true }).fill('Kwilcz');
  await clickAndWaitForUrl(
    session,
    () => page.getByRole('button', { name: 'Dodaj organizację', exact: true }).click(),
    (u) => /^\/app\/kwilcz\/organisations\/[0-9a-f-]{36}$/.test(u.pathname),
  );
  await expectHeading(page, name);
  expect(await flashText(page)).toBe('Dodano organizację do katalogu.');
}

/** The "live evidence" line under a roadmap step, as the coordinator reads it. */
async function roadmapEvidence(session: Session, step: string): Promise<string> {
  await visit(session, '/app/kwilcz/roadmap');
  const row = session.page.getByRole('row', { name: new RegExp(step) });
  const evidence = row.locator('.evidence');
  return (await evidence.count()) === 0 ? '' : ((await evidence.textContent()) ?? '').trim();
}

function partnerCount(evidence: string): number {
  const m = /^(\d+) organizac/.exec(evidence);
  return m ? Number(m[1]) : 0;
}

/** Downloads through the page's link; returns the file's name and bytes. */
async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

type Built = {
  url: string;
  name: string;
  leader: string;
  partner: string;
  /** The commitment left promised (the partner representative tries to change it). */
  promisedId: string;
  promisedMemberId: string;
};

/** What the JavaScript journey left behind, for the partner representative's visit. */
let built: Built | null = null;

/**
 * The coordinator's whole flow through the forms. The same steps run with JavaScript and with
 * JavaScript turned off (plain POST and redirect, errors rendered by the server).
 */
async function buildPartnership(session: Session, label: string): Promise<Built> {
  const { page } = session;
  const run = `${TAG}${session.js ? '' : '-nojs'}`;
  const leader = `Gminny Ośrodek Pomocy Społecznej ${run}`;
  const partner = `Parafia pw. św. Wojciecha ${run}`;
  const name = `Partnerstwo Kwileckie ${run}`;
  await signIn(session, 'koordynator.kwilcz@splot.demo');

  const partnersBefore = partnerCount(await roadmapEvidence(session, 'Zgromadzenie partnerów lokalnych'));
  const leaderBefore = await roadmapEvidence(session, 'Wyłonienie organizacji lidera');

  // 1. Two organisations in the directory.
  await addOrganisation(session, leader, 'ośrodek pomocy społecznej (OPS/MOPS)');
  await addOrganisation(session, partner, 'parafia');

  // 2. The partnership: first without a name (the error comes back), then properly.
  await visit(session, '/app/kwilcz/partnerships');
  await expectHeading(page, 'Partnerstwo lokalne');
  let panel = await openPanel(page, 'Załóż partnerstwo');
  await panel.getByLabel('Cel partnerstwa').fill('Praca i wsparcie dla mieszkańców gminy Kwilcz');
  const refused = await submitForm(session, () =>
    panel.getByRole('button', { name: 'Załóż partnerstwo' }).click(),
  );
  if (!session.js) expect(refused.status()).toBe(400);
  expect(await errorSummaryText(page)).toContain('Wpisz nazwę partnerstwa');
  await settled(session);
  panel = await openPanel(page, 'Załóż partnerstwo');
  expect(await panel.getByLabel('Cel partnerstwa').inputValue()).toBe(
    'Praca i wsparcie dla mieszkańców gminy Kwilcz',
  );
  await panel.getByLabel('Nazwa partnerstwa').fill(name);
  await panel.getByLabel('Data zawiązania (opcjonalnie)').fill(warsawDate(-30));
  await clickAndWaitForUrl(
    session,
    () => panel.getByRole('button', { name: 'Załóż partnerstwo' }).click(),
    (u) => PARTNERSHIP_PAGE.test(u.pathname),
  );
  const url = new URL(page.url()).pathname;
  await expectHeading(page, name);
  expect(await flashText(page)).toContain('Partnerstwo zostało założone');

  // 3. Members: found by a search in the directory (GET, 50 at a time), then added.
  for (const org of [leader, partner]) {
    panel = await openPanel(page, 'Dodaj członka');
    await panel.getByLabel('Szukaj w katalogu organizacji').fill(run);
    await clickAndWaitForUrl(
      session,
      () => panel.getByRole('button', { name: 'Szukaj', exact: true }).click(),
      (u) => u.searchParams.get('org') === run,
    );
    panel = await openPanel(page, 'Dodaj członka');
    const choices = (
      await panel.getByLabel('Organizacja', { exact: true }).locator('option').allTextContents()
    )
      .map((s) => s.trim())
      .filter((s) => s !== 'Wybierz organizację');
    expect(choices).toEqual(org === leader ? [leader, partner] : [partner]);
    await panel.getByLabel('Organizacja', { exact: true }).selectOption({ label: org });
    await panel.getByLabel('Rola', { exact: true }).selectOption({ label: 'partner' });
    await panel.getByLabel('Data przystąpienia').fill(warsawDate(-30));
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Dodaj do partnerstwa' }).click(),
      'Dodano członka partnerstwa.',
    );
  }
  const members = page.getByRole('table', { name: 'Członkowie partnerstwa' });
  expect((await members.locator('tbody th').allTextContents()).map((s) => s.trim()).sort()).toEqual(
    [leader, partner].sort(),
  );

  // 4. The leader, designated by the partners' decision.
  const decision = `Uchwała nr 1/${run} Zgromadzenia Partnerów`;
  panel = await openPanel(page, 'Wyznacz organizację lidera');
  await panel.getByLabel('Organizacja', { exact: true }).selectOption({ label: leader });
  await panel.getByLabel('Decyzja').fill(decision);
  await panel.getByLabel('Data decyzji').fill(warsawDate(-7));
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Zapisz decyzję' }).click(),
    'Wyznaczono organizację lidera.',
  );
  const leaderSection = page.locator('section', {
    has: page.getByRole('heading', { name: 'Organizacja lider' }),
  });
  expect(((await leaderSection.locator('p').first().textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
    `${leader} — ${decision}`,
  );
  expect(
    ((await members.getByRole('row', { name: new RegExp(leader) }).textContent()) ?? '').replace(/\s+/g, ' '),
  ).toContain('lider');

  // 5. Commitments: the leader lends premises (a wrong amount first), the parish sends volunteers.
  const premises = `Sala w ośrodku na spotkania klubu ${run}`;
  const volunteers = `Wolontariusze przy paczkach ${run}`;
  panel = await openPanel(page, 'Zapisz zobowiązanie');
  await panel.getByLabel('Organizacja', { exact: true }).selectOption({ label: leader });
  await panel.getByLabel('Rodzaj', { exact: true }).selectOption({ label: 'lokal' });
  await panel.getByLabel('Opis').fill(premises);
  await panel.getByLabel('Ilość (opcjonalnie)').fill('6');
  await panel.getByLabel('Jednostka').selectOption({ label: 'mies.' });
  await panel.getByLabel('Wartość w zł (opcjonalnie)').fill('sześć tysięcy');
  await panel.getByLabel('Od', { exact: true }).fill(warsawDate(-14));
  await panel.getByLabel('Do', { exact: true }).fill(warsawDate(166));
  const wrong = await submitForm(session, () =>
    panel.getByRole('button', { name: 'Zapisz zobowiązanie' }).click(),
  );
  if (!session.js) expect(wrong.status()).toBe(400);
  expect(await errorSummaryText(page)).toContain('Wpisz liczbę, np. 1200 albo 1200,50');
  await settled(session);
  panel = await openPanel(page, 'Zapisz zobowiązanie');
  expect(await panel.getByLabel('Opis').inputValue()).toBe(premises);
  await panel.getByLabel('Wartość w zł (opcjonalnie)').fill('6 000');
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Zapisz zobowiązanie' }).click(),
    'Zapisano zobowiązanie.',
  );
  panel = await openPanel(page, 'Zapisz zobowiązanie');
  // A saved form starts afresh (nothing carried over into the next commitment).
  for (const field of ['Opis', 'Wartość w zł (opcjonalnie)', 'Od']) {
    expect(await panel.getByLabel(field, { exact: true }).inputValue(), field).toBe('');
  }
  await panel.getByLabel('Organizacja', { exact: true }).selectOption({ label: partner });
  await panel.getByLabel('Rodzaj', { exact: true }).selectOption({ label: 'wolontariusze' });
  await panel.getByLabel('Opis').fill(volunteers);
  await panel.getByLabel('Ilość (opcjonalnie)').fill('40');
  await panel.getByLabel('Jednostka').selectOption({ label: 'godz.' });
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Zapisz zobowiązanie' }).click(),
    'Zapisano zobowiązanie.',
  );
  const commitments = page.locator('section', {
    has: page.getByRole('heading', { name: 'Zobowiązania partnerów' }),
  });
  const premisesRow = commitments.getByRole('row', { name: new RegExp(premises) });
  expect((await premisesRow.textContent())?.replace(/\s+/g, ' ')).toMatch(/6\s?000,00\s?zł.*obiecane/);

  // 6. The premises are delivered: the commitment says so, and the in-kind ledger has it.
  panel = await openPanel(page, 'Oznacz zobowiązanie jako zrealizowane');
  const which = panel.getByLabel('Zobowiązanie', { exact: true });
  const promisedId = await which
    .locator('option', { hasText: volunteers })
    .getAttribute('value')
    .then((v) => v ?? '');
  await which.selectOption({ label: `${leader}: ${premises}` });
  await panel.getByLabel('Data realizacji').fill(warsawDate(0));
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Oznacz jako zrealizowane' }).click(),
    'Oznaczono zobowiązanie jako zrealizowane.',
  );
  expect((await premisesRow.textContent())?.replace(/\s+/g, ' ')).toContain(`zrealizowane ${warsawDate(0)}`);
  expect(
    (await commitments.getByRole('row', { name: new RegExp(volunteers) }).textContent()) ?? '',
  ).toContain('obiecane');
  const promisedMemberId = await openPanel(page, 'Zapisz zobowiązanie').then(
    async (p) =>
      (await p
        .getByLabel('Organizacja', { exact: true })
        .locator('option', { hasText: partner })
        .getAttribute('value')) ?? '',
  );
  await screenshot(page, `journey-${label}-partnership`);

  // 7. The agreement, as PDF and DOCX.
  const pdf = await download(page, 'Porozumienie (PDF)');
  expect(pdf.name).toMatch(/^Porozumienie partnerskie.*\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(2_000);
  const docx = await download(page, 'Porozumienie (DOCX)');
  expect(docx.name).toMatch(/\.docx$/);
  expect([...docx.bytes.subarray(0, 4)], 'a zip file').toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect(docx.bytes.includes(Buffer.from('word/document.xml')), 'a Word document inside').toBe(true);

  // 8. The in-kind ledger lists the delivered premises (not the promised volunteers).
  await visit(session, '/app/kwilcz/in-kind');
  await expectHeading(page, 'Wkład niepieniężny');
  const entry = page.getByRole('row', { name: new RegExp(premises) });
  const entryText = ((await entry.textContent()) ?? '').replace(/\s+/g, ' ');
  expect(entryText).toContain('użyczony lokal');
  expect(entryText).toContain(leader);
  expect(entryText).toMatch(/6\s?000,00\s?zł/);
  expect(await mainText(page)).not.toContain(volunteers);
  await screenshot(page, `journey-${label}-in-kind`);

  // 9. The roadmap's live evidence: the leader chosen, two more partner organisations.
  const leaderNow = await roadmapEvidence(session, 'Wyłonienie organizacji lidera');
  if (leaderBefore === '') {
    expect(leaderNow).toBe(`Organizacja lider: ${leader} (${decision}, ${warsawDate(-7)})`);
  } else {
    // Another partnership's earlier designation stays the evidence.
    expect(leaderNow).toMatch(/^Organizacja lider: /);
  }
  const partnersNow = await roadmapEvidence(session, 'Zgromadzenie partnerów lokalnych');
  expect(partnerCount(partnersNow)).toBe(partnersBefore + 2);
  expect(partnersNow).toMatch(/organizacj[aei]+ w partnerstwie$/);
  await screenshot(page, `journey-${label}-roadmap`);

  return { url, name, leader, partner, promisedId, promisedMemberId };
}

describe('the local partnership in Kwilcz', () => {
  test('the coordinator builds it: directory, members, leader, commitments, ledger, agreement, roadmap', async () => {
    const session = await openSession(browser());
    built = await buildPartnership(session, 'js');
    await session.context.close();
  }, 120_000);

  test('the same forms work with JavaScript turned off', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    await buildPartnership(session, 'nojs');
    await session.context.close();
  }, 180_000);

  test('a partner representative sees the partnership but cannot change another organisation’s commitment', async () => {
    expect(built, 'the coordinator’s journey ran first').not.toBeNull();
    const b = built!;
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'partner.kwilcz@splot.demo');

    await visit(session, '/app/kwilcz/partnerships');
    expect(await page.getByRole('button', { name: 'Załóż partnerstwo' }).count()).toBe(0);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: b.name, exact: true }).click(),
      (u) => u.pathname === b.url,
    );
    await expectHeading(page, b.name);
    const text = await mainText(page);
    expect(text).toContain(b.leader);
    expect(text).toContain(b.partner);
    expect(text).toContain('obiecane');
    // None of the coordinator's controls, and nothing to record for an organisation not theirs.
    for (const summary of [
      'Dodaj członka',
      'Wyznacz organizację lidera',
      'Zmień organizację lidera',
      'Zapisz zobowiązanie',
      'Oznacz zobowiązanie jako zrealizowane',
    ]) {
      expect(await page.locator('summary', { hasText: summary }).count(), summary).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Usuń' }).count()).toBe(0);
    await screenshot(page, 'journey-partner-rep-partnership');

    // Sending the forms anyway (as a crafted request would) is refused by the server.
    const csrf = (await session.context.cookies()).find((c) => c.name === 'splot_csrf')?.value ?? '';
    const post = (form: Record<string, string>) =>
      session.context.request.post(b.url, {
        form: { _csrf: csrf, ...form },
        headers: { Origin: baseUrl() },
        maxRedirects: 0,
      });
    const deliver = await post({
      intent: 'deliverCommitment',
      commitmentId: b.promisedId,
      deliveredOn: warsawDate(0),
    });
    expect(deliver.status()).toBe(403);
    expect(await deliver.text()).toContain(
      'Możesz zapisywać i zmieniać tylko zobowiązania swojej organizacji.',
    );
    const add = await post({
      intent: 'addCommitment',
      memberId: b.promisedMemberId,
      kind: 'volunteers',
      description: 'Dopisane przez kogoś innego',
    });
    expect(add.status()).toBe(403);

    await visit(session, b.url);
    const after = await mainText(page);
    expect(after).toContain('obiecane');
    expect(after).not.toContain('Dopisane przez kogoś innego');
    await session.context.close();
  });
});
