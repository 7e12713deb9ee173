import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  expectHeading,
  flashText,
  h1,
  mainText,
  openSession,
  type Session,
  screenshot,
  sharedBrowser,
  signIn,
  switchLanguage,
  visit,
} from './support/browser.ts';
import {
  addOrganisation,
  download,
  message,
  openPanel,
  pdfText,
  postAsAnotherTab,
  roadmapEvidence,
  submitExpectingErrors,
  submitExpectingFlash,
  warsawDate,
  warsawMonth,
  warsawYear,
} from './support/journey.ts';
import { waitForMail } from './support/mail.ts';

/**
 * Issue 3's "done when", tried as a new user would: the Kwilcz coordinator builds the local
 * partnership from nothing (organisations, leader, commitments, the programme of action, a
 * meeting with decisions, the integration club), downloads the agreement and the attendance
 * list and sees the roadmap move; the parish's representative changes only what is the
 * parish's; the public page shows progress without personal data; the core forms work without
 * JavaScript; every new page kind is checked once in English. axe runs on every page.
 *
 * The suite shares one database: every name carries this run's tag, nothing relies on other
 * spec files (numbers on the roadmap are compared before and after).
 */
const browser = sharedBrowser();
const TAG = Date.now().toString(36).slice(-5);
const LOCALITY = '/app/kwilcz';
const COORDINATOR = 'koordynator.kwilcz@splot.demo';
const COORDINATOR_NAME = 'Katarzyna Nowak';
const REP = 'partner.kwilcz@splot.demo';
const REP_NAME = 'Ks. Marek Dąbrowski';

const GOPS = `Gminny Ośrodek Pomocy Społecznej w Kwilczu ${TAG}`;
const PARISH = `Parafia pw. św. Wawrzyńca w Kwilczu ${TAG}`;
const KGW = `Koło Gospodyń Wiejskich w Mościejewie ${TAG}`;
const GOPS_CONTACT = { name: 'Barbara Kowalska', role: 'kierowniczka', email: `gops.${TAG}@example.org` };
const PARISH_CONTACT = {
  name: 'Teresa Malinowska',
  role: 'sekretariat',
  email: `parafia.${TAG}@example.org`,
};
const PARTNERSHIP = `Partnerstwo Gminy Kwilcz od zera ${TAG}`;
const LEADER_DECISION = `Uchwała nr 1/${TAG} Zgromadzenia Partnerów`;

const GOAL = `Więcej mieszkańców gminy w pracy ${TAG}`;
const ACTION = `Klub integracyjny dla mieszkańców ${TAG}`;
const PARISH_TASK = `Zebrać zgłoszenia chętnych w parafii ${TAG}`;
const GOPS_TASK = `Przygotować kontrakty socjalne ${TAG}`;
const DECISION_TASK = `Zorganizować dzień otwarty klubu ${TAG}`;

const CLUB = `Klub Integracji Społecznej „Razem w Kwilczu” ${TAG}`;
const PREMISES = `Salka parafialna, ul. Kościelna 2, 64-420 Kwilcz (${TAG})`;
const MEMBER = { given: 'Helena', family: 'Wiśniewska' };

type Built = {
  partnershipUrl: string;
  parishPath: string;
  programmeUrl: string;
  parishTaskUrl: string;
  gopsTaskUrl: string;
  actionUrl: string;
  gopsCommitmentId: string;
  parishCommitmentId: string;
  meetingUrl: string;
  clubUrl: string;
  activityUrl: string;
  memberUrl: string;
};

/** What the coordinator's journey built, for the partner's, the no-JavaScript and the English visits. */
let built: Built | null = null;

function need(): Built {
  expect(built, 'the coordinator’s journey ran first').not.toBeNull();
  return built!;
}

function count(text: string, re: RegExp): number {
  const m = re.exec(text);
  return m ? Number(m[1]) : 0;
}

type Evidence = { leader: string; partners: string; premises: string; animators: string; programme: string };

async function evidence(session: Session): Promise<Evidence> {
  return {
    leader: await roadmapEvidence(session, 'kwilcz', 'Wyłonienie organizacji lidera'),
    partners: await roadmapEvidence(session, 'kwilcz', 'Zgromadzenie partnerów lokalnych'),
    premises: await roadmapEvidence(session, 'kwilcz', 'Pozyskanie bazy dla klubu integracyjnego'),
    animators: await roadmapEvidence(session, 'kwilcz', 'Zatrudnienie animatora'),
    programme: await roadmapEvidence(session, 'kwilcz', 'Programy przeciwdziałania bezrobociu'),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An accessible name with a visually hidden part ("Dodaj zadanie<span>: Klub…</span>"): the
 * browser may or may not put a space before the hidden text.
 */
function loose(name: string): RegExp {
  return new RegExp(`^${escapeRegExp(name).replace(/:\s*/g, '\\s*:\\s*')}$`);
}

/** The row of a table that names `text` in its header cell. */
function rowOf(page: Page, text: string) {
  return page.getByRole('row', { name: new RegExp(escapeRegExp(text)) });
}

/** A table row's cells, each one's text with whitespace collapsed, joined by single spaces. */
async function rowText(page: Page, text: string): Promise<string> {
  const cells = await rowOf(page, text).first().locator('th, td').allTextContents();
  return cells
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .join(' ')
    .trim();
}

async function addContact(session: Session, contact: { name: string; role: string; email: string }) {
  const panel = await openPanel(session.page, 'Dodaj osobę do kontaktu');
  await panel.getByLabel('Imię i nazwisko').fill(contact.name);
  await panel.getByLabel('Funkcja (opcjonalnie)').fill(contact.role);
  await panel.getByLabel('E-mail', { exact: true }).fill(contact.email);
  await panel.getByLabel('Podstawa przechowywania danych (RODO art. 6)').selectOption({ label: 'zgoda' });
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Dodaj osobę', exact: true }).click(),
    'Dodano osobę do kontaktu.',
  );
}

async function addMember(session: Session, org: string): Promise<void> {
  const { page } = session;
  let panel = await openPanel(page, 'Dodaj członka');
  await panel.getByLabel('Szukaj w katalogu organizacji').fill(TAG);
  await clickAndWaitForUrl(
    session,
    () => panel.getByRole('button', { name: 'Szukaj', exact: true }).click(),
    (u) => u.searchParams.get('org') === TAG,
  );
  panel = await openPanel(page, 'Dodaj członka');
  await panel.getByLabel('Organizacja', { exact: true }).selectOption({ label: org });
  await panel.getByLabel('Rola', { exact: true }).selectOption({ label: 'partner' });
  await panel.getByLabel('Data przystąpienia').fill(warsawDate(-400));
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Dodaj do partnerstwa' }).click(),
    'Dodano członka partnerstwa.',
  );
}

async function addCommitment(
  session: Session,
  c: { org: string; kind: string; description: string; quantity: string; unit: string },
): Promise<void> {
  const panel = await openPanel(session.page, 'Zapisz zobowiązanie');
  const org = panel.getByLabel('Organizacja', { exact: true });
  // A partner representative speaks for one organisation: the field then has no choice to make.
  if ((await org.locator('option').count()) > 1) await org.selectOption({ label: c.org });
  await panel.getByLabel('Rodzaj', { exact: true }).selectOption({ label: c.kind });
  await panel.getByLabel('Opis').fill(c.description);
  await panel.getByLabel('Ilość (opcjonalnie)').fill(c.quantity);
  await panel.getByLabel('Jednostka').selectOption({ label: c.unit });
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Zapisz zobowiązanie' }).click(),
    'Zapisano zobowiązanie.',
  );
}

/** Fills the goal / action / task form (programme/new) and submits it; returns the new item's page. */
async function addProgrammeItem(
  session: Session,
  link: string,
  fields: {
    title: string;
    titleLabel: string;
    organisation?: string;
    startsOn?: string;
    dueOn?: string;
    indicator?: [name: string, unit: string, target: string];
    firstProblem?: boolean;
  },
  created: string,
): Promise<{ url: string; problem: string | null }> {
  const { page } = session;
  await clickAndWaitForUrl(
    session,
    () => page.getByRole('link', { name: loose(link) }).click(),
    (u) => u.pathname.endsWith('/programme/new'),
  );
  // Required fields carry a “*” after the label text.
  await page.getByLabel(new RegExp(`^${fields.titleLabel}\\W*$`)).fill(fields.title);
  if (fields.organisation)
    await page
      .getByLabel('Odpowiedzialna organizacja', { exact: true })
      .selectOption({ label: fields.organisation });
  if (fields.startsOn) await page.getByLabel('Data rozpoczęcia').fill(fields.startsOn);
  if (fields.dueOn) await page.getByLabel('Termin', { exact: true }).fill(fields.dueOn);
  if (fields.indicator) {
    await page.getByLabel('Nazwa wskaźnika').fill(fields.indicator[0]);
    await page.getByLabel('Jednostka').fill(fields.indicator[1]);
    await page.getByLabel('Wartość docelowa').fill(fields.indicator[2]);
  }
  let problem: string | null = null;
  if (fields.firstProblem) {
    // Linked to a local problem when the register has an accepted one (problems.spec.ts may add one).
    const problems = page.getByRole('group', { name: 'Na jakie problemy lokalne odpowiada (opcjonalnie)' });
    const boxes = problems.getByRole('checkbox');
    if ((await boxes.count()) > 0) {
      await boxes.first().check();
      problem = ((await problems.locator('label').first().textContent()) ?? '').trim();
    } else {
      expect(await problems.textContent()).toContain('nie ma jeszcze przyjętych problemów');
    }
  }
  const submit = page.getByRole('button', { name: link.replace(/:.*$/, ''), exact: true });
  await clickAndWaitForUrl(
    session,
    () => submit.click(),
    (u) => u.pathname.endsWith('/programme'),
  );
  expect(await flashText(page)).toBe(created);
  // A goal's page is behind "Szczegóły i postęp: <goal>", the others' behind their titles.
  const href = await page
    .getByRole('link', { name: new RegExp(`(^|: )${escapeRegExp(fields.title)}$`) })
    .first()
    .getAttribute('href');
  expect(href).toMatch(/\/programme\/[0-9a-f-]{36}$/);
  return { url: href!, problem };
}

describe('Kwilcz from nothing: partnership, programme, meetings, club', () => {
  test('the coordinator builds it all and the roadmap moves', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    const before = await evidence(session);

    // 1. The directory: three organisations (one a parish), contacts for two of them.
    await addOrganisation(session, 'kwilcz', GOPS, 'ośrodek pomocy społecznej (OPS/MOPS)', 'Kwilcz');
    await addContact(session, GOPS_CONTACT);
    const parishPath = await addOrganisation(session, 'kwilcz', PARISH, 'parafia', 'Kwilcz');
    await addContact(session, PARISH_CONTACT);
    await addOrganisation(session, 'kwilcz', KGW, 'stowarzyszenie', 'Mościejewo');

    // 2. The parish's representative already has an account: linked on the parish's page.
    await visit(session, parishPath);
    const reps = page.locator('section', {
      has: page.getByRole('heading', { name: 'Przedstawiciele z kontem w Splocie' }),
    });
    expect(await reps.textContent()).toContain(
      'Nikt nie ma jeszcze konta jako przedstawiciel tej organizacji.',
    );
    const link = await openPanel(page, 'Połącz istniejące konto');
    const account = link.getByLabel('Konto', { exact: true });
    const repValue = await account.locator('option', { hasText: REP_NAME }).getAttribute('value');
    expect(repValue, `${REP_NAME} among the accounts to link`).toBeTruthy();
    await account.selectOption(repValue!);
    await submitExpectingFlash(
      session,
      () => link.getByRole('button', { name: 'Połącz', exact: true }).click(),
      'Konto połączone z organizacją.',
    );
    const repCard = ((await reps.locator('li.card').first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(repCard).toContain(`${REP_NAME}, przedstawiciel partnera`);
    expect(repCard).toContain(REP);
    await screenshot(page, 'journey-kwilcz-parish-representative');

    // 3. The partnership, its members, the leader by the partners' decision, commitments.
    await visit(session, `${LOCALITY}/partnerships`);
    let panel = await openPanel(page, 'Załóż partnerstwo');
    await panel.getByLabel('Nazwa partnerstwa').fill(PARTNERSHIP);
    await panel
      .getByLabel('Cel partnerstwa')
      .fill('Praca, wsparcie i integracja dla mieszkańców gminy Kwilcz');
    await panel.getByLabel('Data zawiązania (opcjonalnie)').fill(warsawDate(-400));
    await clickAndWaitForUrl(
      session,
      () => panel.getByRole('button', { name: 'Załóż partnerstwo' }).click(),
      (u) => /^\/app\/kwilcz\/partnerships\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const partnershipUrl = new URL(page.url()).pathname;
    await expectHeading(page, PARTNERSHIP);
    for (const org of [GOPS, PARISH, KGW]) await addMember(session, org);

    panel = await openPanel(page, 'Wyznacz organizację lidera');
    await panel.getByLabel('Organizacja', { exact: true }).selectOption({ label: GOPS });
    await panel.getByLabel('Decyzja').fill(LEADER_DECISION);
    // Earlier than any other Kwilcz partnership's designation: this one is the roadmap's evidence.
    await panel.getByLabel('Data decyzji').fill(warsawDate(-390));
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Zapisz decyzję' }).click(),
      'Wyznaczono organizację lidera.',
    );
    expect(await rowText(page, GOPS)).toContain('lider');

    await addCommitment(session, {
      org: GOPS,
      kind: 'wiedza ekspercka',
      description: `Pracownik socjalny na dyżurach w klubie ${TAG}`,
      quantity: '10',
      unit: 'godz.',
    });
    await addCommitment(session, {
      org: PARISH,
      kind: 'wolontariusze',
      description: `Wolontariusze parafii przy zajęciach klubu ${TAG}`,
      quantity: '40',
      unit: 'godz.',
    });
    const which = (await openPanel(page, 'Oznacz zobowiązanie jako zrealizowane')).getByLabel(
      'Zobowiązanie',
      {
        exact: true,
      },
    );
    const gopsCommitmentId = (await which.locator('option', { hasText: GOPS }).getAttribute('value')) ?? '';
    const parishCommitmentId =
      (await which.locator('option', { hasText: PARISH }).getAttribute('value')) ?? '';
    expect(gopsCommitmentId).toMatch(/^[0-9a-f-]{36}$/);

    // 4. The agreement, as a real PDF.
    const agreement = await download(page, 'Porozumienie (PDF)');
    expect(agreement.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const agreementText = await pdfText(agreement.bytes);
    for (const org of [GOPS, PARISH, KGW]) expect(agreementText).toContain(org);

    // 5. The programme of action: a goal with an indicator, an action, tasks for the parish
    //    (already overdue) and for the GOPS.
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Otwórz program działania' }).click(),
      (u) => u.pathname === `${partnershipUrl}/programme`,
    );
    const programmeUrl = `${partnershipUrl}/programme`;
    await expectHeading(page, 'Program działania');
    expect(await mainText(page)).toContain('Partnerstwo nie ma jeszcze programu działania. Zacznij od celu');
    await addProgrammeItem(
      session,
      'Dodaj cel',
      { title: GOAL, titleLabel: 'Cel', indicator: ['Osoby, które podjęły pracę', 'os.', '10'] },
      'Dodano cel do programu działania.',
    );
    const action = await addProgrammeItem(
      session,
      `Dodaj działanie: ${GOAL}`,
      {
        title: ACTION,
        titleLabel: 'Nazwa działania',
        organisation: GOPS,
        startsOn: warsawDate(-30),
        dueOn: warsawDate(180),
      },
      'Dodano działanie do programu.',
    );
    const parishTask = await addProgrammeItem(
      session,
      `Dodaj zadanie: ${ACTION}`,
      {
        title: PARISH_TASK,
        titleLabel: 'Nazwa zadania',
        organisation: PARISH,
        startsOn: warsawDate(-20),
        dueOn: warsawDate(-3),
        firstProblem: true,
      },
      'Dodano zadanie do programu.',
    );
    const gopsTask = await addProgrammeItem(
      session,
      `Dodaj zadanie: ${ACTION}`,
      { title: GOPS_TASK, titleLabel: 'Nazwa zadania', organisation: GOPS, dueOn: warsawDate(30) },
      'Dodano zadanie do programu.',
    );
    const parishRow = await rowText(page, PARISH_TASK);
    expect(parishRow).toContain(PARISH);
    expect(parishRow).toContain(`termin ${warsawDate(-3)}`);
    expect(parishRow).toContain('Po terminie');
    if (parishTask.problem) expect(parishRow).toContain(parishTask.problem);
    expect(await rowText(page, GOPS_TASK)).not.toContain('Po terminie');
    expect(await mainText(page)).toContain('1 zadanie po terminie');
    await screenshot(page, 'journey-kwilcz-programme');

    // 6. The public progress page: unknown until turned on, then progress without personal data.
    const publicUrl = `${partnershipUrl.replace(/^\/app\//, '/p/')}/progress`;
    const resident = await openSession(browser());
    await visit(resident, publicUrl, 404);
    await visit(session, partnershipUrl);
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Włącz publiczną stronę postępów' }).click(),
      'Zmieniono ustawienie strony publicznej.',
    );
    await visit(resident, publicUrl);
    await expectHeading(resident.page, `Postępy: ${PARTNERSHIP}`);
    expect(await resident.page.locator('script[type="module"]').count(), 'no JavaScript').toBe(0);
    const published = await mainText(resident.page);
    expect(published).toContain(`Cel 1: ${GOAL}`);
    expect(published).toContain(ACTION);
    expect(published).toContain('Program ma 2 zadania, wykonano 0.');
    expect(published).toContain('Zadania tego celu: wykonano 0 z 2.');
    for (const personal of [
      COORDINATOR_NAME,
      REP_NAME,
      GOPS_CONTACT.name,
      PARISH_CONTACT.name,
      '@',
      GOPS,
      PARISH,
    ]) {
      expect(published, `the public page names ${personal}`).not.toContain(personal);
    }
    await screenshot(resident.page, 'journey-kwilcz-public-progress');

    // 7. A meeting held yesterday, entered afterwards: the members invited, attendance, minutes,
    //    a decision that becomes a programme task, the attendance list to sign.
    await visit(session, partnershipUrl);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Wszystkie spotkania partnerstwa' }).click(),
      (u) => u.pathname === `${partnershipUrl}/meetings`,
    );
    await expectHeading(page, 'Spotkania partnerstwa');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Zaplanuj spotkanie' }).click(),
      (u) => u.pathname === `${partnershipUrl}/meetings/new`,
    );
    const meetingTitle = `Zgromadzenie partnerów – start klubu ${TAG}`;
    await page.getByLabel('Temat spotkania').fill(meetingTitle);
    await page.getByLabel('Data spotkania').fill(warsawDate(-1));
    await page.getByLabel('Godzina rozpoczęcia').fill('17:00');
    await page.getByLabel('Godzina zakończenia').fill('19:00');
    await page.getByLabel('Miejsce (opcjonalnie)').fill('Urząd Gminy Kwilcz, sala sesyjna');
    await page
      .getByLabel('Porządek obrad (opcjonalnie)')
      .fill('1. Otwarcie\n2. Klub integracyjny\n3. Wolne wnioski');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zaplanuj spotkanie' }).click(),
      (u) => /\/meetings\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const meetingUrl = new URL(page.url()).pathname;
    await expectHeading(page, meetingTitle);
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zaproś wszystkich członków partnerstwa' }).click(),
      `Dodano 2 osoby do zaproszonych. 1 organizacja nie ma w katalogu osoby kontaktowej z adresem e-mail: ${KGW}. Dodaj ją w katalogu albo zaproś organizację lub osobę poniżej.`,
    );
    // Someone from the KGW came anyway.
    panel = await openPanel(page, 'Dodaj osobę, która przyszła bez zaproszenia');
    await panel.getByLabel('Imię i nazwisko').fill('Zofia Nowicka');
    await panel.getByLabel('Organizacja (opcjonalnie)').selectOption({ label: KGW });
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Dodaj jako obecną osobę' }).click(),
      'Dodano osobę do listy obecności.',
    );
    // Attendance for everyone in one submit.
    const attendance = page.locator('section', { has: page.getByRole('heading', { name: 'Obecność' }) });
    await attendance
      .getByRole('group', { name: `Obecność: ${GOPS_CONTACT.name}` })
      .getByLabel('obecna/obecny')
      .check();
    await attendance
      .getByRole('group', { name: `Obecność: ${PARISH_CONTACT.name}` })
      .getByLabel('nieobecność usprawiedliwiona')
      .check();
    await submitExpectingFlash(
      session,
      () => attendance.getByRole('button', { name: 'Zapisz obecność' }).click(),
      'Zapisano obecność: obecne 2 osoby.',
    );
    expect(await attendance.textContent()).toContain('Obecni: 2 z 3.');
    await page
      .getByLabel('Treść protokołu')
      .fill('Partnerzy omówili otwarcie klubu integracyjnego w salce parafialnej.');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz i oznacz spotkanie jako odbyte' }).click(),
      'Spotkanie oznaczono jako odbyte. Zapisano protokół.',
    );
    panel = await openPanel(page, 'Zapisz uchwałę');
    await panel.getByLabel('Numer uchwały').fill(`2/${TAG}`);
    await panel.getByLabel('Treść uchwały').fill(DECISION_TASK);
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Zapisz uchwałę' }).click(),
      'Zapisano uchwałę.',
    );
    await clickAndWaitForUrl(
      session,
      () =>
        page.getByRole('link', { name: `Utwórz zadanie w programie działania Uchwała nr 2/${TAG}` }).click(),
      (u) => u.searchParams.has('task'),
    );
    const taskForm = page.locator('.panel', {
      has: page.getByRole('heading', { name: `Nowe zadanie z uchwały nr 2/${TAG}` }),
    });
    await taskForm.getByLabel('Działanie programu').selectOption({ label: ACTION });
    expect(await taskForm.getByLabel('Nazwa zadania').inputValue()).toBe(DECISION_TASK);
    await taskForm.getByLabel('Odpowiedzialna organizacja (opcjonalnie)').selectOption({ label: KGW });
    await taskForm.getByLabel('Termin (opcjonalnie)').fill(warsawDate(21));
    await submitExpectingFlash(
      session,
      () => taskForm.getByRole('button', { name: 'Utwórz zadanie' }).click(),
      'Utworzono zadanie w programie działania.',
    );
    const decision = page.locator('article', {
      has: page.getByRole('heading', { name: `Uchwała nr 2/${TAG}` }),
    });
    expect((await decision.textContent())?.replace(/\s+/g, ' ')).toContain(`${DECISION_TASK} zaplanowane`);
    await screenshot(page, 'journey-kwilcz-meeting');

    const list = await download(page, 'Lista obecności do podpisu (PDF)');
    expect(list.name).toMatch(/^Lista obecności .*\.pdf$/);
    expect(list.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const listText = await pdfText(list.bytes);
    for (const expected of [
      meetingTitle,
      GOPS_CONTACT.name,
      PARISH_CONTACT.name,
      'Zofia Nowicka',
      'Podpis',
    ]) {
      expect(listText).toContain(expected);
    }

    // The next meeting, planned ahead: invitations go out by e-mail.
    await visit(session, `${partnershipUrl}/meetings/new`);
    const nextTitle = `Zgromadzenie partnerów – grudzień ${TAG}`;
    await page.getByLabel('Temat spotkania').fill(nextTitle);
    await page.getByLabel('Data spotkania').fill(warsawDate(14));
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zaplanuj spotkanie' }).click(),
      (u) => /\/meetings\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zaproś wszystkich członków partnerstwa' }).click(),
      `Dodano 2 osoby do zaproszonych. 1 organizacja nie ma w katalogu osoby kontaktowej z adresem e-mail: ${KGW}. Dodaj ją w katalogu albo zaproś organizację lub osobę poniżej.`,
    );
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Wyślij 2 zaproszenia' }).click(),
      'Wysłano 2 zaproszenia.',
    );
    const invitation = await waitForMail(GOPS_CONTACT.email, { match: (m) => m.subject.includes(nextTitle) });
    expect(invitation.subject).toMatch(/^Zaproszenie: /);
    await visit(session, partnershipUrl);
    expect(await mainText(page)).toContain(`Najbliższe spotkanie: ${nextTitle}`);

    // The programme now has the decision's task.
    await visit(session, programmeUrl);
    expect(await rowText(page, DECISION_TASK)).toContain(KGW);

    // 8. The integration club: lent premises with a monthly value, opening hours, an animator,
    //    a member on a social contract, an activity with attendance.
    await visit(session, `${LOCALITY}/club?all=1`);
    await expectHeading(page, 'Klub integracyjny');
    await page.getByLabel('Nazwa klubu').fill(CLUB);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Załóż klub' }).click(),
      (u) => /\/club\/[0-9a-f-]{36}\/settings$/.test(u.pathname),
    );
    const clubUrl = new URL(page.url()).pathname.replace(/\/settings$/, '');
    expect(await flashText(page)).toBe(
      'Klub założony. Uzupełnij lokal, godziny otwarcia i dane do rejestru.',
    );
    await page.getByLabel('Szukaj organizacji w katalogu').fill(TAG);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('search').getByRole('button', { name: 'Szukaj' }).click(),
      (u) => u.searchParams.get('org') === TAG,
    );
    await page.getByLabel('Kto prowadzi klub').selectOption({ label: GOPS });
    await page.getByLabel('Data otwarcia klubu').fill(warsawDate(-60));
    await page.getByLabel('Adres lokalu').fill(PREMISES);
    await page.getByLabel('Kto udostępnia lokal').selectOption({ label: PARISH });
    await page.getByRole('radio', { name: 'Tak, bezpłatnie' }).check();
    await page.getByLabel('Wartość użyczenia miesięcznie (zł)').fill('800');
    await page.getByLabel('Od kiedy').fill(warsawDate(-60));
    await page.getByLabel('Otwarcie (poniedziałek)').fill('9:00');
    await page.getByLabel('Zamknięcie (poniedziałek)').fill('15:00');
    await page.getByLabel('Otwarcie (środa)').fill('12.00');
    await page.getByLabel('Zamknięcie (środa)').fill('18');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zapisz ustawienia' }).click(),
      (u) => u.pathname === clubUrl,
    );
    expect(await flashText(page)).toBe('Zapisano ustawienia klubu.');
    await expectHeading(page, CLUB);
    const overview = await mainText(page);
    expect(overview).toContain(PREMISES);
    expect(overview).toMatch(/bezpłatnie, wartość 800,00\s?zł miesięcznie/);
    expect(overview).toContain(`od ${warsawDate(-60)}`);
    expect(await rowText(page, 'poniedziałek')).toContain('9:00–15:00');
    expect(await rowText(page, 'środa')).toContain('12:00–18:00');

    await visit(session, `${LOCALITY}/in-kind`);
    const ledger = await rowText(page, `Lokal klubu „${CLUB}”: ${PREMISES}, użyczenie za ${warsawMonth()}`);
    expect(ledger).toContain('użyczony lokal');
    expect(ledger).toContain(PARISH);
    expect(ledger).toMatch(/800,00\s?zł/);

    await visit(session, `${clubUrl}/staff`);
    await expectHeading(page, 'Kadra klubu');
    await page.getByLabel('Konto animatora w Splocie (opcjonalnie)').selectOption({ label: 'Jan Kowalczyk' });
    await page.getByLabel('Podstawa zatrudnienia').selectOption({ label: 'umowa o pracę' });
    await page.getByLabel('Wymiar czasu pracy (etat)').fill('0,5');
    await page.getByLabel('Od', { exact: true }).fill(warsawDate(-30));
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Dodaj do kadry' }).click(),
      'Dodano osobę do kadry.',
    );
    expect(await rowText(page, 'Jan Kowalczyk')).toMatch(/animator umowa o pracę 0,5 etatu/);

    await visit(session, `${clubUrl}/members`);
    await page.getByLabel(/^Imię\W*$/).fill(MEMBER.given);
    await page.getByLabel(/^Nazwisko\W*$/).fill(MEMBER.family);
    await page
      .getByLabel('Podstawa przetwarzania danych (RODO art. 6)')
      .selectOption({ label: 'zadanie publiczne' });
    await page.getByLabel('Data przystąpienia').fill(warsawDate(-30));
    expect(await page.getByLabel('Uczestnik realizuje kontrakt socjalny').isChecked()).toBe(true);
    await page.getByLabel('Grupa (art. 1 ust. 2)').selectOption({ label: 'długotrwale bezrobotni' });
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Dodaj uczestnika' }).click(),
      (u) => /\/members\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const memberUrl = new URL(page.url()).pathname;
    expect(await flashText(page)).toBe('Dodano uczestnika.');
    await expectHeading(page, `${MEMBER.given} ${MEMBER.family}`);

    await visit(session, `${clubUrl}/activities`);
    panel = await openPanel(page, 'Dodaj zajęcia');
    const activityTitle = `Wspólne gotowanie ${TAG}`;
    await panel.getByLabel('Nazwa zajęć').fill(activityTitle);
    await panel.getByLabel('Rodzaj').selectOption({ label: 'zajęcia integracyjne' });
    await panel.getByLabel(/^Data\W*$/).fill(warsawDate(-1));
    expect(await panel.getByLabel('Miejsce').inputValue()).toBe(PREMISES);
    await clickAndWaitForUrl(
      session,
      () => panel.getByRole('button', { name: 'Dodaj do kalendarza' }).click(),
      (u) => /\/activities\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const activityUrl = new URL(page.url()).pathname;
    expect(await flashText(page)).toBe('Dodano zajęcia do kalendarza.');
    await page.getByRole('radio', { name: `${MEMBER.given} ${MEMBER.family}: obecny` }).check();
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz obecność' }).click(),
      'Zapisano obecność.',
    );
    expect(await mainText(page)).toContain('obecni: 1, nieobecni: 0, usprawiedliwieni: 0');
    await screenshot(page, 'journey-kwilcz-club-activity');

    // The report opens on last year; this year's is one choice away.
    await visit(session, `${clubUrl}/report`);
    await page.getByLabel('Rok sprawozdania').selectOption(String(warsawYear(-1)));
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Pokaż', exact: true }).click(),
      (u) => u.searchParams.get('year') === String(warsawYear(-1)),
    );
    await expectHeading(page, `Sprawozdanie z działalności klubu za rok ${warsawYear(-1)}`);
    expect(await rowText(page, 'długotrwale bezrobotni')).toMatch(/^długotrwale bezrobotni 1/);
    expect(await rowText(page, 'zajęcia integracyjne')).toMatch(/^zajęcia integracyjne 1 1 1/);
    const report = await download(page, 'Pobierz (PDF)');
    expect(report.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(report.bytes)).toContain(CLUB);

    // 9. The roadmap's live evidence moved.
    const after = await evidence(session);
    expect(after.leader).toBe(`Organizacja lider: ${GOPS} (${LEADER_DECISION}, ${warsawDate(-390)})`);
    expect(count(after.partners, /^(\d+) organizac/)).toBe(count(before.partners, /^(\d+) organizac/) + 3);
    if (before.premises === '') {
      expect(after.premises).toBe(`Lokal klubu: ${PREMISES}, użycza ${PARISH} od ${warsawDate(-60)}`);
    } else {
      expect(after.premises).toMatch(/^Lokal klubu: /);
    }
    expect(count(after.animators, /^(\d+) animator/)).toBe(count(before.animators, /^(\d+) animator/) + 1);
    expect(after.animators).toContain('etat');
    expect(count(after.programme, /(\d+) cel/)).toBe(count(before.programme, /(\d+) cel/) + 1);
    expect(count(after.programme, /(\d+) zada/)).toBe(count(before.programme, /(\d+) zada/) + 3);
    await visit(session, `${LOCALITY}/roadmap`);
    await screenshot(page, 'journey-kwilcz-roadmap');

    built = {
      partnershipUrl,
      parishPath,
      programmeUrl,
      parishTaskUrl: parishTask.url,
      gopsTaskUrl: gopsTask.url,
      actionUrl: action.url,
      gopsCommitmentId,
      parishCommitmentId,
      meetingUrl,
      clubUrl,
      activityUrl,
      memberUrl,
    };
    await resident.context.close();
    await session.context.close();
  }, 240_000);

  test('the parish’s representative sees the partnership and the programme, and changes only what is the parish’s', async () => {
    const b = need();
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, REP);

    await visit(session, `${LOCALITY}/partnerships`);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: PARTNERSHIP, exact: true }).click(),
      (u) => u.pathname === b.partnershipUrl,
    );
    await expectHeading(page, PARTNERSHIP);
    const text = await mainText(page);
    for (const org of [GOPS, PARISH, KGW]) expect(text).toContain(org);
    for (const summary of ['Dodaj członka', 'Wyznacz organizację lidera', 'Zmień organizację lidera']) {
      expect(await page.locator('summary', { hasText: summary }).count(), summary).toBe(0);
    }
    expect(await page.getByRole('button', { name: /publiczną stronę postępów/ }).count()).toBe(0);

    // The parish's own commitments: recorded and delivered by its representative.
    let panel = await openPanel(page, 'Zapisz zobowiązanie');
    expect(
      (await panel.getByLabel('Organizacja', { exact: true }).locator('option').allTextContents()).map((o) =>
        o.trim(),
      ),
    ).toEqual([PARISH]);
    await addCommitment(session, {
      org: PARISH,
      kind: 'sprzęt',
      description: `Kuchenka i naczynia do wspólnego gotowania ${TAG}`,
      quantity: '1',
      unit: 'szt.',
    });
    panel = await openPanel(page, 'Oznacz zobowiązanie jako zrealizowane');
    const deliverable = panel.getByLabel('Zobowiązanie', { exact: true });
    const labels = (await deliverable.locator('option').allTextContents()).join(' | ');
    expect(labels).toContain(PARISH);
    expect(labels, 'another organisation’s commitment is not offered').not.toContain(GOPS);
    await deliverable.selectOption(b.parishCommitmentId);
    await panel.getByLabel('Data realizacji').fill(warsawDate(0));
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Oznacz jako zrealizowane' }).click(),
      'Oznaczono zobowiązanie jako zrealizowane.',
    );
    // The GOPS's commitment, sent anyway as a crafted request would: refused.
    const foreign = await postAsAnotherTab(session, b.partnershipUrl, {
      intent: 'deliverCommitment',
      commitmentId: b.gopsCommitmentId,
      deliveredOn: warsawDate(0),
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain(
      'Możesz zapisywać i zmieniać tylko zobowiązania swojej organizacji.',
    );
    await visit(session, b.partnershipUrl);
    expect(await rowText(page, `Pracownik socjalny na dyżurach w klubie ${TAG}`)).toContain('obiecane');
    await screenshot(page, 'journey-kwilcz-partner-partnership');

    // The programme: seen whole, with no coordinator's controls.
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Otwórz program działania' }).click(),
      (u) => u.pathname === b.programmeUrl,
    );
    const programme = await mainText(page);
    for (const item of [GOAL, ACTION, PARISH_TASK, GOPS_TASK, DECISION_TASK])
      expect(programme).toContain(item);
    expect(await page.getByRole('link', { name: /^Dodaj (cel|działanie|zadanie)/ }).count()).toBe(0);

    // The parish's task: its progress is the parish's to report.
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: PARISH_TASK, exact: true }).click(),
      (u) => u.pathname === b.parishTaskUrl,
    );
    expect(await h1(page)).toMatch(new RegExp(`^Zadanie [0-9.]+: ${escapeRegExp(PARISH_TASK)}$`));
    expect(await page.getByRole('link', { name: 'Zmień', exact: true }).count()).toBe(0);
    await page.getByLabel('Stan', { exact: true }).selectOption({ label: 'W trakcie' });
    await page.getByLabel('Postęp w procentach').fill('40');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz postęp' }).click(),
      'Zapisano postęp.',
    );
    const status = ((await page.locator('dl.summary-list').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(status).toContain('W trakcie');
    expect(status).toContain('40%');

    // The GOPS's task: no form, and a crafted request is refused.
    await visit(session, b.gopsTaskUrl);
    expect(await page.getByRole('heading', { name: 'Zgłoś postęp' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zapisz postęp' }).count()).toBe(0);
    const crafted = await postAsAnotherTab(session, b.gopsTaskUrl, {
      intent: 'progress',
      status: 'done',
      progress: '100',
      version: '1',
    });
    expect(crafted.status()).toBe(403);
    expect(await crafted.text()).toContain(
      'Możesz zmieniać tylko pozycje, za które odpowiada Twoja organizacja lub Ty.',
    );
    await visit(session, b.gopsTaskUrl);
    expect(await page.locator('dl.summary-list').textContent()).toContain('Zaplanowane');
    // Adding to the programme is the coordinator's.
    await visit(session, `${b.programmeUrl}/new?level=goal`, 403);
    expect(await mainText(page)).toContain('Programem działania zarządza koordynator');

    // The meeting: names and organisations, no e-mail addresses, nothing to record.
    await visit(session, b.meetingUrl);
    const meeting = await mainText(page);
    expect(meeting).toContain(GOPS_CONTACT.name);
    expect(meeting).not.toContain(GOPS_CONTACT.email);
    expect(await page.getByRole('button', { name: 'Zapisz obecność' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Lista obecności do podpisu (PDF)' }).count()).toBe(0);
    await session.context.close();

    // The public page follows: the parish's 40% moves the action (3 tasks: 40, 0, 0).
    const resident = await openSession(browser());
    await visit(resident, `${b.partnershipUrl.replace(/^\/app\//, '/p/')}/progress`);
    expect(await mainText(resident.page)).toContain('Program ma 3 zadania, wykonano 0.');
    expect(await rowText(resident.page, ACTION)).toContain('13%');
    await resident.context.close();
  }, 120_000);

  test('without JavaScript: the programme task, the meeting attendance and the club attendance forms', async () => {
    const b = need();
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, COORDINATOR);

    // a) A programme task: wrong input comes back in Polish with what was typed, then it is added.
    await visit(session, b.programmeUrl);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: loose(`Dodaj zadanie: ${ACTION}`) }).click(),
      (u) => u.pathname.endsWith('/programme/new'),
    );
    await expectHeading(page, 'Dodaj zadanie');
    await page.getByLabel('Postęp w procentach').fill('150');
    await page.getByLabel('Termin', { exact: true }).fill('31.02.2027');
    const taskErrors = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Dodaj zadanie', exact: true }).click(),
    );
    expect(taskErrors).toContain('Wpisz nazwę');
    expect(taskErrors).toContain('Postęp to liczba od 0 do 100');
    expect(taskErrors).toContain('Wpisz prawdziwą datę, np. 27.03.2027');
    expect(await page.getByLabel('Postęp w procentach').inputValue()).toBe('150');
    const noJsTask = `Wydrukować ulotki o klubie ${TAG}`;
    await page.getByLabel(/^Nazwa zadania\W*$/).fill(noJsTask);
    await page.getByLabel('Postęp w procentach').fill('0');
    await page.getByLabel('Termin', { exact: true }).fill(warsawDate(45));
    await page.getByLabel('Odpowiedzialna organizacja', { exact: true }).selectOption({ label: KGW });
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Dodaj zadanie', exact: true }).click(),
      (u) => u.pathname === b.programmeUrl,
    );
    expect(await flashText(page)).toBe('Dodano zadanie do programu.');
    expect(await rowText(page, noJsTask)).toContain(KGW);
    // Its progress, through the item's own form.
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: noJsTask, exact: true }).click(),
      (u) => /\/programme\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    await page.getByLabel('Postęp w procentach').fill('dużo');
    expect(
      await submitExpectingErrors(session, () => page.getByRole('button', { name: 'Zapisz postęp' }).click()),
    ).toContain('Postęp to liczba od 0 do 100');
    await page.getByLabel('Stan', { exact: true }).selectOption({ label: 'W trakcie' });
    await page.getByLabel('Postęp w procentach').fill('25');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz postęp' }).click(),
      'Zapisano postęp.',
    );
    expect(await page.locator('dl.summary-list').textContent()).toContain('25%');

    // b) A meeting's attendance: a list changed in another tab refuses the whole form; then saved.
    await visit(session, `${b.partnershipUrl}/meetings/new`);
    const title = `Spotkanie robocze bez JavaScriptu ${TAG}`;
    await page.getByLabel('Temat spotkania').fill(title);
    await page.getByLabel('Data spotkania').fill(warsawDate(-2));
    await page.getByLabel('Godzina rozpoczęcia').fill('10:00');
    await page.getByLabel('Godzina zakończenia').fill('9:30');
    expect(
      await submitExpectingErrors(
        session,
        () => page.getByRole('button', { name: 'Zaplanuj spotkanie' }).click(),
        422,
      ),
    ).toContain('Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia');
    expect(await page.getByLabel('Temat spotkania').inputValue()).toBe(title);
    await page.getByLabel('Godzina zakończenia').fill('12:00');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zaplanuj spotkanie' }).click(),
      (u) => /\/meetings\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const meetingUrl = new URL(page.url()).pathname;
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zaproś wszystkich członków partnerstwa' }).click(),
      `Dodano 2 osoby do zaproszonych. 1 organizacja nie ma w katalogu osoby kontaktowej z adresem e-mail: ${KGW}. Dodaj ją w katalogu albo zaproś organizację lub osobę poniżej.`,
    );
    const attendance = page.locator('section', { has: page.getByRole('heading', { name: 'Obecność' }) });
    for (const who of [GOPS_CONTACT.name, PARISH_CONTACT.name]) {
      await attendance
        .getByRole('group', { name: `Obecność: ${who}` })
        .getByLabel('obecna/obecny')
        .check();
    }
    const participantId = await page
      .getByRole('table', { name: 'Zaproszone organizacje i osoby' })
      .getByRole('row', { name: new RegExp(PARISH_CONTACT.name) })
      .locator('input[name="participantId"]')
      .getAttribute('value');
    const removed = await postAsAnotherTab(session, meetingUrl, {
      intent: 'removeInvitee',
      participantId: participantId ?? '',
    });
    expect([302, 303]).toContain(removed.status());
    expect(
      await submitExpectingErrors(session, () =>
        attendance.getByRole('button', { name: 'Zapisz obecność' }).click(),
      ),
    ).toContain(
      'Formularz obecności zawiera osobę spoza listy tego spotkania. Odśwież stronę i zapisz obecność ponownie.',
    );
    expect(await attendance.getByRole('group', { name: `Obecność: ${PARISH_CONTACT.name}` }).count()).toBe(0);
    await attendance
      .getByRole('group', { name: `Obecność: ${GOPS_CONTACT.name}` })
      .getByLabel('obecna/obecny')
      .check();
    await submitExpectingFlash(
      session,
      () => attendance.getByRole('button', { name: 'Zapisz obecność' }).click(),
      'Zapisano obecność: obecna 1 osoba.',
    );
    expect(await attendance.textContent()).toContain('Obecni: 1 z 1.');

    // c) A club activity's attendance: the activity cancelled meanwhile refuses it; restored, saved.
    await visit(session, `${b.clubUrl}/activities`);
    const panel = await openPanel(page, 'Dodaj zajęcia');
    const activity = `Dyżur prawnika bez JavaScriptu ${TAG}`;
    await panel.getByLabel('Nazwa zajęć').fill(activity);
    await panel.getByLabel('Rodzaj').selectOption({ label: 'poradnictwo prawne' });
    await panel.getByLabel(/^Data\W*$/).fill(warsawDate(-2));
    await panel.getByLabel(/^Początek\W*$/).fill('10:00');
    await panel.getByLabel(/^Koniec\W*$/).fill('12:00');
    await clickAndWaitForUrl(
      session,
      () => panel.getByRole('button', { name: 'Dodaj do kalendarza' }).click(),
      (u) => /\/activities\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const activityUrl = new URL(page.url()).pathname;
    expect(await flashText(page)).toBe('Dodano zajęcia do kalendarza.');
    const cancelled = await postAsAnotherTab(session, activityUrl, { intent: 'cancel' });
    expect([302, 303]).toContain(cancelled.status());
    await page.getByRole('radio', { name: `${MEMBER.given} ${MEMBER.family}: obecny` }).check();
    expect(
      await submitExpectingErrors(
        session,
        () => page.getByRole('button', { name: 'Zapisz obecność' }).click(),
        422,
      ),
    ).toContain('Zajęcia odwołano: nie zapisuje się obecności.');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Przywróć zajęcia' }).click(),
      'Zajęcia przywrócono.',
    );
    await page.getByRole('radio', { name: `${MEMBER.given} ${MEMBER.family}: obecny` }).check();
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz obecność' }).click(),
      'Zapisano obecność.',
    );
    expect(await mainText(page)).toContain('obecni: 1, nieobecni: 0, usprawiedliwieni: 0');
    await screenshot(page, 'journey-kwilcz-nojs-club-attendance');
    await session.context.close();
  }, 240_000);

  test('every new page kind in English passes axe', async () => {
    const b = need();
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    await visit(session, b.programmeUrl);
    // The choice of language is kept on the account: put it back afterwards.
    await switchLanguage(session, 'en');
    const en = (key: string, values: Record<string, string | number> = {}) => message('en', key, values);
    const publicUrl = `${b.partnershipUrl.replace(/^\/app\//, '/p/')}/progress`;
    const pages: [path: string, h1: string | RegExp, alsoHeading?: string][] = [
      [b.partnershipUrl, PARTNERSHIP, en('programme.title')],
      [b.programmeUrl, en('programme.title')],
      [
        b.parishTaskUrl,
        new RegExp(`^Task [0-9.]+: ${escapeRegExp(PARISH_TASK)}$`),
        en('programme.progress.title'),
      ],
      [`${b.programmeUrl}/new?level=goal`, en('programme.new.goal')],
      [`${b.parishTaskUrl}/edit`, en('programme.edit.task', { title: PARISH_TASK })],
      [publicUrl, en('programme.public.title', { name: PARTNERSHIP })],
      [`${b.partnershipUrl}/meetings?when=past`, en('meetings.list.title')],
      [`${b.partnershipUrl}/meetings/new`, en('meetings.new.title')],
      [b.meetingUrl, /^Zgromadzenie partnerów – start klubu/, en('meetings.minutes.title')],
      [`${LOCALITY}/club?all=1`, en('club.list.title')],
      [b.clubUrl, CLUB, en('club.premises.title')],
      [`${b.clubUrl}/settings`, en('club.settings.title')],
      [`${b.clubUrl}/staff`, en('club.staff.title')],
      [`${b.clubUrl}/members`, en('club.members.title')],
      [b.memberUrl, `${MEMBER.given} ${MEMBER.family}`],
      [`${b.clubUrl}/activities`, en('club.activities.title')],
      [b.activityUrl, /^Wspólne gotowanie/, en('club.attendance.title')],
      [`${b.clubUrl}/visits`, en('club.visits.title')],
      [`${b.clubUrl}/grants`, en('club.grants.title')],
      [`${b.clubUrl}/register`, en('club.register.title')],
      [`${b.clubUrl}/report`, en('club.report.title', { year: warsawYear() - 1 })],
      [b.parishPath, PARISH, en('organisations.representatives.title')],
    ];
    try {
      for (const [path, heading, also] of pages) {
        await visit(session, path);
        expect(await page.locator('html').getAttribute('lang'), path).toBe('en');
        const text = await h1(page);
        if (typeof heading === 'string') expect(text, path).toBe(heading);
        else expect(text, path).toMatch(heading);
        if (also)
          expect(
            await page.getByRole('heading', { name: also, exact: true }).count(),
            `${path}: ${also}`,
          ).toBeGreaterThan(0);
      }
      await visit(session, b.meetingUrl);
      await screenshot(page, 'journey-kwilcz-en-meeting');
      await visit(session, `${b.clubUrl}/report`);
      await screenshot(page, 'journey-kwilcz-en-club-report');
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();
  }, 180_000);
});
