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

describe('a resident reports a problem on the public form (no account, no JavaScript)', () => {
  it('refuses a form sent by a bot, accepts a person’s, and shows it only after moderation', async () => {
    const resident = new TestBrowser(app);
    const form = await (await resident.get('/p/kwilcz/problems/new')).text();
    expect(form).not.toContain('<script');
    const shownAt = Number(/name="renderedAt" value="(\d+)"/.exec(form)![1]!);
    expect(Math.abs(shownAt - Date.now())).toBeLessThan(60_000);
    // A person takes a while to write: the form was shown 20 seconds before it is sent.
    const fields = {
      title: 'Brak świetlicy dla dzieci',
      description: 'Po szkole dzieci nie mają gdzie iść.',
      renderedAt: String(Date.now() - 20_000),
    };

    const bot = await resident.post('/p/kwilcz/problems/new', { ...fields, website: 'http://spam.example' });
    expect(bot.status).toBe(400);
    const tooFast = await resident.post('/p/kwilcz/problems/new', {
      ...fields,
      renderedAt: String(Date.now()),
    });
    expect(tooFast.status).toBe(400);
    expect(pageText(await tooFast.text())).toContain('Formularz wysłano zbyt szybko');
    const noConsent = await resident.post('/p/kwilcz/problems/new', {
      ...fields,
      contactEmail: 'mama@example.test',
    });
    expect(noConsent.status).toBe(400);
    expect(pageText(await noConsent.text())).toContain('Zaznacz zgodę na kontakt albo usuń adres e-mail');

    const ok = await resident.post('/p/kwilcz/problems/new', {
      ...fields,
      contactEmail: 'mama@example.test',
      consent: '1',
    });
    expect(ok.status).toBe(302);
    const list = pageText(await (await resident.get(ok.headers.get('Location')!)).text());
    expect(list).toContain('Dziękujemy. Zgłoszenie trafiło do zespołu');
    expect(list).not.toContain('Brak świetlicy dla dzieci');

    const coordinator = new TestBrowser(app);
    await coordinator.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const queue = await (await coordinator.get('/app/kwilcz/problems?status=pending')).text();
    expect(pageText(queue)).toContain('1 zgłoszenie mieszkańca czeka na moderację');
    expect(pageText(queue)).toContain('mama@example.test');
    const id = /name="id" value="([0-9a-f-]{36})"/.exec(queue)![1]!;
    expect(
      (await coordinator.post('/app/kwilcz/problems', { intent: 'status', id, to: 'open', note: '' })).status,
    ).toBe(302);

    const published = pageText(await (await new TestBrowser(app).get('/p/kwilcz/problems')).text());
    expect(published).toContain('Brak świetlicy dla dzieci');
    expect(published).not.toContain('mama@example.test');
  });

  it('answers an unknown locality with 404', async () => {
    expect((await new TestBrowser(app).get('/p/nie-ma/problems')).status).toBe(404);
  });

  it('hides residents’ contact details from a partner representative', async () => {
    const partner = new TestBrowser(app);
    await partner.signIn('partner.kwilcz@splot.demo', DEMO_PASSWORD);
    const page = pageText(await (await partner.get('/app/kwilcz/problems')).text());
    expect(page).toContain('Brak świetlicy dla dzieci');
    expect(page).not.toContain('mama@example.test');
  });
});
