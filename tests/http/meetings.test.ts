import { and, asc, count, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  localities,
  meetingDecisions,
  meetingParticipants,
  meetings,
  partnerships,
  programmeItems,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();
let wg: { partnershipId: string; base: string; held: string; upcoming: string };
let pz: { partnershipId: string; base: string; meeting: string };

async function partnershipOf(slug: string) {
  const [row] = await t.db
    .select({ id: partnerships.id })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.localityId))
    .where(eq(localities.slug, slug));
  return row!.id;
}
async function meetingsOf(partnershipId: string) {
  return t.db
    .select({ id: meetings.id, status: meetings.status, title: meetings.title })
    .from(meetings)
    .where(eq(meetings.partnershipId, partnershipId))
    .orderBy(asc(meetings.startsAt));
}
async function auditCount() {
  return (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
}
async function meetingCount() {
  return (await t.db.select({ n: count() }).from(meetings))[0]!.n;
}
async function attendanceOf(meetingId: string) {
  return (
    await t.db
      .select({ id: meetingParticipants.id, attendance: meetingParticipants.attendance })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meetingId))
      .orderBy(asc(meetingParticipants.id))
  ).map((r) => r.attendance);
}

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
  const wgId = await partnershipOf('wagrowiec');
  const wgMeetings = await meetingsOf(wgId);
  wg = {
    partnershipId: wgId,
    base: `/app/wagrowiec/partnerships/${wgId}/meetings`,
    held: wgMeetings.filter((m) => m.status === 'held').at(-1)!.id,
    upcoming: wgMeetings.find((m) => m.status === 'planned')!.id,
  };
  const pzId = await partnershipOf('poznan');
  pz = {
    partnershipId: pzId,
    base: `/app/poznan/partnerships/${pzId}/meetings`,
    meeting: (await meetingsOf(pzId))[0]!.id,
  };
});
afterAll(async () => {
  await t.dispose();
});

async function coordinator(slug = 'wagrowiec') {
  const b = new TestBrowser(app);
  await b.signIn(`koordynator.${slug}@splot.demo`, DEMO_PASSWORD);
  return b;
}
function sqlStatements(res: Response): number {
  return Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);
}

describe('the meetings of a partnership, in Polish and English', () => {
  it('shows the next meeting on the partnership page, and upcoming and past meetings in the list', async () => {
    const b = await coordinator();
    const partnership = pageText(
      await (await b.get(`/app/wagrowiec/partnerships/${wg.partnershipId}`)).text(),
    );
    expect(partnership).toContain('Spotkania');
    expect(partnership).toContain('Najbliższe spotkanie: Zgromadzenie Partnerów: podsumowanie półrocza');
    expect(partnership).toContain('Wszystkie spotkania partnerstwa');

    const upcoming = await b.get(wg.base);
    expect(upcoming.status).toBe(200);
    const text = pageText(await upcoming.text());
    expect(text).toContain('Spotkania partnerstwa');
    expect(text).toContain('Nadchodzące (1)');
    expect(text).toContain('Minione (2)');
    expect(text).toContain('Zgromadzenie Partnerów: podsumowanie półrocza');
    expect(text).toMatch(/\d+ osób zaproszonych|\d+ osoby zaproszone/);
    const past = pageText(await (await b.get(`${wg.base}?when=past`)).text());
    expect(past).toContain('Spotkanie partnerów: klub samopomocowy i giełda pracy');
    expect(past).toContain('odbyło się');
    expect(past).toMatch(/obecni: \d+ z \d+/);

    b.setCookie('splot_lang', 'en');
    const en = pageText(await (await b.get(`${wg.base}?when=past`)).text());
    expect(en).toContain('Partnership meetings');
    expect(en).toContain('Past (2)');
    expect(en).toContain('held');
  });

  it('shows a held meeting with its attendance, minutes and decisions, with a bounded number of queries', async () => {
    const b = await coordinator();
    const res = await b.get(`${wg.base}/${wg.held}`);
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeLessThanOrEqual(12);
    const text = pageText(await res.text());
    expect(text).toContain('Spotkanie partnerów: klub samopomocowy i giełda pracy');
    expect(text).toMatch(
      /(poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela), \d{1,2} [a-ząćęłńóśźż]+ \d{4} r\., 17:00–19:00/,
    );
    expect(text).toContain('Uchwała nr 4/');
    expect(text).toContain('Zaprosić na giełdę pracodawców spoza partnerstwa');
    expect(text).toContain('Protokół');
    expect(text).toContain('Lista obecności do podpisu (PDF)');

    b.setCookie('splot_lang', 'en');
    const en = pageText(await (await b.get(`${wg.base}/${wg.held}`)).text());
    expect(en).toContain('Invitees');
    expect(en).toContain('Decision no. 4/');
    expect(en).toMatch(
      /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}, 17:00–19:00/,
    );
  });
});

describe('planning a meeting without JavaScript', () => {
  it('explains bad input in the user’s language, keeps what was typed, and saves nothing', async () => {
    const b = await coordinator();
    const form = await (await b.get(`${wg.base}/new`)).text();
    expect(form).toContain('name="startTime"');
    const before = await meetingCount();
    const bad = await b.post(`${wg.base}/new`, {
      title: 'Spotkanie w sprawie klubu',
      date: '12.05.2099',
      startTime: '18:00',
      endTime: '17:00',
      place: 'Sala 2',
      agenda: '',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('<title>Błąd: Zaplanuj spotkanie – Splot</title>');
    expect(pageText(html)).toContain('Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia');
    expect(html).toContain('value="Spotkanie w sprawie klubu"');
    const empty = await b.post(`${wg.base}/new`, {
      title: '',
      date: '31.02.2099',
      startTime: '25:00',
      endTime: '',
    });
    expect(empty.status).toBe(400);
    const emptyText = pageText(await empty.text());
    expect(emptyText).toContain('Wpisz temat spotkania');
    expect(emptyText).toContain('Wpisz prawdziwą datę, np. 27.03.2027');
    expect(emptyText).toContain('Wpisz godzinę jako GG:MM, np. 17:30');
    expect(emptyText).toContain('Wpisz godzinę zakończenia');

    b.setCookie('splot_lang', 'en');
    const en = await b.post(`${wg.base}/new`, {
      title: 'Club meeting',
      date: '12.05.2099',
      startTime: '18:00',
      endTime: '17:00',
    });
    expect(pageText(await en.text())).toContain('The end time must be later than the start time');
    expect(await meetingCount()).toBe(before);
  });

  it('plans a meeting, invites the partnership and sends the invitations with calendar files', async () => {
    const b = await coordinator();
    const created = await b.post(`${wg.base}/new`, {
      title: 'Spotkanie w sprawie klubu',
      date: '12.05.2099',
      startTime: '17:00',
      endTime: '19:00',
      place: 'Dom Kultury, sala 2',
      agenda: '1. Klub\n2. Giełda pracy',
    });
    expect(created.status).toBe(302);
    const page = created.headers.get('Location')!;
    expect(pageText(await (await b.get(page)).text())).toContain('Spotkanie zostało zaplanowane');

    const invited = await b.post(page, { intent: 'inviteMembers' });
    expect(invited.status).toBe(302);
    const afterInvite = pageText(await (await b.get(invited.headers.get('Location')!)).text());
    // The seed left one member without a contact: the message names it.
    expect(afterInvite).toMatch(
      /Dodano \d+ os(ób|oby) do zaproszonych\. 1 organizacja nie ma w katalogu osoby kontaktowej z adresem e-mail: Zespół Szkół Zawodowych w Wągrowcu/,
    );
    expect(afterInvite).toContain('jeszcze nie wysłano');

    const sentBefore = mail.sent.length;
    const sent = await b.post(page, { intent: 'sendInvitations' });
    expect(sent.status).toBe(302);
    const queued = mail.sent.slice(sentBefore);
    expect(queued.length).toBeGreaterThan(5);
    for (const m of queued) {
      expect(m.subject).toBe('Zaproszenie: Spotkanie w sprawie klubu, 12.05.2099 17:00');
      expect(m.attachments![0]!.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
      expect(m.attachments![0]!.content).toContain('DTSTART:20990512T150000Z');
    }
    const afterSend = pageText(await (await b.get(page)).text());
    expect(afterSend).toMatch(new RegExp(`Wysłano ${queued.length} zaproszeń`));
    expect(afterSend).toContain('Wszyscy zaproszeni z adresem e-mail dostali zaproszenie');

    // Moving it an hour later after the invitations: the page asks to send them again.
    const id = page.split('/').at(-1)!;
    const version = /name="version" value="(\d+)"/.exec(await (await b.get(page)).text())![1]!;
    const moved = await b.post(page, {
      intent: 'update',
      version,
      title: 'Spotkanie w sprawie klubu',
      date: '12.05.2099',
      startTime: '18:00',
      endTime: '20:00',
      place: 'Dom Kultury, sala 2',
      agenda: '1. Klub',
    });
    expect(moved.status).toBe(302);
    const movedText = pageText(await (await b.get(page)).text());
    expect(movedText).toContain('Termin lub miejsce zmieniły się po wysłaniu zaproszeń');
    const [m] = await t.db.select({ seq: meetings.icsSequence }).from(meetings).where(eq(meetings.id, id));
    expect(m!.seq).toBe(1);

    const ics = await b.get(`${page}/meeting.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const body = (await ics.text()).replace(/\r\n /g, '');
    expect(body).toContain(`UID:meeting-${id}@splot`);
    expect(body).toContain('SEQUENCE:1');
    expect(body).toContain('DTSTART:20990512T160000Z');
  });
});

describe('attendance and decisions at a held meeting', () => {
  it('takes everyone’s attendance in one form with one submit, and saves nothing on a bad row', async () => {
    const b = await coordinator();
    const html = await (await b.get(`${wg.base}/${wg.held}`)).text();
    const ids = [...new Set([...html.matchAll(/name="attendance-([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
    expect(ids.length).toBeGreaterThan(5);
    // One form holds every row's radio buttons, and one submit button.
    const form = html.slice(
      html.lastIndexOf('<form', html.indexOf('name="attendance-')),
      html.indexOf('</form>', html.indexOf('name="attendance-')),
    );
    expect(ids.every((id) => form.includes(`name="attendance-${id}"`))).toBe(true);
    expect(form.match(/type="submit"/g)).toHaveLength(1);

    const before = await attendanceOf(wg.held);
    const all = Object.fromEntries(ids.map((id) => [`attendance-${id}`, 'present']));
    const bad = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'attendance',
      ...all,
      [`attendance-${ids[0]}`]: 'maybe',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain(
      'Wybierz: obecna/obecny, nieobecna/nieobecny albo nieobecność usprawiedliwiona',
    );
    expect(await attendanceOf(wg.held)).toEqual(before);

    const ok = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'attendance',
      ...all,
      [`attendance-${ids[0]}`]: 'excused',
    });
    expect(ok.status).toBe(302);
    const after = await attendanceOf(wg.held);
    expect(after.filter((a) => a === 'present')).toHaveLength(ids.length - 1);
    expect(after.filter((a) => a === 'excused')).toHaveLength(1);
    expect(pageText(await (await b.get(ok.headers.get('Location')!)).text())).toMatch(
      new RegExp(`Zapisano obecność: obecn(e|ych) ${ids.length - 1} os(oby|ób)`),
    );

    const walkIn = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'walkIn',
      walkInName: '',
      walkInOrganisationId: '',
    });
    expect(walkIn.status).toBe(400);
    expect(pageText(await walkIn.text())).toContain('Wpisz imię i nazwisko albo wybierz organizację');
  });

  it('says why a form is refused even when it is gone from the page (the meeting cancelled meanwhile)', async () => {
    const b = await coordinator();
    const yesterday = new Date(Date.now() - 86_400_000);
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' })
      .format(yesterday)
      .split('-');
    const created = await b.post(`${wg.base}/new`, {
      title: 'Spotkanie odwołane w drugiej karcie',
      date: `${Number(d)}.${m}.${y}`,
      startTime: '17:00',
      endTime: '18:00',
    });
    expect(created.status).toBe(302);
    const page = created.headers.get('Location')!;
    expect((await b.post(page, { intent: 'inviteMembers' })).status).toBe(302);
    const html = await (await b.get(page)).text();
    const id = /name="attendance-([0-9a-f-]{36})"/.exec(html)![1]!;
    expect((await b.post(page, { intent: 'cancel' })).status).toBe(302);
    const refused = await b.post(page, { intent: 'attendance', [`attendance-${id}`]: 'present' });
    expect(refused.status).toBe(422);
    const text = pageText(await refused.text());
    expect(text).toContain('To spotkanie zostało odwołane: nie można go już zmieniać.');
    expect(text).not.toContain('Zapisz obecność');
  });

  it('explains a decision number already used at the meeting, in both languages', async () => {
    const b = await coordinator();
    const [d] = await t.db
      .select({ number: meetingDecisions.number })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, wg.held))
      .orderBy(asc(meetingDecisions.createdAt));
    const res = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'addDecision',
      number: d!.number,
      text: 'Inna treść',
    });
    expect(res.status).toBe(409);
    expect(pageText(await res.text())).toContain(`Numer ${d!.number} ma już inna uchwała tego spotkania`);
    b.setCookie('splot_lang', 'en');
    const en = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'addDecision',
      number: d!.number,
      text: 'Other',
    });
    expect(pageText(await en.text())).toContain(
      `Another decision of this meeting already has number ${d!.number}`,
    );
    const [n] = await t.db
      .select({ n: count() })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, wg.held));
    expect(n!.n).toBe(2);
  });

  it('turns a decision into a programme task from a form under it', async () => {
    const b = await coordinator();
    const [d] = await t.db
      .select({ id: meetingDecisions.id })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, wg.held))
      .orderBy(asc(meetingDecisions.createdAt))
      .offset(1);
    const page = await (await b.get(`${wg.base}/${wg.held}?task=${d!.id}`)).text();
    const action = /<select id="f-taskParentId"[\s\S]*?<option value="([0-9a-f-]{36})">/.exec(page)![1]!;
    const missing = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'createTask',
      decisionId: d!.id,
      taskTitle: 'X',
      taskParentId: '',
    });
    expect(missing.status).toBe(400);
    expect(pageText(await missing.text())).toContain('Wybierz działanie programu, do którego należy zadanie');
    const ok = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'createTask',
      decisionId: d!.id,
      taskParentId: action,
      taskTitle: 'Otworzyć klub w soboty',
      taskOrganisationId: '',
      taskDueOn: '',
    });
    expect(ok.status).toBe(302);
    const [task] = await t.db.select().from(programmeItems).where(eq(programmeItems.decisionId, d!.id));
    expect(task).toMatchObject({ level: 'task', parentId: action, title: 'Otworzyć klub w soboty' });
    const text = pageText(await (await b.get(ok.headers.get('Location')!)).text());
    expect(text).toContain('Utworzono zadanie w programie działania.');
    expect(text).toContain('Otworzyć klub w soboty zaplanowane');
  });

  it('prints the attendance list as a real PDF with the invitees’ names', async () => {
    const b = await coordinator();
    const res = await b.get(`${wg.base}/${wg.held}/attendance.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''Lista%20obecno%C5%9Bci");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const names = await t.db
      .select({ name: meetingParticipants.name })
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.meetingId, wg.held)));
    expect(names.length).toBeGreaterThan(5);
    for (const { name } of names) if (name) expect(text).toContain(name);
    expect(text).toContain('Podpis');
    expect(text).toContain('Spotkanie partnerów: klub samopomocowy i giełda pracy');
    // The list names people: the download is logged as an export of personal data.
    const [logged] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'meeting.attendance_export'), eq(auditLog.entityId, wg.held)));
    expect(logged?.details).toEqual({ format: 'pdf', count: names.length });
  });
});

describe('a partnership that is just starting (Kwilcz)', () => {
  it('says what is missing: members to invite, actions in the programme for a decision’s task', async () => {
    const b = await coordinator('kwilcz');
    const created = await b.post('/app/kwilcz/partnerships', {
      name: 'Partnerstwo dla Kwilcza',
      aim: '',
      formedOn: '',
    });
    const base = `${created.headers.get('Location')!}/meetings`;
    expect(pageText(await (await b.get(base)).text())).toContain('Nie ma zaplanowanych spotkań.');
    const meeting = await b.post(`${base}/new`, {
      title: 'Pierwsze spotkanie',
      date: '5.01.2026',
      startTime: '10',
      endTime: '12.30',
      place: '',
      agenda: '',
    });
    expect(meeting.status).toBe(302);
    const page = meeting.headers.get('Location')!;
    const noMembers = await b.post(page, { intent: 'inviteMembers' });
    expect(noMembers.status).toBe(422);
    expect(pageText(await noMembers.text())).toContain('Partnerstwo nie ma jeszcze członków.');
    const decision = await b.post(page, { intent: 'addDecision', number: '1/2026', text: 'Zakładamy klub.' });
    expect(decision.status).toBe(302);
    const [d] = await t.db
      .select({ id: meetingDecisions.id })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.text, 'Zakładamy klub.'));
    const html = await (await b.get(`${page}?task=${d!.id}`)).text();
    expect(pageText(html)).toContain(
      'Program działania tego partnerstwa nie ma jeszcze działań, pod którymi można dodać zadanie.',
    );
    expect(html).toContain(`href="${page.replace(/\/meetings\/.*$/, '/programme')}"`);
    expect(pageText(html)).toContain('10:00–12:30');
  });
});

describe('tenancy and roles', () => {
  it('answers another locality’s ids with 404, writing nothing', async () => {
    const b = await coordinator('poznan');
    const before = await auditCount();
    for (const path of [
      `/app/poznan/partnerships/${wg.partnershipId}/meetings`,
      `/app/poznan/partnerships/${wg.partnershipId}/meetings/new`,
      `${pz.base}/${wg.held}`,
      `/app/poznan/partnerships/${wg.partnershipId}/meetings/${wg.held}`,
      `${pz.base}/${wg.held}/attendance.pdf`,
      `${pz.base}/${wg.held}/meeting.ics`,
      `${pz.base}/not-an-id`,
      `${wg.base}/${wg.held}`,
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(404);
      expect(pageText(await res.text()), path).toContain('Nie ma takiej strony');
    }
    const post = await b.post(`${pz.base}/${wg.held}`, { intent: 'addDecision', number: '99', text: 'x' });
    expect(post.status).toBe(404);
    const invite = await b.post(`${pz.base}/${wg.upcoming}`, { intent: 'sendInvitations' });
    expect(invite.status).toBe(404);
    expect(await auditCount()).toBe(before);
    // The Poznań coordinator's own meeting is fine.
    expect((await b.get(`${pz.base}/${pz.meeting}`)).status).toBe(200);
  });

  it('lets other roles follow the meetings without the coordinator’s forms, addresses or files', async () => {
    const b = new TestBrowser(app);
    await b.signIn('przedsiebiorstwo.wagrowiec@splot.demo', DEMO_PASSWORD);
    const list = await b.get(wg.base);
    expect(list.status).toBe(200);
    expect(pageText(await list.text())).not.toContain('Zaplanuj spotkanie');
    const page = await (await b.get(`${wg.base}/${wg.upcoming}`)).text();
    expect(pageText(page)).toContain('Zgromadzenie Partnerów: podsumowanie półrocza');
    expect(page).not.toContain('name="intent"');
    expect(page).not.toMatch(/@[a-z0-9-]+\.example/);
    expect((await b.get(`${wg.base}/new`)).status).toBe(403);
    expect((await b.get(`${wg.base}/${wg.held}/attendance.pdf`)).status).toBe(403);
    expect((await b.get(`${wg.base}/${wg.held}/meeting.ics`)).status).toBe(403);
    const before = await auditCount();
    const post = await b.post(`${wg.base}/${wg.held}`, {
      intent: 'addDecision',
      number: '77/2099',
      text: 'x',
    });
    expect(post.status).toBe(403);
    expect(pageText(await post.text())).toContain('Brak dostępu');
    expect(await auditCount()).toBe(before);

    const participant = new TestBrowser(app);
    await participant.signIn('uczestnik.poznan@splot.demo', DEMO_PASSWORD);
    expect((await participant.get(pz.base)).status).toBe(403);
  });
});
