import { and, count, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, addSession, createGroup } from '../../app/features/education/groups/groups.server.ts';
import { createPerson } from '../../app/features/people/people.server.ts';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  auditLog,
  localities,
  people,
  studyAttendance,
  studyGroupFacilitators,
  studyGroups,
  users,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../../db/seed/demo.ts';
import { coordinatorContext } from '../../db/seed/partnerships.ts';
import { createTestDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let groupId: string;
let sessionId: string;
const members: string[] = [];
let leaderGroupId: string;
const today = todayInWarsaw();

const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function place(slug: string) {
  const [loc] = await t.db.select().from(localities).where(eq(localities.slug, slug));
  const [coord] = await t.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, `koordynator.${slug}@splot.demo`));
  return coordinatorContext(t.db, { locality: { id: loc!.id, slug, name: loc!.name }, coordinator: coord! });
}

beforeAll(async () => {
  t = await createTestDatabase();
  // The app first: it loads the server build, which other builds may be replacing meanwhile.
  app = await createTestApp(testServices(t.db));
  await seedDemo(t.db);
  const ctx = await place('poznan');
  groupId = await createGroup(t.db, {
    ...ctx,
    values: {
      kind: 'leaders_course',
      name: 'Kurs testowy 25 osób',
      startsOn: addDays(today, -30),
      endsOn: addDays(today, 60),
      scheduleWeekday: '2',
      scheduleTime: '17:00',
    },
  });
  for (let i = 0; i < 25; i++) {
    const personId = await createPerson(t.db, {
      ...ctx,
      input: { givenName: `Testowa${i}`, familyName: 'Uczestniczka', legalBasis: 'consent' },
    });
    members.push(await addMember(t.db, { ...ctx, groupId, personId, joinedOn: addDays(today, -30) }));
  }
  sessionId = await addSession(t.db, {
    ...ctx,
    groupId,
    values: { startsOn: today, startsAt: '08:00', minutes: 120 },
  });
  const [row] = await t.db
    .select({ groupId: studyGroupFacilitators.groupId })
    .from(studyGroupFacilitators)
    .innerJoin(people, eq(people.id, studyGroupFacilitators.personId))
    .innerJoin(users, eq(users.id, people.userId))
    .where(eq(users.email, 'lider.poznan@splot.demo'));
  leaderGroupId = row!.groupId;
}, 240_000);
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'koordynator.poznan@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}

describe('groups pages', () => {
  it('lists the groups with the funder rule warning', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/education/groups');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Kurs testowy 25 osób');
    expect(text).toContain('Jeszcze nie spełnia warunków');
    expect(text).toContain('Warsztaty kulinarne w klubie');
  });

  it('shows a group with the rule in words, and every demo group has a schedule', async () => {
    const b = await signedIn();
    const text = pageText(await (await b.get(`/app/poznan/education/groups/${groupId}`)).text());
    expect(text).toMatch(
      /Grupa ma 25 członków, \d+ spotka\S+ i [\d,]+ godz\.; wymagane: co najmniej 3 członków, 3 spotkania i 9 godz\./,
    );
    expect(text).toContain('Folkbildningsrådet');
    expect(text).toContain('Wtorek, 17:00');
    const [unscheduled] = await t.db
      .select({ n: count() })
      .from(studyGroups)
      .where(isNull(studyGroups.scheduleWeekday));
    expect(unscheduled!.n).toBe(0);
  });

  it('refuses a new group in words, in Polish and in English', async () => {
    const b = await signedIn();
    const res = await b.post('/app/poznan/education/groups/new', {
      kind: 'self_education',
      name: '',
      startsOn: '1.12.2026',
      endsOn: '1.11.2026',
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Podaj nazwę grupy.');
    expect(text).toContain('Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.');
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const enText = pageText(
      await (
        await en.post('/app/poznan/education/groups/new', {
          kind: 'self_education',
          name: 'X',
          startsOn: '1.12.2026',
        })
      ).text(),
    );
    expect(enText).toContain('A self-education group is run by a qualified leader – choose the facilitator.');
  });

  it('refuses a session outside the dates, with the dates', async () => {
    const b = await signedIn();
    const res = await b.post(`/app/poznan/education/groups/${groupId}`, {
      intent: 'addSession',
      startsOn: addDays(today, 100),
      startsAt: '17:00',
      minutes: '120',
    });
    expect(res.status).toBe(422);
    const text = pageText(await res.text());
    expect(text).toMatch(
      /Spotkanie musi się odbyć w czasie trwania grupy: od \d+\.\d\d\.\d{4} do \d+\.\d\d\.\d{4}\./,
    );
  });
});

describe('facilitators', () => {
  it('refuses an unqualified facilitator of a self-education group and says what is missing', async () => {
    const ctx = await place('poznan');
    const personId = await createPerson(t.db, {
      ...ctx,
      input: { givenName: 'Nowa', familyName: 'Niekwalifikowana', legalBasis: 'consent' },
    });
    const b = await signedIn();
    const res = await b.post(`/app/poznan/education/groups/${leaderGroupId}`, {
      intent: 'addFacilitator',
      personId,
    });
    expect(res.status).toBe(422);
    const text = pageText(await res.text());
    expect(text).toContain('Ta osoba nie ma jeszcze kwalifikacji lidera');
    expect(text).toContain(
      'Nowa Niekwalifikowana nie ma kwalifikacji lidera i nie uczestniczy w żadnej grupie',
    );
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const enText = pageText(
      await (
        await en.post(`/app/poznan/education/groups/${leaderGroupId}`, { intent: 'addFacilitator', personId })
      ).text(),
    );
    expect(enText).toContain('This person is not a qualified leader yet');
    const rows = await t.db
      .select()
      .from(studyGroupFacilitators)
      .where(
        and(eq(studyGroupFacilitators.groupId, leaderGroupId), eq(studyGroupFacilitators.personId, personId)),
      );
    expect(rows).toHaveLength(0);
  });
});

describe('attendance', () => {
  it('takes attendance of 25 people in one POST without JavaScript, within 5 SQL statements', async () => {
    const b = await signedIn();
    const page = await b.get(`/app/poznan/education/groups/${groupId}/sessions/${sessionId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect((html.match(/type="radio"/g) ?? []).length).toBe(75);
    expect(pageText(html)).toContain('Zapisz obecność całej grupy');
    const fields: Record<string, string> = { intent: 'attendance' };
    members.forEach((m, i) => {
      fields[`a_${m}`] = i % 6 === 0 ? 'absent' : i % 8 === 0 ? 'excused' : 'present';
    });
    const res = await b.post(`/app/poznan/education/groups/${groupId}/sessions/${sessionId}`, fields);
    expect(res.status).toBe(302);
    expect(sqlStatements(res)).toBeGreaterThan(0);
    expect(sqlStatements(res)).toBeLessThanOrEqual(5);
    const saved = await t.db.select().from(studyAttendance).where(eq(studyAttendance.sessionId, sessionId));
    expect(saved).toHaveLength(25);
    const after = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(after).toContain('Zapisano obecność.');
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const enPage = pageText(
      await (await en.get(`/app/poznan/education/groups/${groupId}/sessions/${sessionId}`)).text(),
    );
    expect(enPage).toContain("Save the whole group's attendance");
    expect(enPage).toContain('Present');
    const enGroup = pageText(await (await en.get(`/app/poznan/education/groups/${groupId}`)).text());
    expect(enGroup).toMatch(/The group has 25 members/);
  });

  it('refuses a non-member and saves nothing, in Polish and English', async () => {
    const ctx = await place('poznan');
    const other = await createGroup(t.db, {
      ...ctx,
      values: { kind: 'leaders_course', name: 'Inna grupa', startsOn: addDays(today, -5) },
    });
    const personId = await createPerson(t.db, {
      ...ctx,
      input: { givenName: 'Obca', familyName: 'Osoba', legalBasis: 'consent' },
    });
    const stranger = await addMember(t.db, {
      ...ctx,
      groupId: other,
      personId,
      joinedOn: addDays(today, -5),
    });
    const s2 = await addSession(t.db, {
      ...ctx,
      groupId,
      values: { startsOn: today, startsAt: '06:00', minutes: 60 },
    });
    const b = await signedIn();
    const res = await b.post(`/app/poznan/education/groups/${groupId}/sessions/${s2}`, {
      intent: 'attendance',
      [`a_${members[0]}`]: 'present',
      [`a_${stranger}`]: 'present',
    });
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain(
      'Na liście jest osoba, która nie jest członkiem tej grupy. Nic nie zapisano',
    );
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const enRes = await en.post(`/app/poznan/education/groups/${groupId}/sessions/${s2}`, {
      intent: 'attendance',
      [`a_${stranger}`]: 'present',
    });
    expect(pageText(await enRes.text())).toContain(
      'The list includes someone who is not a member of this group.',
    );
    const saved = await t.db.select().from(studyAttendance).where(eq(studyAttendance.sessionId, s2));
    expect(saved).toHaveLength(0);
  });
});

describe('documents', () => {
  it('gives the attendance list as a real PDF, audited', async () => {
    const b = await signedIn();
    const res = await b.get(`/app/poznan/education/groups/${groupId}/sessions/${sessionId}/attendance.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'education.attendance.export'), eq(auditLog.entityId, sessionId)));
    expect(a!.n).toBe(1);
  });

  it('gives the register as a real XLSX with marks and totals', async () => {
    const b = await signedIn();
    const res = await b.get(`/app/poznan/education/groups/${groupId}/attendance.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Imię i nazwisko');
    const values = ws.getSheetValues().flat().map(String);
    expect(values).toContain('Uczestniczka Testowa1');
    expect(values).toContain('O');
    expect(values).toContain('N');
    expect(values).toContain('Razem obecnych');
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'education.attendance.export'), eq(auditLog.entityId, groupId)));
    expect(a!.n).toBe(1);
  });

  it("gives the group's calendar with stable UIDs and sequences", async () => {
    const b = await signedIn();
    const res = await b.get(`/app/poznan/education/groups/${groupId}/calendar.ics`);
    expect(res.status).toBe(200);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:study-session-${sessionId}@splot`);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('SUMMARY:Kurs testowy 25 osób');
  });
});

describe('a leader', () => {
  it('sees and runs only her own groups', async () => {
    const b = await signedIn('lider.poznan@splot.demo');
    const list = pageText(await (await b.get('/app/poznan/education/groups')).text());
    expect(list).not.toContain('Kurs testowy 25 osób');
    expect(list).toContain('Subskrybuj mój kalendarz');
    const own = await b.get(`/app/poznan/education/groups/${leaderGroupId}`);
    expect(own.status).toBe(200);
    expect(pageText(await own.text())).toContain('Sprawdź obecność');
    expect((await b.get(`/app/poznan/education/groups/${groupId}`)).status).toBe(403);
    expect((await b.get(`/app/poznan/education/groups/${groupId}/sessions/${sessionId}`)).status).toBe(403);
    const post = await b.post(`/app/poznan/education/groups/${groupId}/sessions/${sessionId}`, {
      intent: 'attendance',
      [`a_${members[0]}`]: 'absent',
    });
    expect(post.status).toBe(403);
    expect((await b.get('/app/poznan/education/groups/new')).status).toBe(403);
  });

  it('changes the schedule of her group, with errors in words', async () => {
    const b = await signedIn('lider.poznan@splot.demo');
    const bad = await b.post(`/app/poznan/education/groups/${leaderGroupId}`, {
      intent: 'schedule',
      scheduleWeekday: '3',
      scheduleTime: '25:99',
      scheduleMinutes: '90',
      scheduleEveryWeeks: '1',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Podaj godzinę w formacie GG:MM, np. 17:30.');
    const ok = await b.post(`/app/poznan/education/groups/${leaderGroupId}`, {
      intent: 'schedule',
      scheduleWeekday: '3',
      scheduleTime: '18:15',
      scheduleMinutes: '90',
      scheduleEveryWeeks: '2',
    });
    expect(ok.status).toBe(302);
    const text = pageText(await (await b.get(`/app/poznan/education/groups/${leaderGroupId}`)).text());
    expect(text).toContain('Środa, 18:15 · 90 min · co 2 tygodnie');
  });

  it('subscribes to her calendar at a secret URL that works without signing in', async () => {
    const b = await signedIn('lider.poznan@splot.demo');
    const res = await b.post('/app/poznan/education/groups', {});
    expect(res.status).toBe(200);
    const html = await res.text();
    const url = /https?:\/\/[^\s<"]+\/ics\/([A-Za-z0-9_-]+)\.ics/.exec(html);
    expect(url).not.toBeNull();
    const anonymous = new TestBrowser(app);
    const feed = await anonymous.get(`/ics/${url![1]}.ics`);
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).not.toContain('ATTENDEE');
    expect((await anonymous.get('/ics/not-a-real-token-at-all-xxxxxxxx.ics')).status).toBe(404);
    // Turned off: the address stops working at once.
    const off = await b.post('/app/poznan/education/groups', { intent: 'revokeFeed' });
    expect(pageText(await off.text())).toContain('Wyłączono. Dotychczasowy adres kalendarza już nie działa');
    expect((await anonymous.get(`/ics/${url![1]}.ics`)).status).toBe(404);
    const again = await b.post('/app/poznan/education/groups', { intent: 'revokeFeed' });
    expect(pageText(await again.text())).toContain('Nie masz włączonego kalendarza');
  });
});

describe('another locality', () => {
  it('answers 404 for a group of Poznań under Wągrowiec', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo');
    expect((await b.get(`/app/wagrowiec/education/groups/${groupId}`)).status).toBe(404);
    expect((await b.get(`/app/wagrowiec/education/groups/${groupId}/attendance.xlsx`)).status).toBe(404);
    const res = await b.post(`/app/wagrowiec/education/groups/${groupId}/sessions/${sessionId}`, {
      intent: 'attendance',
      [`a_${members[0]}`]: 'absent',
    });
    expect(res.status).toBe(404);
  });
});
