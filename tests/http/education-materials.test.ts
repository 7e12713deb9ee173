import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, legalParameters, localities, materials } from '../../db/schema/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../../db/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let dataDir: string;
const previousDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  // Material files of this run go to a folder of their own (the seed and the app read DATA_DIR).
  dataDir = await mkdtemp(path.join(tmpdir(), 'splot-materials-http-'));
  process.env.DATA_DIR = dataDir;
  t = await createTestDatabase();
  await seedDemo(t.db);
  app = await createTestApp(testServices(t.db));
});
afterAll(async () => {
  await t.dispose();
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  await rm(dataDir, { recursive: true, force: true });
});

async function signedIn(email = 'koordynator.poznan@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}

/** Submits a multipart form like a browser without JavaScript, a file included. */
async function upload(
  b: TestBrowser,
  url: string,
  fields: Record<string, string | string[]>,
  file?: { name: string; type: string; bytes: Uint8Array },
) {
  const body = new FormData();
  body.set('_csrf', b.cookie('splot_csrf') ?? '');
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  if (file) body.set('file', new File([Buffer.from(file.bytes)], file.name, { type: file.type }));
  // TestBrowser speaks urlencoded forms only; its cookie jar is reused for the multipart one.
  const jar = b as unknown as { header(): string; remember(res: Response): void };
  const res = await b.fetch(
    new Request(`http://localhost${url}`, {
      method: 'POST',
      headers: { Cookie: jar.header(), Origin: 'http://localhost' },
      body,
    }),
  );
  jar.remember(res);
  return res;
}

async function materialId(slug: string, title: string) {
  const [row] = await t.db
    .select({ id: materials.id })
    .from(materials)
    .innerJoin(localities, eq(localities.id, materials.localityId))
    .where(and(eq(localities.slug, slug), eq(materials.title, title)));
  return row!.id;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const fields = {
  title: 'Budżet obywatelski — poradnik',
  description: 'Jak mieszkańcy zgłaszają projekty.',
  kind: 'document',
  language: 'pl',
  licence: 'CC BY 4.0',
  visibility: 'participants',
};

describe('programmes', () => {
  it('lists the leaders’ programme and shows its modules with hours and materials', async () => {
    const b = await signedIn();
    const list = pageText(await (await b.get('/app/poznan/education/programmes')).text());
    expect(list).toContain('Program edukacyjny dla liderów ekonomii społecznej');
    const html = await (await b.get('/app/poznan/education/programmes')).text();
    const id = /\/education\/programmes\/([0-9a-f-]{36})/.exec(html)![1]!;
    const page = pageText(await (await b.get(`/app/poznan/education/programmes/${id}`)).text());
    expect(page).toContain('Moduł 1. Podstawy ekonomii społecznej');
    expect(page).toContain('Budowanie lokalnych partnerstw');
    expect(page).toContain('7 modułów, razem 48 godz.');
    expect(page).toContain('Ekonomia społeczna w pigułce');
  });

  it('reorders modules without JavaScript and refuses a participant', async () => {
    const b = await signedIn();
    const html = await (await b.get('/app/poznan/education/programmes')).text();
    const id = /\/education\/programmes\/([0-9a-f-]{36})/.exec(html)![1]!;
    const detail = await (await b.get(`/app/poznan/education/programmes/${id}`)).text();
    const first = /id="module-([0-9a-f-]{36})"/.exec(detail)![1]!;
    const res = await b.post(`/app/poznan/education/programmes/${id}`, {
      intent: 'moveDown',
      moduleId: first,
    });
    expect(res.status).toBe(302);
    const after = pageText(await (await b.get(`/app/poznan/education/programmes/${id}`)).text());
    expect(after).toContain('Moduł 1. Budowanie lokalnych partnerstw');
    expect(after).toContain('Moduł 2. Podstawy ekonomii społecznej');
    const bad = await b.post(`/app/poznan/education/programmes/${id}`, {
      intent: 'addModule',
      title: 'Wizyta',
      plannedHours: 'dużo',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Liczba godzin to liczba większa od zera');
    const participant = await signedIn('uczestnik.poznan@splot.demo');
    expect((await participant.get('/app/poznan/education/programmes')).status).toBe(403);
    // Another locality's programme id: 404.
    const kw = await signedIn('koordynator.kwilcz@splot.demo');
    expect((await kw.get(`/app/kwilcz/education/programmes/${id}`)).status).toBe(404);
  });
  it('creates a programme and edits a module through a plain link and form', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo');
    const created = await b.post('/app/wagrowiec/education/programmes', {
      name: 'Klub seniora',
      description: '',
    });
    expect(created.status).toBe(302);
    const url = created.headers.get('Location')!;
    expect(pageText(await (await b.get(url)).text())).toContain(
      'Program został utworzony. Dodaj jego moduły.',
    );
    expect(
      (await b.post(url, { intent: 'addModule', title: 'Bezpieczeństwo w sieci', plannedHours: '1,5' }))
        .status,
    ).toBe(302);
    const page = await (await b.get(url)).text();
    expect(pageText(page)).toContain('1 moduł, razem 1,5 godz.');
    const moduleId = /id="module-([0-9a-f-]{36})"/.exec(page)![1]!;
    const editing = await (await b.get(`${url}?edit=${moduleId}`)).text();
    expect(editing.match(/id="f-title"/g)).toHaveLength(1);
    expect(
      (
        await b.post(url, {
          intent: 'updateModule',
          moduleId,
          title: 'Bezpieczny internet',
          objectives: 'Hasła',
          plannedHours: '2',
        })
      ).status,
    ).toBe(302);
    expect(pageText(await (await b.get(url)).text())).toContain('Moduł 1. Bezpieczny internet');
    const en = pageText(
      await (await (await signedIn('koordynator.wagrowiec@splot.demo', 'en')).get(url)).text(),
    );
    expect(en).toContain('1 module, in total 2 h');
  });
});

describe('the materials library', () => {
  it('searches ignoring Polish letters and case', async () => {
    const b = await signedIn();
    const text = pageText(await (await b.get('/app/poznan/education/materials?q=SPOLDZIELNIA')).text());
    expect(text).toContain('Spółdzielnia socjalna krok po kroku — prezentacja');
    expect(text).toContain('1 materiał');
    const all = pageText(await (await b.get('/app/poznan/education/materials')).text());
    expect(all).toContain('8 materiałów');
  });

  it('uploads a PDF without JavaScript and downloads the same bytes', async () => {
    const b = await signedIn();
    await b.get('/app/poznan/education/materials/new');
    const res = await upload(b, '/app/poznan/education/materials/new', fields, {
      name: 'budżet obywatelski.pdf',
      type: 'application/pdf',
      bytes: PDF,
    });
    expect(res.status).toBe(302);
    const to = res.headers.get('Location')!;
    const page = pageText(await (await b.get(to)).text());
    expect(page).toContain('Materiał został dodany do biblioteki.');
    expect(page).toContain('budżet obywatelski.pdf');
    const id = await materialId('poznan', fields.title);
    const [audit] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit!.n).toBe(1);
    const file = await b.get(`/app/poznan/education/materials/${id}/versions/1`);
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toBe('application/pdf');
    expect(file.headers.get('Content-Disposition')).toBe(
      `attachment; filename="budzet obywatelski.pdf"; filename*=UTF-8''bud%C5%BCet%20obywatelski.pdf`,
    );
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    // A second version.
    const v2 = await upload(
      b,
      `/app/poznan/education/materials/${id}`,
      { intent: 'version', note: 'nowa okładka' },
      {
        name: 'budzet-v2.pdf',
        type: 'application/pdf',
        bytes: PDF,
      },
    );
    expect(v2.status).toBe(302);
    expect(pageText(await (await b.get(`/app/poznan/education/materials/${id}`)).text())).toContain(
      'Dodano wersję 2.',
    );
    expect((await b.get(`/app/poznan/education/materials/${id}/versions/3`)).status).toBe(404);
  });

  it('deletes a material with its files only when confirmed; the audit log keeps the title and file names', async () => {
    const b = await signedIn();
    const title = 'Materiał do usunięcia';
    await b.get('/app/poznan/education/materials/new');
    const res = await upload(
      b,
      '/app/poznan/education/materials/new',
      { ...fields, title },
      { name: 'pomylka.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(res.status).toBe(302);
    const id = await materialId('poznan', title);
    const url = `/app/poznan/education/materials/${id}`;
    expect((await b.get(`${url}/versions/1`)).status).toBe(200);

    const unconfirmed = await b.post(url, { intent: 'delete' });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(await unconfirmed.text())).toContain('Zaznacz potwierdzenie, aby usunąć materiał');
    expect((await b.get(`${url}/versions/1`)).status).toBe(200);

    // A participant may not delete it.
    const participant = await signedIn('uczestnik.poznan@splot.demo');
    expect((await participant.post(url, { intent: 'delete', confirm: 'on' })).status).toBe(403);

    const deleted = await b.post(url, { intent: 'delete', confirm: 'on' });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get('Location')).toBe('/app/poznan/education/materials');
    const list = pageText(await (await b.get('/app/poznan/education/materials')).text());
    expect(list).toContain(`Usunięto materiał „${title}”.`);
    expect((await b.get(url)).status).toBe(404);
    expect((await b.get(`${url}/versions/1`)).status).toBe(404);
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'education.material.deleted'), eq(auditLog.entityId, id)));
    expect(entry!.details).toMatchObject({ title, files: ['pomylka.pdf'] });
  });

  it('adds a link, refusing an address that is not http or https, and edits who sees it', async () => {
    const b = await signedIn();
    await b.get('/app/poznan/education/materials/new');
    const bad = await upload(b, '/app/poznan/education/materials/new', {
      ...fields,
      title: 'Strona OWES',
      kind: 'link',
      url: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Adres musi zaczynać się od https:// lub http://');
    const ok = await upload(b, '/app/poznan/education/materials/new', {
      ...fields,
      title: 'Strona OWES',
      kind: 'link',
      url: 'https://owes.example.pl/',
    });
    expect(ok.status).toBe(302);
    const id = await materialId('poznan', 'Strona OWES');
    const edit = await b.post(`/app/poznan/education/materials/${id}`, {
      intent: 'update',
      title: 'Strona OWES',
      description: '',
      language: 'pl',
      licence: '',
      visibility: 'public',
      url: 'https://owes.example.pl/',
    });
    expect(edit.status).toBe(302);
    expect(pageText(await (await new TestBrowser(app).get('/p/poznan/materials')).text())).toContain(
      'Strona OWES',
    );
  });

  it('refuses a forbidden type and a fake PDF, in Polish and in English, storing nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(materials))[0]!.n;
    const b = await signedIn();
    const exe = await upload(
      b,
      '/app/poznan/education/materials/new',
      { ...fields, title: 'Program' },
      {
        name: 'program.exe',
        type: 'application/x-msdownload',
        bytes: new TextEncoder().encode('MZ\u0090'),
      },
    );
    expect(exe.status).toBe(400);
    expect(pageText(await exe.text())).toContain(
      'Tego rodzaju pliku nie można dodać. Dozwolone rodzaje: PDF, DOCX, ODT, PPTX, ODP, PNG, JPG, TXT.',
    );
    const fake = await upload(
      b,
      '/app/poznan/education/materials/new',
      { ...fields, title: 'Fałszywy' },
      {
        name: 'umowa.pdf',
        type: 'application/pdf',
        bytes: new TextEncoder().encode('<html>nie pdf</html>'),
      },
    );
    expect(fake.status).toBe(400);
    expect(pageText(await fake.text())).toContain('Zawartość pliku nie jest plikiem PDF');
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const exeEn = await upload(
      en,
      '/app/poznan/education/materials/new',
      { ...fields, title: 'Program' },
      {
        name: 'program.exe',
        type: 'application/x-msdownload',
        bytes: new TextEncoder().encode('MZ'),
      },
    );
    expect(pageText(await exeEn.text())).toContain('This kind of file cannot be added.');
    expect((await t.db.select({ n: count() }).from(materials))[0]!.n).toBe(before);
  });

  it('refuses a participant a staff-only material, and lets them read theirs', async () => {
    const staffOnly = await materialId('poznan', 'Notatki trenera: ocena postępów liderów');
    const forParticipants = await materialId('poznan', 'Zasady grupy samokształceniowej');
    const p = await signedIn('uczestnik.poznan@splot.demo');
    expect((await p.get(`/app/poznan/education/materials/${staffOnly}`)).status).toBe(404);
    expect((await p.get(`/app/poznan/education/materials/${staffOnly}/versions/1`)).status).toBe(404);
    const list = pageText(await (await p.get('/app/poznan/education/materials')).text());
    expect(list).not.toContain('Notatki trenera');
    expect(list).not.toContain('Drzewo problemów');
    expect(list).toContain('Zasady grupy samokształceniowej');
    const file = await p.get(`/app/poznan/education/materials/${forParticipants}/versions/1`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('ZASADY NASZEJ GRUPY');
    expect((await p.get('/app/poznan/education/materials/new')).status).toBe(403);
    expect(
      (await p.post(`/app/poznan/education/materials/${forParticipants}`, { intent: 'update', title: 'x' }))
        .status,
    ).toBe(403);
    const leader = pageText(
      await (await (await signedIn('lider.poznan@splot.demo')).get('/app/poznan/education/materials')).text(),
    );
    expect(leader).toContain('Drzewo problemów');
    expect(leader).not.toContain('Notatki trenera');
  });

  it('shows the public only public materials', async () => {
    const anon = new TestBrowser(app);
    const res = await anon.get('/p/poznan/materials');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Ekonomia społeczna w pigułce');
    expect(text).toContain('Ustawa o ekonomii społecznej');
    expect(text).not.toContain('Karta pracy');
    expect(text).not.toContain('Notatki trenera');
    const pub = await materialId('poznan', 'Ekonomia społeczna w pigułce');
    const file = await anon.get(`/p/poznan/materials/${pub}/file`);
    expect(file.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const staffOnly = await materialId('poznan', 'Notatki trenera: ocena postępów liderów');
    expect((await anon.get(`/p/poznan/materials/${staffOnly}/file`)).status).toBe(404);
    expect((await anon.get('/p/nowhere/materials')).status).toBe(404);
  });

  it('refuses a file over the size limit with both sizes in MB, in Polish and English', async () => {
    // A stricter limit from today (the test server's body limit is 64 KB).
    await t.db.insert(legalParameters).values({
      key: 'education.materialFiles',
      value: { maxBytes: 30_720, types: ['application/pdf', 'text/plain'] },
      validFrom: '2026-01-02',
      source: 'test',
      verified: true,
    });
    const big = new Uint8Array(40_000).fill(0x20);
    big.set(PDF);
    const b = await signedIn();
    const res = await upload(b, '/app/poznan/education/materials/new', fields, {
      name: 'duzy.pdf',
      type: 'application/pdf',
      bytes: big,
    });
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain(
      'Plik jest za duży (0,04 MB). Największy dozwolony rozmiar to 0,03 MB.',
    );
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const resEn = await upload(en, '/app/poznan/education/materials/new', fields, {
      name: 'big.pdf',
      type: 'application/pdf',
      bytes: big,
    });
    expect(pageText(await resEn.text())).toContain(
      'The file is too large (0.04 MB). The largest allowed size is 0.03 MB.',
    );
  });
});
