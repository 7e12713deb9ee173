import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import routes from '../../app/routes.ts';
import { auditLog, roadmapSteps } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
});
afterAll(async () => {
  await t.dispose();
});

const browser = () => new TestBrowser(app);

async function auditCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row!.n;
}

describe('health and metrics', () => {
  it('reports a healthy database and counts requests by route', async () => {
    const b = browser();
    const health = await b.get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    await b.get('/login');
    const metrics = await (await b.get('/metrics')).text();
    expect(metrics).toMatch(/http_requests_total\{route="\/login",method="GET",status="200"\} \d+/);
    expect(metrics).toContain('http_request_duration_seconds_bucket{route="/login",le="0.05"}');
  });

  it('gives every response a request id', async () => {
    const res = await browser().get('/login', { 'X-Request-Id': 'abc-12345678' });
    expect(res.headers.get('X-Request-Id')).toBe('abc-12345678');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('signing in', () => {
  it('says in Polish that the password is wrong, with status 401, and keeps the e-mail typed', async () => {
    const b = browser();
    await b.get('/login');
    const res = await b.post('/login', { email: 'koordynator.kwilcz@splot.demo', password: 'nie-to-haslo' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(pageText(html)).toContain('Adres e-mail lub hasło są błędne');
    expect(html).toContain('<title>Błąd: Logowanie – Splot</title>');
    expect(html).toContain('value="koordynator.kwilcz@splot.demo"');
  });

  it('explains missing and malformed fields next to each field, with status 400', async () => {
    const b = browser();
    await b.get('/login');
    const res = await b.post('/login', { email: 'nie-email', password: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(pageText(html)).toContain('Wpisz adres e-mail w postaci nazwa@domena.pl');
    expect(pageText(html)).toContain('Wpisz hasło');
    expect(html).toMatch(/id="f-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-email"/);
  });

  it('signs in, rotating the session, and lands on the locality dashboard', async () => {
    const b = browser();
    b.setCookie('splot_session', 'planted-by-an-attacker');
    await b.get('/login');
    const res = await b.post('/login', { email: 'koordynator.kwilcz@splot.demo', password: DEMO_PASSWORD });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('splot_session='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(b.cookie('splot_session')).not.toBe('planted-by-an-attacker');
    const home = await b.get('/app/kwilcz');
    expect(home.status).toBe(200);
    expect(pageText(await home.text())).toContain('Pulpit: Kwilcz');
  });

  it('sends a visitor who is not signed in to the login page and back afterwards', async () => {
    const b = browser();
    const res = await b.get('/app/kwilcz/roadmap');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/login?next=%2Fapp%2Fkwilcz%2Froadmap');
    await b.get('/login');
    const after = await b.post('/login', {
      email: 'koordynator.kwilcz@splot.demo',
      password: DEMO_PASSWORD,
      next: '/app/kwilcz/roadmap',
    });
    expect(after.headers.get('Location')).toBe('/app/kwilcz/roadmap');
  });

  it('never redirects off-site after login', async () => {
    const b = browser();
    await b.get('/login');
    const res = await b.post('/login', {
      email: 'koordynator.kwilcz@splot.demo',
      password: DEMO_PASSWORD,
      next: '//evil.example/x',
    });
    expect(res.headers.get('Location')).toBe('/app');
  });
});

describe('protection against forged and oversized requests', () => {
  it('refuses a POST with a forged CSRF token with 403, in the user language, writing nothing', async () => {
    const b = browser();
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const before = await auditCount();
    const res = await b.post(
      '/app/kwilcz/roadmap/local_partners',
      { status: 'done', evidenceNotes: 'x', version: '1' },
      { csrf: 'forged-token-forged-token-forged-token' },
    );
    expect(res.status).toBe(403);
    expect(pageText(await res.text())).toContain('Formularz wygasł albo nie pochodzi z tej strony');
    expect(await auditCount()).toBe(before);

    b.setCookie('splot_lang', 'en');
    const en = await b.post('/app/kwilcz/roadmap/local_partners', { status: 'done' }, { csrf: null });
    expect(en.status).toBe(403);
    expect(pageText(await en.text())).toContain('The form has expired or did not come from this site');
  });

  it('refuses a POST from another origin even with the token', async () => {
    const b = browser();
    await b.get('/login');
    const res = await b.post(
      '/login',
      { email: 'a@b.pl', password: 'x' },
      { headers: { Origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(403);
    expect(pageText(await res.text())).toContain('Formularz wygasł albo nie pochodzi z tej strony');
  });

  it('answers an oversized body with 413 and a readable page, never a stack trace', async () => {
    const b = browser();
    await b.get('/login');
    const res = await b.post('/login', { email: 'a@b.pl', password: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
    const text = pageText(await res.text());
    expect(text).toContain('Przesłane dane są za duże');
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('lets a material upload be larger than a form, but not without bound', async () => {
    const b = browser();
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const body = { title: 'Duży plik', description: 'x'.repeat(100_000) };
    // Past the form limit (64 KB in tests) yet within the upload limit: the app answers it.
    expect((await b.post('/app/kwilcz/education/materials/new', body)).status).not.toBe(413);
    expect((await b.post('/app/kwilcz/problems', body)).status).toBe(413);
    const huge = { title: 'Za duży', description: 'x'.repeat(300_000) };
    expect((await b.post('/app/kwilcz/education/materials/new', huge)).status).toBe(413);
  });
});

describe('tenancy', () => {
  it('walks every locality route as a user of another locality: 404, nothing shown or written', async () => {
    const b = browser();
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const paths = routes
      .map((r) => r.path)
      .filter((p): p is string => Boolean(p?.startsWith('app/') && p.includes(':locality')))
      .map((p) => `/${p.replace(':locality', 'poznan').replace(':stepKey', 'local_partners')}`);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    const before = await auditCount();
    for (const path of paths) {
      const get = await b.get(path);
      expect(get.status, `GET ${path}`).toBe(404);
      const text = pageText(await get.text());
      expect(text, path).toContain('Nie ma takiej strony');
      expect(text, path).not.toContain('Poznań');
      // Pages without a form answer 405 to any POST; pages with one must not reveal anything.
      const post = await b.post(path, { status: 'done', evidenceNotes: 'x', version: '1' });
      expect([403, 404, 405], `POST ${path}`).toContain(post.status);
      expect(pageText(await post.text()), path).not.toContain('Poznań');
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers an unknown locality with 404 even for a platform admin', async () => {
    const b = browser();
    await b.signIn('admin@splot.demo', DEMO_PASSWORD);
    expect((await b.get('/app/no-such-place')).status).toBe(404);
    expect((await b.get('/app/poznan')).status).toBe(200);
  });

  it('keeps platform administration from locality staff', async () => {
    const b = browser();
    await b.signIn('koordynator.poznan@splot.demo', DEMO_PASSWORD);
    for (const path of [
      '/admin',
      '/admin/localities',
      '/admin/localities/new',
      '/admin/users',
      '/admin/users/invite',
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(403);
      expect(pageText(await res.text())).toContain('Brak dostępu');
    }
  });
});

describe('the roadmap over HTTP', () => {
  it('updates a step from a plain form post and redirects with a message', async () => {
    const b = browser();
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const page = await (await b.get('/app/kwilcz/roadmap/local_partners')).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const res = await b.post('/app/kwilcz/roadmap/local_partners', {
      status: 'done',
      responsibleUserId: '',
      dueDate: '',
      doneOn: '',
      evidenceNotes: 'Porozumienie partnerskie podpisane przez 5 organizacji.',
      evidenceLinks: 'https://bip.example/porozumienie Porozumienie',
      version,
    });
    expect(res.status).toBe(302);
    const after = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(after).toContain('Zapisano zmiany kroku.');
    expect(after).toContain('zrealizowany');
  });

  it('shows a rule failure next to the field with 422 and saves nothing', async () => {
    const b = browser();
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const page = await (await b.get('/app/kwilcz/roadmap/leaders_trained')).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const res = await b.post('/app/kwilcz/roadmap/leaders_trained', {
      status: 'done',
      evidenceNotes: '',
      version,
    });
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain('Aby oznaczyć krok jako zrealizowany, opisz dowody');
    const [row] = await t.db
      .select({ status: roadmapSteps.status })
      .from(roadmapSteps)
      .where(
        sql`${roadmapSteps.stepKey} = 'leaders_trained' and ${roadmapSteps.localityId} = (select id from localities where slug = 'kwilcz')`,
      );
    expect(row!.status).toBe('not_started');
  });

  it('rejects a malformed date with a message, not a crash', async () => {
    const b = browser();
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const res = await b.post('/app/kwilcz/roadmap/leaders_trained', {
      status: 'in_progress',
      dueDate: '31.02.2027',
      version: '1',
    });
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain('Wpisz termin jako prawdziwą datę');
  });

  it('refuses a partner representative with 403', async () => {
    const b = browser();
    await b.signIn('partner.kwilcz@splot.demo', DEMO_PASSWORD);
    const page = pageText(await (await b.get('/app/kwilcz/roadmap/club_premises')).text());
    expect(page).toContain('Możesz przeglądać ten krok');
    const res = await b.post('/app/kwilcz/roadmap/club_premises', {
      status: 'done',
      evidenceNotes: 'x',
      version: '2',
    });
    expect(res.status).toBe(403);
  });

  it('renders the roadmap page with a bounded number of SQL statements', async () => {
    const b = browser();
    await b.signIn('koordynator.poznan@splot.demo', DEMO_PASSWORD);
    const res = await b.get('/app/poznan/roadmap');
    expect(res.status).toBe(200);
    const n = Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(6);
  });
});

describe('links from e-mail', () => {
  it('explains an unknown or expired reset link with 400', async () => {
    const res = await browser().get('/password/reset/this-is-not-a-token');
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain('To łącze do zmiany hasła wygasło albo zostało już użyte');
  });

  it('explains an unknown invitation with 404', async () => {
    const res = await browser().get('/invitation/this-is-not-a-token');
    expect(res.status).toBe(404);
    expect(pageText(await res.text())).toContain('Nie znamy tego zaproszenia');
  });

  it('sends the reset link by e-mail and the same answer for unknown addresses', async () => {
    const b = browser();
    await b.get('/password/forgot');
    const sentBefore = mail.sent.length;
    const known = await b.post('/password/forgot', { email: 'Animator.Kwilcz@splot.demo ' });
    const unknown = await b.post('/password/forgot', { email: 'nikt@splot.demo' });
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(302);
    expect(known.headers.get('Location')).toBe(unknown.headers.get('Location'));
    expect(mail.sent.length).toBe(sentBefore + 1);
    expect(mail.sent.at(-1)!.to).toBe('animator.kwilcz@splot.demo');
    const link = new URL(mail.lastLink()!);
    expect((await b.get(link.pathname)).status).toBe(200);
  });
});

describe('page weight', () => {
  it('sends no JavaScript with the informational public pages, and hydrates the app pages', async () => {
    for (const path of ['/', '/accessibility', '/privacy']) {
      const html = await (await browser().get(path)).text();
      expect(html, path).not.toContain('<script');
      expect(html, path).toContain('href="/accessibility"');
    }
    expect(await (await browser().get('/login')).text()).toContain('<script type="module"');
  });
});

describe('languages', () => {
  it('switches to English and remembers it', async () => {
    const b = browser();
    await b.get('/login');
    const res = await b.post('/lang', { lang: 'en', returnTo: '/login' });
    expect(res.status).toBe(302);
    const page = await (await b.get('/login')).text();
    expect(page).toContain('<html lang="en"');
    expect(pageText(page)).toContain('Forgotten your password?');
  });

  it('shows 404 pages in both languages', async () => {
    const pl = await browser().get('/nie-ma-takiej');
    expect(pl.status).toBe(404);
    expect(pageText(await pl.text())).toContain('Nie ma takiej strony');
    const b = browser();
    b.setCookie('splot_lang', 'en');
    expect(pageText(await (await b.get('/nothing-here')).text())).toContain('Page not found');
  });
});
