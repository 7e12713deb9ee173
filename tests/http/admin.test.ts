import { and, like, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terytGminas } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeLocality } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();
let wagrowiecRural: { id: string };

beforeAll(async () => {
  t = await createDemoDatabase();
  // Enough localities that the list needs a search: the rural gmina next to the town of
  // Wągrowiec (same name), and sixty more from Wielkopolska.
  wagrowiecRural = await makeLocality(t.db, { terytCode: '3028072', slug: 'wagrowiec-gmina' });
  const more = await t.db
    .select({ code: terytGminas.code })
    .from(terytGminas)
    .where(
      and(
        like(terytGminas.code, '30%'),
        notInArray(terytGminas.code, ['3014022', '3028011', '3028072', '3064011']),
      ),
    )
    .limit(60);
  for (const g of more) await makeLocality(t.db, { terytCode: g.code, slug: `t-${g.code}` });
  app = await createTestApp(testServices(t.db, mail));
});
afterAll(async () => {
  await t.dispose();
});

async function admin(lang: 'pl' | 'en' = 'pl') {
  const b = new TestBrowser(app);
  b.setCookie('splot_lang', lang);
  await b.signIn('admin@splot.demo', DEMO_PASSWORD);
  return b;
}

const radios = (html: string) =>
  [...html.matchAll(/<input type="radio"[^>]*name="localityId"[^>]*>/g)].map((m) => m[0]);

describe('inviting a person: finding the locality without JavaScript', () => {
  it('offers the first 50 localities and asks to narrow the search', async () => {
    const html = await (await (await admin()).get('/admin/users/invite')).text();
    expect(radios(html)).toHaveLength(50);
    expect(pageText(html)).toContain(
      'Pokazano 50 pierwszych środowisk. Wpisz część nazwy, aby znaleźć inne.',
    );
  });

  it('finds localities by part of the name ignoring case and Polish letters, keeping what was typed', async () => {
    const b = await admin();
    const res = await b.get('/admin/users/invite?email=nowa%40example.org&role=coordinator&q=WAGROW');
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(radios(html)).toHaveLength(2);
    expect(text).toContain('Wągrowiec (gmina miejska), woj. wielkopolskie');
    expect(text).toContain('Wągrowiec (gmina wiejska), woj. wielkopolskie');
    expect(text).not.toContain('Kwilcz (');
    expect(text).not.toContain('Pokazano 50');
    expect(html).toContain('value="nowa@example.org"');
    expect(html).toMatch(/<option value="coordinator" selected="">/);
    expect(html).toContain('value="WAGROW"');
    // The CSRF token is sent only by the "send" button, never with a search.
    expect(html).toMatch(
      /<button[^>]*formMethod="post"[^>]*name="_csrf"|<button[^>]*name="_csrf"[^>]*formMethod="post"/i,
    );

    const none = pageText(await (await b.get('/admin/users/invite?q=zzzz')).text());
    expect(none).toContain('Żadne środowisko nie pasuje do „zzzz”.');
  });

  it('keeps the search and the choices when the form comes back with an error, then sends the invitation', async () => {
    const b = await admin();
    const url = '/admin/users/invite?q=w%C4%85gr';
    await b.get(url);
    const bad = await b.post(url, {
      email: 'nowa.gmina@example.org',
      localityId: wagrowiecRural.id,
      role: '',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(pageText(html)).toContain('Wybierz rolę');
    expect(html).toContain('value="nowa.gmina@example.org"');
    const checked = radios(html).filter((r) => r.includes('checked'));
    expect(checked).toHaveLength(1);
    expect(checked[0]).toContain(`value="${wagrowiecRural.id}"`);

    const sent = mail.sent.length;
    const ok = await b.post(url, {
      email: 'nowa.gmina@example.org',
      localityId: wagrowiecRural.id,
      role: 'coordinator',
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('Location')).toBe('/admin/users');
    expect(mail.sent.slice(sent).map((m) => m.to)).toEqual(['nowa.gmina@example.org']);
  });

  it('preselects the locality from the list of localities even when it is not among the first 50', async () => {
    const html = await (
      await (await admin()).get(`/admin/users/invite?locality=${wagrowiecRural.id}`)
    ).text();
    const checked = radios(html).filter((r) => r.includes('checked'));
    expect(checked).toHaveLength(1);
    expect(checked[0]).toContain(`value="${wagrowiecRural.id}"`);
  });

  it('speaks English to an English-speaking admin', async () => {
    const b = await admin('en');
    const text = pageText(await (await b.get('/admin/users/invite?q=wagrowiec')).text());
    expect(text).toContain('Find a locality by name');
    expect(text).toContain('Wągrowiec (rural municipality), wielkopolskie voivodeship');
    expect(pageText(await (await b.get('/admin/users/invite?q=zzzz')).text())).toContain(
      'No locality matches “zzzz”.',
    );
  });
});
