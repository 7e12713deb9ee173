import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
});
afterAll(async () => {
  await t.dispose();
});

describe('building a partnership in Wągrowiec without JavaScript', () => {
  it('sets up the partnership, adds a member, designates the leader, and the roadmap shows it', async () => {
    const b = new TestBrowser(app);
    await b.signIn('koordynator.wagrowiec@splot.demo', DEMO_PASSWORD);
    const bad = await b.post('/app/wagrowiec/partnerships', { name: '' });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz nazwę partnerstwa');
    const created = await b.post('/app/wagrowiec/partnerships', {
      name: 'Partnerstwo Wągrowieckie',
      aim: 'Praca dla każdego',
      formedOn: '1.10.2026',
    });
    expect(created.status).toBe(302);
    const url = created.headers.get('Location')!;
    const page = await (await b.get(url)).text();
    const orgId =
      /<option value="([0-9a-f-]{36})">Miejski Ośrodek Pomocy Społecznej w Wągrowcu<\/option>/.exec(
        page,
      )![1]!;
    expect(
      (
        await b.post(url, {
          intent: 'addMember',
          organisationId: orgId,
          role: 'partner',
          joinedOn: '1.10.2026',
        })
      ).status,
    ).toBe(302);
    const late = await b.post(url, {
      intent: 'designateLeader',
      leaderOrganisationId: orgId,
      decision: 'Uchwała nr 1',
      decidedOn: '1.01.2099',
    });
    expect(late.status).toBe(422);
    expect(pageText(await late.text())).toContain('Data decyzji nie może być późniejsza niż dziś');
    expect(
      (
        await b.post(url, {
          intent: 'designateLeader',
          leaderOrganisationId: orgId,
          decision: 'Uchwała nr 1',
          decidedOn: '2.10.2026',
        })
      ).status,
    ).toBe(302);
    const after = pageText(await (await b.get(url)).text());
    expect(after).toContain(
      'Miejski Ośrodek Pomocy Społecznej w Wągrowcu — Uchwała nr 1, 2 października 2026 r.',
    );
    // The demo seed already has a partnership in Wągrowiec, led by the same MOPS since an earlier
    // decision: the roadmap shows the earliest designation and counts every partnership's organisations.
    const roadmap = pageText(await (await b.get('/app/wagrowiec/roadmap')).text());
    expect(roadmap).toMatch(
      /Organizacja lider: Miejski Ośrodek Pomocy Społecznej w Wągrowcu \(Uchwała nr 1\/\d{4} Zgromadzenia Partnerów, \d{1,2}\.\d{2}\.\d{4}\)/,
    );
    expect(roadmap).toContain('9 organizacji w partnerstwie');

    const pdf = await b.get(`${url}/agreement/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Content-Disposition')).toContain("filename*=UTF-8''Porozumienie%20partnerskie");
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const docx = await b.get(`${url}/agreement/docx`);
    expect(new Uint8Array(await docx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const missing = await b.get(`${url}/agreement/odt`);
    expect(missing.status).toBe(404);
    expect(pageText(await missing.text())).toContain('Nie ma takiej strony');
  });

  it('shows the partnership to a partner representative without the coordinator’s controls', async () => {
    const b = new TestBrowser(app);
    await b.signIn('przedsiebiorstwo.wagrowiec@splot.demo', DEMO_PASSWORD);
    const list = await (await b.get('/app/wagrowiec/partnerships')).text();
    expect(pageText(list)).toContain('Partnerstwo Wągrowieckie');
    expect(pageText(list)).not.toContain('Załóż partnerstwo');
    expect((await b.post('/app/wagrowiec/partnerships', { name: 'Moje' })).status).toBe(403);
  });
});
