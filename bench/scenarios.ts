// Splot-specific bench scenarios that need data: a 5,000-row CSV import (valid, and with one bad
// row), a directory of 5,000 organisations to search, and a partnership of 60 members with 300
// commitments built through the app's own forms. Everything goes over HTTP, like a browser
// without JavaScript: CSRF cookie plus the hidden _csrf field, and an Origin header.
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { type HttpResponse, httpRequest } from './lib.ts';

/** The value of one cookie in a Cookie header string. */
function cookieValue(cookie: string, name: string): string {
  const hit = cookie.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  if (!hit) throw new Error(`no ${name} cookie in the session`);
  return hit.slice(name.length + 1);
}

/** The hidden _csrf field of a page; it must match the splot_csrf cookie (double submit). */
export function csrfField(html: string): string {
  const input = /<input[^>]*name="_csrf"[^>]*>/.exec(html)?.[0];
  const value = input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
  if (!value) throw new Error('the page has no hidden _csrf field');
  return value;
}

const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The options (value and label) of the first `<select name="…">` on a page, without the empty one. */
export function selectOptions(html: string, name: string): { value: string; label: string }[] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`the page has no <select name="${name}">`);
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)]
    .map((m) => ({ value: m[1]!, label: decodeHtml(m[2]!) }))
    .filter((o) => o.value !== '');
}

/** A signed-in browser without JavaScript: GETs and form POSTs on keep-alive connections. */
export class FormClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  readonly baseUrl: string;
  readonly cookie: string;
  readonly csrf: string;

  constructor(baseUrl: string, cookie: string) {
    this.baseUrl = baseUrl;
    this.cookie = cookie;
    this.csrf = cookieValue(cookie, 'splot_csrf');
  }

  get(pathname: string): Promise<HttpResponse> {
    return httpRequest(`${this.baseUrl}${pathname}`, {
      headers: { Cookie: this.cookie },
      agent: this.agent,
      timeoutMs: 30_000,
    });
  }

  /** GET that must answer 200. */
  async page(pathname: string): Promise<string> {
    const res = await this.get(pathname);
    if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}`);
    return res.body;
  }

  /** POST application/x-www-form-urlencoded with the CSRF token, as the app's forms do. */
  post(pathname: string, fields: Record<string, string>): Promise<HttpResponse> {
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields }).toString();
    return httpRequest(`${this.baseUrl}${pathname}`, {
      method: 'POST',
      headers: {
        Cookie: this.cookie,
        Origin: this.baseUrl,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(Buffer.byteLength(body)),
      },
      body,
      agent: this.agent,
      timeoutMs: 30_000,
    });
  }

  /** POST that must redirect (the app's answer to a saved form); returns the Location. */
  async submit(pathname: string, fields: Record<string, string>): Promise<string> {
    const res = await this.post(pathname, fields);
    if (res.status !== 302 && res.status !== 303) {
      throw new Error(`POST ${pathname} (${fields.intent ?? 'form'}) answered ${res.status}, not a redirect`);
    }
    return String(res.headers.location ?? '');
  }

  /**
   * POST multipart/form-data with one file, like the import form: the hidden _csrf field
   * (read from the form page, as a browser sends it) comes first, then the file.
   */
  postFile(
    pathname: string,
    csrf: string,
    file: { field: string; name: string; type: string; content: Buffer },
  ): Promise<HttpResponse> {
    const boundary = `----splotbench${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return httpRequest(`${this.baseUrl}${pathname}`, {
      method: 'POST',
      headers: {
        Cookie: this.cookie,
        Origin: this.baseUrl,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(body.length),
      },
      body,
      agent: this.agent,
      timeoutMs: 60_000,
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** How many organisations the directory lists (the caption of the unfiltered list). */
export async function directorySize(client: FormClient, slug: string): Promise<number> {
  const html = await client.page(`/app/${slug}/organisations`);
  const caption = /<caption>([\d\s\u00a0]+)[^<]*<\/caption>/.exec(html)?.[1];
  if (caption === undefined) throw new Error(`no count caption on /app/${slug}/organisations`);
  return Number(caption.replace(/\D/g, ''));
}

// ---------------------------------------------------------------------------------------------
// The CSV file.

/** A valid NIP (9 digits and the check digit) near a number; numbers whose check would be 10 are skipped. */
function nip(n: number): string {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (let k = n; ; k++) {
    const base = String(k).padStart(9, '0').slice(-9);
    const c = [...base].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11;
    if (c !== 10) return base + String(c);
  }
}

const PREFIXES: [name: string, kind: string][] = [
  ['Stowarzyszenie Przyjaciół', 'stowarzyszenie'],
  ['Fundacja Rozwoju', 'fundacja'],
  ['Spółdzielnia Socjalna', 'spółdzielnia socjalna'],
  ['Koło Gospodyń Wiejskich', 'inny'],
  ['Klub Sportowy', 'stowarzyszenie'],
  ['Usługi Remontowe', 'przedsiębiorstwo'],
  ['Fundacja Pomocy Sąsiedzkiej', 'fundacja'],
  ['Towarzystwo Miłośników', 'stowarzyszenie'],
];
const WORDS = [
  'Lipowa',
  'Słoneczna',
  'Zielona',
  'Łąkowa',
  'Źródlana',
  'Żeglarska',
  'Ogrodowa',
  'Wierzbowa',
  'Kasztanowa',
  'Górna',
  'Świerkowa',
  'Różana',
  'Polna',
  'Młyńska',
  'Jeżycka',
  'Wildecka',
  'Śródecka',
  'Łazarska',
  'Dębowa',
  'Brzozowa',
];

/** Terms a person would type in the directory's search box (with and without Polish letters). */
export const SEARCH_TERMS = [
  'lipowa',
  'SPÓŁDZIELNIA',
  'zrodlana',
  'fundacja rozwoju',
  'kolo gospodyn',
  'osrodek',
  'Klub',
  'nr 12',
  'Żeglarska',
  'brak takiej nazwy',
  'mlynska',
  'towarzystwo milosnikow',
  'nr 4321',
  'pomocy spoleczn',
];

/**
 * A CSV file of `rows` new organisations (`;`-separated UTF-8, as Excel's "CSV UTF-8" writes),
 * every row valid and distinct from the seeded directory and from files with another `suffix`
 * and `nipBase`. With `badLastRow`, the last row's NIP has a wrong check digit.
 */
export function organisationsCsv(opts: {
  rows: number;
  suffix: string;
  nipBase: number;
  badLastRow?: boolean;
}): Buffer {
  const lines = ['nazwa;rodzaj;nip;ulica;nr domu;kod pocztowy;miejscowość'];
  for (let i = 0; i < opts.rows; i++) {
    const [prefix, kind] = PREFIXES[i % PREFIXES.length]!;
    const word = WORDS[Math.floor(i / PREFIXES.length) % WORDS.length]!;
    const name = `${prefix} „${word}” nr ${i + 1}${opts.suffix}`;
    let id = i % 5 < 3 ? nip(opts.nipBase + i * 97) : '';
    if (opts.badLastRow && i === opts.rows - 1) {
      const good = nip(opts.nipBase + i * 97);
      id = good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
    }
    const postal = `6${String(i % 10)}-${String(100 + (i % 900)).padStart(3, '0')}`;
    lines.push(`${name};${kind};${id};ul. ${word};${(i % 120) + 1};${postal};Poznań`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// The partnership.

const COMMITMENTS: { kind: string; unit: string; text: string; perUnit: number }[] = [
  { kind: 'premises', unit: 'month', text: 'Użyczenie sali na spotkania', perUnit: 900 },
  { kind: 'volunteers', unit: 'hour', text: 'Wolontariusze przy wydarzeniach klubu', perUnit: 30 },
  { kind: 'money', unit: '', text: 'Darowizna na działania partnerstwa', perUnit: 0 },
  { kind: 'equipment', unit: 'piece', text: 'Przekazanie sprzętu do lokalu klubu', perUnit: 250 },
  { kind: 'expertise', unit: 'hour', text: 'Doradztwo specjalistów dla grup inicjatywnych', perUnit: 150 },
];

/**
 * Builds a partnership through the app's forms, as the coordinator: create it, add members from
 * the add-member list, designate a leader, record commitments (every third one then delivered).
 * Returns its page's path and how many POSTs it took.
 */
export async function buildPartnership(
  client: FormClient,
  opts: { slug: string; members: number; commitments: number; today: string },
): Promise<{ path: string; posts: number }> {
  let posts = 0;
  const base = `/app/${opts.slug}/partnerships`;
  const location = await client.submit(base, {
    name: `Partnerstwo testowe (bench ${opts.members}×${opts.commitments})`,
    aim: 'Partnerstwo zbudowane przez benchmark: wielu członków i zobowiązań.',
    formedOn: opts.today,
  });
  posts += 1;
  const path = new URL(location, client.baseUrl).pathname;
  if (!/\/partnerships\/[0-9a-f-]{36}$/.test(path))
    throw new Error(`creating the partnership led to ${location}`);

  // The add-member list shows 50 candidates at a time: take the first one each time.
  const chosen: { value: string }[] = [];
  while (chosen.length < opts.members) {
    const [next] = selectOptions(await client.page(path), 'organisationId');
    if (!next) throw new Error(`only ${chosen.length} organisations to add, ${opts.members} needed`);
    await client.submit(path, {
      intent: 'addMember',
      organisationId: next.value,
      role: 'partner',
      joinedOn: opts.today,
    });
    chosen.push(next);
    posts += 1;
  }
  await client.submit(path, {
    intent: 'designateLeader',
    leaderOrganisationId: chosen[0]!.value,
    decision: 'Uchwała nr 1 Zgromadzenia Partnerów',
    decidedOn: opts.today,
  });
  posts += 1;

  const members = selectOptions(await client.page(path), 'memberId');
  if (members.length !== opts.members)
    throw new Error(`${members.length} members on the page, expected ${opts.members}`);
  for (let i = 0; i < opts.commitments; i++) {
    const c = COMMITMENTS[i % COMMITMENTS.length]!;
    const quantity = c.kind === 'money' ? '' : String((i % 12) + 1);
    const value = c.kind === 'money' ? String(500 + (i % 20) * 250) : String(((i % 12) + 1) * c.perUnit);
    await client.submit(path, {
      intent: 'addCommitment',
      memberId: members[i % members.length]!.value,
      kind: c.kind,
      description: `${c.text} (${i + 1})`,
      quantity,
      unit: c.unit,
      valuePln: value,
      periodFrom: '',
      periodTo: '',
    });
    posts += 1;
  }
  const page = await client.page(path);
  // The page offers every promised commitment in one delivery form's list.
  const promised = selectOptions(page, 'commitmentId').map((o) => o.value);
  if (promised.length !== opts.commitments) {
    throw new Error(`${promised.length} commitments to deliver on the page, expected ${opts.commitments}`);
  }
  for (let i = 0; i < promised.length; i += 3) {
    await client.submit(path, {
      intent: 'deliverCommitment',
      commitmentId: promised[i]!,
      deliveredOn: opts.today,
    });
    posts += 1;
  }
  return { path, posts };
}

/**
 * Builds the partnership's programme of action through the programme's forms, as the
 * coordinator: goals, actions under each goal, tasks under each action, each task with a
 * responsible member organisation and a due date (every fifth one already past, so the page
 * flags overdue tasks), every fourth task done. Returns how many POSTs it took.
 */
export async function buildProgramme(
  client: FormClient,
  opts: {
    partnershipPath: string;
    goals: number;
    actionsPerGoal: number;
    tasksPerAction: number;
    today: string;
  },
): Promise<{ posts: number; tasks: number }> {
  const newPath = `${opts.partnershipPath}/programme/new`;
  const orgs = selectOptions(await client.page(`${newPath}?level=task`), 'responsibleOrganisationId').filter(
    (o) => o.value,
  );
  if (orgs.length === 0) throw new Error('the task form offers no responsible organisations');
  const idOf = (location: string) => {
    const m = /#item-([0-9a-f-]{36})$/.exec(location);
    if (!m) throw new Error(`saving a programme item led to ${location}`);
    return m[1]!;
  };
  const base = { description: '', responsibleUserId: '', indicatorName: '', indicatorUnit: '' };
  let posts = 0;
  let tasks = 0;
  for (let g = 0; g < opts.goals; g++) {
    const goalId = idOf(
      await client.submit(newPath, {
        ...base,
        level: 'goal',
        parentId: '',
        title: `Cel ${g + 1}: więcej miejsc pracy w ekonomii społecznej`,
        responsibleOrganisationId: '',
        startsOn: '',
        dueOn: '',
        status: 'in_progress',
        progress: '0',
        indicatorTarget: '',
        indicatorActual: '',
      }),
    );
    posts += 1;
    for (let a = 0; a < opts.actionsPerGoal; a++) {
      const actionId = idOf(
        await client.submit(newPath, {
          ...base,
          level: 'action',
          parentId: goalId,
          title: `Działanie ${g + 1}.${a + 1}: wsparcie grup inicjatywnych`,
          responsibleOrganisationId: orgs[(g + a) % orgs.length]!.value,
          startsOn: '',
          dueOn: '',
          status: 'in_progress',
          progress: '0',
          indicatorTarget: '',
          indicatorActual: '',
        }),
      );
      posts += 1;
      for (let k = 0; k < opts.tasksPerAction; k++) {
        const i = tasks;
        const done = i % 4 === 0;
        await client.submit(newPath, {
          ...base,
          level: 'task',
          parentId: actionId,
          title: `Zadanie ${g + 1}.${a + 1}.${k + 1}: spotkanie informacyjne w sołectwie`,
          responsibleOrganisationId: orgs[i % orgs.length]!.value,
          startsOn: daysBefore(opts.today, 60),
          dueOn: i % 5 === 0 ? daysBefore(opts.today, 7) : daysBefore(opts.today, -30 - (i % 60)),
          status: done ? 'done' : 'planned',
          progress: done ? '100' : String((i * 7) % 90),
          indicatorName: 'Osoby objęte wsparciem',
          indicatorUnit: 'osoby',
          indicatorTarget: String(10 + (i % 20)),
          indicatorActual: String(i % 15),
        });
        posts += 1;
        tasks += 1;
      }
    }
  }
  return { posts, tasks };
}

/** The ISO date `days` before `iso` (negative: after). */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
