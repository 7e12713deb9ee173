// npm run bench: start-up time, memory, roadmap latency and throughput of the production server,
// measured in one run and printed as a table of figures (not pass/fail tests).
// Exit code: 0 = all figures measured (targets may be missed); 1 = the bench could not run;
// 2 = it ran but a check failed (SQL count varied, failed requests, unclean shutdown).
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../db/client.ts';
import { CASCADE_BENCH, type CascadeBench, checkCascadePage, seedCascadeDatabase } from './cascade.ts';
import { checkInitiativeBoard, INITIATIVES_BENCH, seedInitiativeBoardScale } from './initiatives-board.ts';
import {
  atCleanup,
  cleanUp,
  describeExit,
  fmt,
  httpRequest,
  installCleanupHandlers,
  interrupted,
  makeTempDir,
  median,
  message,
  percentile,
  ROOT,
  type Row,
  readCpuMs,
  readRssBytes,
  removeTempDir,
  renderTable,
  type Service,
  stopService,
  targetRow,
} from './lib.ts';
import { autocannon, type CannonResult, type OpenLoopResult, openLoop, SQL_TIMING } from './load.ts';
import {
  checkParticipantPage,
  checkParticipantSearch,
  PARTICIPANT_SEARCH_TERMS,
  seedParticipantDatabase,
} from './participants.ts';
import {
  buildPartnership,
  buildProgramme,
  csrfField,
  directorySize,
  FormClient,
  organisationsCsv,
  SEARCH_TERMS,
} from './scenarios.ts';
import {
  checkPage,
  createBenchDatabase,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  ROADMAP_PATH,
  signIn,
  startHello,
  startSplot,
} from './splot.ts';
import { benchStatusRecheck } from './status-recheck.ts';

const FRESH_STARTS = 2;
const RESTARTS = 3;
const IDLE_MS = 5_000;
const RATE_PER_SEC = 50;
const WARMUP_MS = 2_000;
const LOAD_MS = 10_000;
const CANNON = { connections: 10, durationSec: 8, warmupSec: 2 };
/** The directory, the import and the partnership page: their own targets and rates. */
const IMPORT_ROWS = 5_000;
const IMPORT_MAX_MS = 10_000;
const SEARCH = { ratePerSec: 25, p95MaxMs: 100 };
const PARTNERSHIP = { members: 60, commitments: 300, ratePerSec: 10, p95MaxMs: 80, sqlMax: 10 };
/** The programme on that partnership: 5 goals × 6 actions × 10 tasks = 300 tasks. */
const PROGRAMME = { goals: 5, actionsPerGoal: 6, tasksPerAction: 10 };
/** Requests one at a time (closed loop): the page's own cost, without queueing behind other requests. */
const SEQUENTIAL = 20;
const LOCALITY = 'poznan';
/** Issue 4: search among 50,000 participants of one locality, and one participant's full page. */
const PARTICIPANTS = {
  count: 50_000,
  search: { ratePerSec: 25, p95MaxMs: 100, sqlMax: null },
  page: { ratePerSec: 10, p95MaxMs: 80, sqlMax: 12 },
  /** The term of the throughput run (autocannon takes one URL). */
  cannonTerm: 'kowalsk',
};
/** Issue 5: the cascade page of a locality with 5 generations and 2,000 people. */
const CASCADE = { people: 2_000, page: { ratePerSec: 10, p95MaxMs: 150, sqlMax: 6 } };
/** Issue 5: taking attendance for a 25-person session in one request. */
const ATTENDANCE = { requests: 30, sqlMax: 5 };
/** `npm run bench -- participants`: only the figures whose name is given (none: all). */
const ONLY = new Set(process.argv.slice(2));
const SCENARIOS = ['participants', 'cascade', 'enterprises'];
/** Issue 6: the pipeline board with 500 initiatives; re-checking 1,000 enterprises' status. */
const ENTERPRISES = {
  initiatives: 500,
  board: { ratePerSec: 10, p95MaxMs: 100, sqlMax: 8 },
  enterprises: 1_000,
  recheckMaxMs: 5_000,
};

const rows: Row[] = [];
/** Failed checks (not missed targets): they make the exit code 2. */
const problems: string[] = [];
const notes: string[] = [];
let shutdownsOk = 0;
let shutdownsTotal = 0;

function step(text: string): void {
  console.log(`› ${text}`);
}

function loud(text: string): void {
  const bar = '!'.repeat(Math.min(100, text.length + 8));
  console.log(`\n${bar}\n!!! ${text}\n${bar}\n`);
}

async function stopChecked(svc: Service): Promise<void> {
  const exit = await stopService(svc);
  shutdownsTotal += 1;
  const timedOut = exit.timedOut ? ' (did not stop in time: killed)' : '';
  step(`  SIGTERM ${svc.label}: ${describeExit(exit)} after ${fmt.ms(exit.ms)}${timedOut}`);
  if (exit.code === 0 && !exit.timedOut) shutdownsOk += 1;
  else problems.push(`${svc.label}: SIGTERM gave ${describeExit(exit)}${timedOut}; expected exit code 0`);
}

async function memoryOf(svc: Service): Promise<number> {
  const rss = readRssBytes(svc.pid);
  if (rss !== null) return rss;
  const metrics = await httpRequest(`${svc.baseUrl}/metrics`);
  const line = /^process_resident_memory_bytes (\d+)/m.exec(metrics.body)?.[1];
  if (!line) throw new Error('no /proc/<pid>/status and no process_resident_memory_bytes in /metrics');
  return Number(line);
}

/** Open-loop load on the roadmap page: a warm-up, then the measured run. */
async function roadmapLatency(svc: Service, label: string): Promise<void> {
  const cookie = await signIn(svc.baseUrl, DEMO_EMAIL, DEMO_PASSWORD);
  await checkPage(svc.baseUrl, ROADMAP_PATH, cookie);
  const url = `${svc.baseUrl}${ROADMAP_PATH}`;
  const headers = { Cookie: cookie };
  step(`  warm-up: ${RATE_PER_SEC} req/s for ${WARMUP_MS / 1000} s`);
  await openLoop({ url, headers, ratePerSec: RATE_PER_SEC, durationMs: WARMUP_MS });
  step(`  measuring: ${RATE_PER_SEC} req/s for ${LOAD_MS / 1000} s (open loop)`);
  const r = await openLoop({ url, headers, ratePerSec: RATE_PER_SEC, durationMs: LOAD_MS });
  reportLatency(label, r, { ratePerSec: RATE_PER_SEC, p95MaxMs: 50, sqlMax: 6 });
}

/** Latency rows of an open-loop run against its targets (p95, SQL statements per request). */
function reportLatency(
  label: string,
  r: OpenLoopResult,
  target: { ratePerSec: number; p95MaxMs: number; sqlMax: number | null },
): void {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(r.latencies, p)) as [number, number, number];
  const max = Math.max(...r.latencies);
  step(
    `  ${r.latencies.length} responses in ${fmt.s(r.elapsedMs)}: p50 ${fmt.ms(p50)}, p95 ${fmt.ms(p95)}, ` +
      `p99 ${fmt.ms(p99)}, max ${fmt.ms(max)}; generator lag max ${fmt.ms(r.maxSendLagMs)}`,
  );
  const at = `@ ${target.ratePerSec} req/s, ${r.sent} req`;
  rows.push({ metric: `${label} latency p50 ${at}`, value: fmt.ms(p50), target: '—', result: 'info' });
  rows.push(
    targetRow(`${label} latency p95 ${at}`, p95, fmt.ms(p95), {
      max: target.p95MaxMs,
      shown: `${target.p95MaxMs} ms`,
    }),
  );
  rows.push({ metric: `${label} latency p99 ${at}`, value: fmt.ms(p99), target: '—', result: 'info' });
  // The bench's own timer running late means the whole box stalled (other processes, GC):
  // those stalls are in the latencies too, as they should be, but say so.
  rows.push({
    metric: `${label}: worst delay of the load generator`,
    value: fmt.ms(r.maxSendLagMs),
    target: '—',
    result: r.maxSendLagMs > 1000 / target.ratePerSec ? 'info: box busy' : 'info',
  });

  const ok200 = r.statuses.get(200) ?? 0;
  const failed = r.sent - ok200;
  const detail = [
    ...[...r.statuses].filter(([s]) => s !== 200).map(([s, n]) => `HTTP ${s}×${n}`),
    ...(r.errors.length ? [`errors×${r.errors.length} (${[...new Set(r.errors)].join('; ')})`] : []),
  ].join(', ');
  rows.push({
    metric: `${label} requests not answered 200`,
    value: `${failed} of ${r.sent}`,
    target: '0',
    result: failed === 0 ? 'ok' : 'FAILED',
  });
  if (failed > 0) {
    loud(`${label}: ${failed} of ${r.sent} requests failed: ${detail}`);
    problems.push(`${label}: ${failed} of ${r.sent} requests not answered 200 (${detail})`);
  }

  const counts = [...r.sqlCounts].sort((a, b) => a[0] - b[0]);
  const metric = `${label}: SQL statements per request`;
  const only = counts.length === 1 ? counts[0]![0] : null;
  const sqlTarget = target.sqlMax === null ? 'constant' : `≤ ${target.sqlMax}`;
  if (only === -1) {
    rows.push({ metric, value: 'no Server-Timing header', target: sqlTarget, result: 'FAILED' });
    loud(`${label}: responses carry no Server-Timing "sql statements" figure`);
    problems.push(`${label}: no Server-Timing db;desc="sql statements" header`);
  } else if (only !== null) {
    const shown = `${only} (all ${r.latencies.length})`;
    rows.push(
      target.sqlMax === null
        ? { metric, value: shown, target: sqlTarget, result: 'ok' }
        : targetRow(metric, only, shown, { max: target.sqlMax, shown: String(target.sqlMax) }),
    );
  } else if (counts.length > 1) {
    const shown = counts.map(([n, c]) => `${n < 0 ? 'none' : n}×${c}`).join(', ');
    rows.push({
      metric,
      value: `VARIES: ${shown}`,
      target: target.sqlMax === null ? 'constant' : `≤ ${target.sqlMax}, constant`,
      result: 'FAILED',
    });
    loud(`${label}: SQL statements per request DIFFER between requests: ${shown} (statements×requests)`);
    problems.push(`${label}: SQL statements per request differ between requests: ${shown}`);
  }
}

/** Today in Warsaw as YYYY-MM-DD (the app's "today" for date fields). */
function todayInWarsaw(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

/**
 * Imports a 5,000-row CSV file through the import form, timed from the start of the upload to
 * the end of the answer, and checks all or nothing: a valid file answers 302 and adds every row;
 * a file with one bad row at the end answers 422, names that row, and adds nothing.
 */
async function importFigures(client: FormClient): Promise<void> {
  const importPath = `/app/${LOCALITY}/organisations/import`;
  const cases = [
    { label: 'valid', suffix: '', nipBase: 600_000_000, bad: false, status: 302, grows: IMPORT_ROWS },
    { label: 'one bad row at the end', suffix: ' B', nipBase: 700_000_000, bad: true, status: 422, grows: 0 },
  ] as const;
  for (const c of cases) {
    const file = organisationsCsv({
      rows: IMPORT_ROWS,
      suffix: c.suffix,
      nipBase: c.nipBase,
      badLastRow: c.bad,
    });
    const before = await directorySize(client, LOCALITY);
    const form = await client.page(importPath);
    const csrf = csrfField(form);
    if (csrf !== client.csrf)
      throw new Error('the import form’s _csrf field differs from the splot_csrf cookie');
    step(
      `  POST ${importPath}: ${IMPORT_ROWS.toLocaleString('en-US')} rows (${c.label}), ${Math.round(file.length / 1024)} KB`,
    );
    const started = performance.now();
    const res = await client.postFile(importPath, csrf, {
      field: 'file',
      name: 'organizacje.csv',
      type: 'text/csv',
      content: file,
    });
    const ms = performance.now() - started;
    const after = await directorySize(client, LOCALITY);
    const grew = after - before;
    // The bad row is the file's last line: the header is line 1, so row n is on line n + 1.
    const namesLine = !c.bad || new RegExp(`<td[^>]*>${IMPORT_ROWS + 1}</td>`).test(res.body);
    step(`  HTTP ${res.status} after ${fmt.s(ms)}; directory ${before} → ${after}`);
    const metric = `Import of a ${IMPORT_ROWS.toLocaleString('en-US')}-row CSV, ${c.label} (HTTP ${c.status}, directory +${c.grows.toLocaleString('en-US')})`;
    rows.push(targetRow(metric, ms, fmt.s(ms), { max: IMPORT_MAX_MS, shown: `${IMPORT_MAX_MS / 1000} s` }));
    if (res.status !== c.status || grew !== c.grows || !namesLine) {
      const text =
        `import (${c.label}): HTTP ${res.status} (expected ${c.status}), directory grew by ${grew} ` +
        `(expected ${c.grows})${namesLine ? '' : `, the answer does not name line ${IMPORT_ROWS + 1}`}`;
      rows.push({
        metric: `Import (${c.label}): all or nothing`,
        value: text,
        target: 'as expected',
        result: 'FAILED',
      });
      loud(text);
      problems.push(text);
    }
  }
}

/** Open-loop load on a set of URLs of the app, as the given session: a warm-up, then the measured run. */
async function pageLatency(
  svc: Service,
  cookie: string,
  pathOf: (i: number) => string,
  label: string,
  target: { ratePerSec: number; p95MaxMs: number; sqlMax: number | null },
  opts: { cpu?: 'app and PGlite' | 'app only' } = {},
): Promise<void> {
  await checkPage(svc.baseUrl, pathOf(0), cookie);
  const url = (i: number) => `${svc.baseUrl}${pathOf(i)}`;
  const headers = { Cookie: cookie };
  step(`  warm-up: ${target.ratePerSec} req/s for ${WARMUP_MS / 1000} s`);
  await openLoop({ url, headers, ratePerSec: target.ratePerSec, durationMs: WARMUP_MS });
  step(
    `  measuring: ${target.ratePerSec} req/s for ${LOAD_MS / 1000} s (open loop); load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  const cpuBefore = readCpuMs(svc.pid);
  const r = await openLoop({ url, headers, ratePerSec: target.ratePerSec, durationMs: LOAD_MS });
  const cpuAfter = readCpuMs(svc.pid);
  reportLatency(label, r, target);
  if (opts.cpu && cpuBefore !== null && cpuAfter !== null && r.sent > 0) {
    // The server's own CPU per request: a figure that a busy machine hardly changes, unlike latency.
    const perRequest = (cpuAfter - cpuBefore) / r.sent;
    step(`  server CPU ${fmt.ms(perRequest)} per request (${opts.cpu})`);
    rows.push({
      metric: `${label}: server process CPU per request (${opts.cpu}; load average ${os.loadavg()[0]!.toFixed(1)})`,
      value: fmt.ms(perRequest),
      target: '—',
      result: 'info',
    });
  }
}

/** 6–8. The import, the directory search with 5,000 more organisations, and a large partnership's page. */
async function dataFigures(svc: Service): Promise<void> {
  const cookie = await signIn(svc.baseUrl, DEMO_EMAIL, DEMO_PASSWORD);
  const client = new FormClient(svc.baseUrl, cookie);
  try {
    step(`CSV import into /app/${LOCALITY}/organisations as ${DEMO_EMAIL}`);
    await importFigures(client);

    const size = await directorySize(client, LOCALITY);
    step(
      `directory search: ${size} organisations in ${LOCALITY}, ${SEARCH_TERMS.length} different terms in turn`,
    );
    await pageLatency(
      svc,
      cookie,
      (i) => `/app/${LOCALITY}/organisations?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}`,
      `Directory search (${size.toLocaleString('en-US')} organisations)`,
      { ratePerSec: SEARCH.ratePerSec, p95MaxMs: SEARCH.p95MaxMs, sqlMax: null },
    );

    step(
      `building a partnership of ${PARTNERSHIP.members} members and ${PARTNERSHIP.commitments} commitments ` +
        'through the app’s forms',
    );
    const started = performance.now();
    const built = await buildPartnership(client, {
      slug: LOCALITY,
      members: PARTNERSHIP.members,
      commitments: PARTNERSHIP.commitments,
      today: todayInWarsaw(),
    });
    const buildMs = performance.now() - started;
    step(`  ${built.posts} form POSTs in ${fmt.s(buildMs)}: ${built.path}`);
    rows.push({
      metric: `Partnership (${PARTNERSHIP.members} members, ${PARTNERSHIP.commitments} commitments) built through the forms: ${built.posts} POSTs, one at a time`,
      value: `${fmt.s(buildMs)} (${fmt.ms(buildMs / built.posts)} each)`,
      target: '—',
      result: 'info',
    });
    step('building its programme of action through the programme forms');
    const progStarted = performance.now();
    const programme = await buildProgramme(client, {
      partnershipPath: built.path,
      ...PROGRAMME,
      today: todayInWarsaw(),
    });
    const progMs = performance.now() - progStarted;
    step(`  ${programme.posts} form POSTs in ${fmt.s(progMs)}: ${programme.tasks} tasks`);
    rows.push({
      metric: `Programme of action (${programme.tasks} tasks) built through the forms: ${programme.posts} POSTs, one at a time`,
      value: `${fmt.s(progMs)} (${fmt.ms(progMs / programme.posts)} each)`,
      target: '—',
      result: 'info',
    });
    const label = `Partnership page (${PARTNERSHIP.members} members, ${PARTNERSHIP.commitments} commitments, ${programme.tasks} tasks)`;
    step(`partnership page, ${SEQUENTIAL} requests one at a time: ${built.path} as ${DEMO_EMAIL}`);
    const single: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t0 = performance.now();
      const res = await client.get(built.path);
      single.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`GET ${built.path} answered ${res.status}`);
      bytes = Buffer.byteLength(res.body);
    }
    step(
      `  median ${fmt.ms(median(single))}, max ${fmt.ms(Math.max(...single))}; ${Math.round(bytes / 1024)} KB of HTML`,
    );
    rows.push({
      metric: `${label}, one request at a time (${SEQUENTIAL} req): median, max; page size`,
      value: `${fmt.ms(median(single))}, ${fmt.ms(Math.max(...single))}; ${Math.round(bytes / 1024)} KB`,
      target: '—',
      result: 'info',
    });
    step(`partnership page latency: ${built.path} as ${DEMO_EMAIL}`);
    await pageLatency(svc, cookie, () => built.path, label, PARTNERSHIP);
    const programmePath = `${built.path}/programme`;
    step(`programme page latency: ${programmePath} as ${DEMO_EMAIL}`);
    await pageLatency(
      svc,
      cookie,
      () => programmePath,
      `Programme page (${programme.tasks} tasks in ${PROGRAMME.goals} goals)`,
      { ...PARTNERSHIP, p95MaxMs: 150 },
    );
  } finally {
    client.close();
  }
}

/**
 * Issue 4 on one database: seeds the bench locality (50,000 participants, one full record)
 * before the server starts, checks what search and the page show, then times the search with
 * varied terms and the participant's page under evenly paced load. On PGlite also the search's
 * throughput (for the ratio to the bare node:http server, measured later with nothing else running).
 */
async function participantFigures(opts: {
  kind: 'PGlite' | 'PostgreSQL';
  logDir: string;
  databaseUrl?: string;
  throughput: boolean;
}): Promise<CannonResult | null> {
  const dataDir = makeTempDir('participants');
  step(
    `participants on ${opts.kind}: seeding ${PARTICIPANTS.count.toLocaleString('en-US')} participants and one full record (bulk SQL)`,
  );
  const bench = await seedParticipantDatabase({
    dataDir,
    databaseUrl: opts.databaseUrl,
    participants: PARTICIPANTS.count,
  });
  step(`  seeded in ${fmt.s(bench.seedMs)}`);
  rows.push({
    metric: `Participants (${opts.kind}): seeding ${PARTICIPANTS.count.toLocaleString('en-US')} participants with bulk SQL`,
    value: fmt.s(bench.seedMs),
    target: '—',
    result: 'info',
  });
  const { svc, startupMs } = await startSplot({
    label: `participants-${opts.kind.toLowerCase()}`,
    dataDir,
    logDir: opts.logDir,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    timeoutMs: 60_000,
  });
  step(`  server healthy after ${fmt.s(startupMs)}`);
  let cannon: CannonResult | null = null;
  const cpu = opts.databaseUrl ? ('app only' as const) : ('app and PGlite' as const);
  try {
    const cookie = await signIn(svc.baseUrl, bench.coordinatorEmail, DEMO_PASSWORD);
    const client = new FormClient(svc.baseUrl, cookie);
    try {
      const size = await checkParticipantSearch(client, bench.slug);
      const base = `/app/${bench.slug}/participants`;
      const terms = PARTICIPANT_SEARCH_TERMS;
      step(
        `participant search: ${size} participants in ${bench.slug}, ${terms.length} different terms in turn`,
      );
      const searchLabel = `Participant search, ${opts.kind} (${size.toLocaleString('en-US')} participants, ${terms.length} terms)`;
      const oneByOne: number[] = [];
      for (let i = 0; i < 2 * terms.length; i++) {
        const t0 = performance.now();
        const res = await client.get(`${base}?q=${encodeURIComponent(terms[i % terms.length]!)}`);
        oneByOne.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`GET ${base} answered ${res.status}`);
      }
      step(`  one at a time: median ${fmt.ms(median(oneByOne))}, p95 ${fmt.ms(percentile(oneByOne, 95))}`);
      rows.push({
        metric: `${searchLabel}, one request at a time (${oneByOne.length} req): median, p95, max`,
        value: `${fmt.ms(median(oneByOne))}, ${fmt.ms(percentile(oneByOne, 95))}, ${fmt.ms(Math.max(...oneByOne))}`,
        target: '—',
        result: 'info',
      });
      await pageLatency(
        svc,
        cookie,
        (i) => `${base}?q=${encodeURIComponent(terms[i % terms.length]!)}`,
        searchLabel,
        PARTICIPANTS.search,
        { cpu },
      );
      const pagePath = `${base}/${bench.recordId}`;
      const label = `Participant page, ${opts.kind} (plan, 20 advice sessions, 3 referrals, club)`;
      // A page that fails is a failed check, not the end of the bench: the other figures still count.
      try {
        const bytes = await checkParticipantPage(client, pagePath);
        step(`participant page, ${SEQUENTIAL} requests one at a time: ${pagePath}`);
        const single: number[] = [];
        for (let i = 0; i < SEQUENTIAL; i++) {
          const t0 = performance.now();
          const res = await client.get(pagePath);
          single.push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`GET ${pagePath} answered ${res.status}`);
        }
        step(
          `  median ${fmt.ms(median(single))}, max ${fmt.ms(Math.max(...single))}; ${Math.round(bytes / 1024)} KB`,
        );
        rows.push({
          metric: `${label}, one request at a time (${SEQUENTIAL} req): median, max; page size`,
          value: `${fmt.ms(median(single))}, ${fmt.ms(Math.max(...single))}; ${Math.round(bytes / 1024)} KB`,
          target: '—',
          result: 'info',
        });
        await pageLatency(svc, cookie, () => pagePath, label, PARTICIPANTS.page, { cpu });
      } catch (error) {
        const text = `${label}: ${message(error)}`;
        rows.push({ metric: label, value: message(error), target: 'HTTP 200', result: 'FAILED' });
        loud(text);
        problems.push(text);
      }
      if (opts.throughput) {
        const url = `${svc.baseUrl}${base}?q=${encodeURIComponent(PARTICIPANTS.cannonTerm)}`;
        const cannonOpts = { connections: CANNON.connections, url, headers: { Cookie: cookie } };
        step(
          `participant search throughput: autocannon -c ${CANNON.connections} -d ${CANNON.durationSec} "${PARTICIPANTS.cannonTerm}"`,
        );
        await autocannon({ ...cannonOpts, durationSec: CANNON.warmupSec });
        cannon = await autocannon({ ...cannonOpts, durationSec: CANNON.durationSec });
        step(`  ${fmt.rps(cannon.reqPerSec)} (${cannon.total} requests; p50 ${cannon.latencyP50Ms} ms)`);
        if (cannon.non2xx + cannon.errors + cannon.timeouts > 0) {
          const text = `autocannon on participant search: non-2xx ${cannon.non2xx}, errors ${cannon.errors}, timeouts ${cannon.timeouts}`;
          loud(text);
          problems.push(text);
        }
      }
    } finally {
      client.close();
    }
  } finally {
    await stopChecked(svc);
    removeTempDir(dataDir);
  }
  return cannon;
}

/** The search's throughput against the bare node:http server's, same autocannon settings. */
function participantRatioRows(search: CannonResult, hello: CannonResult): void {
  const settings = `autocannon -c ${CANNON.connections} -d ${CANNON.durationSec}`;
  rows.push({
    metric: `Participant search "${PARTICIPANTS.cannonTerm}" throughput (PGlite), ${settings}`,
    value: fmt.rps(search.reqPerSec),
    target: '—',
    result: 'info',
  });
  const ratio = search.reqPerSec / hello.reqPerSec;
  rows.push({
    metric: 'Throughput ratio participant search / hello-world',
    value: `1/${(1 / ratio).toFixed(1)}`,
    target: '—',
    result: 'info',
  });
}

/**
 * Issue 5: seeds a cascade of 5 generations and 2,000 people (bulk SQL) before the server starts,
 * checks that the cascade page shows every generation, then times it one request at a time and
 * under evenly paced load (p95 target, SQL statements per request from Server-Timing).
 */
async function cascadeFigures(opts: {
  kind: 'PGlite' | 'PostgreSQL';
  logDir: string;
  databaseUrl?: string;
}): Promise<void> {
  const dataDir = makeTempDir('cascade');
  step(
    `cascade on ${opts.kind}: seeding 5 generations, ${CASCADE.people.toLocaleString('en-US')} people (bulk SQL)`,
  );
  const bench = await seedCascadeDatabase({ dataDir, databaseUrl: opts.databaseUrl, people: CASCADE.people });
  step(
    `  seeded in ${fmt.s(bench.seedMs)}: ${bench.people} people, ${bench.leaders} leaders, ${bench.groups} groups, ${bench.generations} generations`,
  );
  rows.push({
    metric: `Cascade (${opts.kind}): seeding ${bench.people} people, ${bench.leaders} leaders, ${bench.groups} groups with bulk SQL`,
    value: fmt.s(bench.seedMs),
    target: '—',
    result: 'info',
  });
  const { svc, startupMs } = await startSplot({
    label: `cascade-${opts.kind.toLowerCase()}`,
    dataDir,
    logDir: opts.logDir,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    timeoutMs: 60_000,
  });
  step(`  server healthy after ${fmt.s(startupMs)}`);
  const cpu = opts.databaseUrl ? ('app only' as const) : ('app and PGlite' as const);
  const label = `Cascade page, ${opts.kind} (${bench.generations} generations, ${bench.people.toLocaleString('en-US')} people, ${bench.leaders} leaders)`;
  try {
    const cookie = await signIn(svc.baseUrl, bench.coordinatorEmail, DEMO_PASSWORD);
    const client = new FormClient(svc.baseUrl, cookie);
    try {
      const pagePath = `/app/${CASCADE_BENCH.slug}/education/cascade`;
      const bytes = await checkCascadePage(client, pagePath, bench.generations);
      step(`cascade page, ${SEQUENTIAL} requests one at a time: ${pagePath}`);
      const single: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) {
        const t0 = performance.now();
        const res = await client.get(pagePath);
        single.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`GET ${pagePath} answered ${res.status}`);
      }
      step(
        `  median ${fmt.ms(median(single))}, max ${fmt.ms(Math.max(...single))}; ${Math.round(bytes / 1024)} KB`,
      );
      rows.push({
        metric: `${label}, one request at a time (${SEQUENTIAL} req): median, max; page size`,
        value: `${fmt.ms(median(single))}, ${fmt.ms(Math.max(...single))}; ${Math.round(bytes / 1024)} KB`,
        target: '—',
        result: 'info',
      });
      await pageLatency(svc, cookie, () => pagePath, label, CASCADE.page, { cpu });
      await attendanceFigure(client, bench, opts.kind);
    } catch (error) {
      const text = `${label}: ${message(error)}`;
      rows.push({ metric: label, value: message(error), target: 'HTTP 200', result: 'FAILED' });
      loud(text);
      problems.push(text);
    } finally {
      client.close();
    }
  } finally {
    await stopChecked(svc);
    removeTempDir(dataDir);
  }
}

/**
 * Issue 5: a leader takes attendance for a 25-person session in one POST (present, absent,
 * excused in turn, changing each time); SQL statements per request from Server-Timing, and the
 * latency of the POST one at a time. The session page must then show the last statuses.
 */
async function attendanceFigure(client: FormClient, bench: CascadeBench, kind: string): Promise<void> {
  const { groupId, sessionId, memberIds } = bench.attendance;
  const pagePath = `/app/${CASCADE_BENCH.slug}/education/groups/${groupId}/sessions/${sessionId}`;
  const STATUSES = ['present', 'absent', 'excused'] as const;
  const times: number[] = [];
  const sqlCounts: number[] = [];
  step(`attendance for ${memberIds.length} members, ${ATTENDANCE.requests} POSTs one at a time: ${pagePath}`);
  let last: Record<string, string> = {};
  for (let i = 0; i < ATTENDANCE.requests; i++) {
    const fields: Record<string, string> = { intent: 'attendance' };
    memberIds.forEach((id, j) => {
      fields[`a_${id}`] = STATUSES[(i + j) % STATUSES.length]!;
    });
    last = fields;
    const t0 = performance.now();
    const res = await client.post(pagePath, fields);
    times.push(performance.now() - t0);
    if (res.status !== 302 && res.status !== 303)
      throw new Error(`POST ${pagePath} answered ${res.status} (expected a redirect)`);
    const timing = res.headers['server-timing'];
    const n = SQL_TIMING.exec(Array.isArray(timing) ? timing.join(', ') : (timing ?? ''))?.[1];
    if (n === undefined) throw new Error(`POST ${pagePath}: no Server-Timing "sql statements" figure`);
    sqlCounts.push(Number(n));
  }
  // What the leader sees afterwards: every member with the status sent last.
  const html = await client.page(pagePath);
  const checked = (html.match(/<input[^>]*checked[^>]*>/g) ?? []).filter((tag) => /name="a_/.test(tag));
  const shown = new Map(
    checked.map((tag) => [/name="a_([^"]+)"/.exec(tag)?.[1], /value="([^"]+)"/.exec(tag)?.[1]]),
  );
  const wrong = memberIds.filter((id) => shown.get(id) !== last[`a_${id}`]);
  if (wrong.length > 0)
    throw new Error(`after the POSTs the session page shows ${wrong.length} members with another status`);
  const maxSql = Math.max(...sqlCounts);
  step(`  median ${fmt.ms(median(times))}, p95 ${fmt.ms(percentile(times, 95))}; SQL per POST: ${maxSql}`);
  rows.push(
    targetRow(
      `Attendance for ${memberIds.length} members in one POST (${kind}): SQL statements per request (max of ${ATTENDANCE.requests})`,
      maxSql,
      String(maxSql),
      { max: ATTENDANCE.sqlMax, shown: String(ATTENDANCE.sqlMax) },
    ),
  );
  rows.push({
    metric: `Attendance for ${memberIds.length} members in one POST (${kind}), one at a time: median, p95`,
    value: `${fmt.ms(median(times))}, ${fmt.ms(percentile(times, 95))}`,
    target: '—',
    result: 'info',
  });
}

/**
 * Issue 6 on PGlite: the initiatives board of a locality with 500 initiatives (seeded with bulk
 * SQL before the server starts; checked, then timed under evenly paced load), and the status
 * re-check of 1,000 enterprises after a parameter change (in-process, as the admin form runs it).
 */
async function enterprisesFigures(logDir: string): Promise<void> {
  const dataDir = makeTempDir('initiatives');
  step(`initiatives board: seeding ${ENTERPRISES.initiatives} initiatives (bulk SQL)`);
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  let bench: Awaited<ReturnType<typeof seedInitiativeBoardScale>>;
  try {
    await handle.migrate();
    bench = await seedInitiativeBoardScale(handle.db, { initiatives: ENTERPRISES.initiatives });
  } finally {
    await handle.close();
  }
  step(`  seeded: ${bench.initiatives} initiatives, ${bench.founders} founders`);
  const { svc, startupMs } = await startSplot({ label: 'initiatives', dataDir, logDir, timeoutMs: 60_000 });
  step(`  server healthy after ${fmt.s(startupMs)}`);
  const label = `Initiatives board, PGlite (${bench.initiatives} initiatives)`;
  try {
    const cookie = await signIn(svc.baseUrl, bench.coordinatorEmail, DEMO_PASSWORD);
    const client = new FormClient(svc.baseUrl, cookie);
    try {
      const pagePath = `/app/${INITIATIVES_BENCH.slug}/initiatives`;
      const bytes = await checkInitiativeBoard(client, pagePath);
      step(`  board checked: ${Math.round(bytes / 1024)} KB`);
      await pageLatency(svc, cookie, () => pagePath, label, ENTERPRISES.board, { cpu: 'app and PGlite' });
    } catch (error) {
      rows.push({ metric: label, value: message(error), target: 'HTTP 200', result: 'FAILED' });
      loud(`${label}: ${message(error)}`);
      problems.push(`${label}: ${message(error)}`);
    } finally {
      client.close();
    }
  } finally {
    await stopChecked(svc);
    removeTempDir(dataDir);
  }

  step(
    `status re-check: ${ENTERPRISES.enterprises.toLocaleString('en-US')} enterprises with members and jobs`,
  );
  const recheckDir = makeTempDir('status');
  const db = await openDatabase({ pgliteDir: path.join(recheckDir, 'pglite') });
  try {
    await db.migrate();
    const today = new Date().toISOString().slice(0, 10);
    const r = await benchStatusRecheck(db.db, { today, count: ENTERPRISES.enterprises });
    step(
      `  seeded in ${fmt.s(r.seedMs)}; first check ${fmt.ms(r.firstRecheckMs)}; after the parameter change ${fmt.ms(r.recheckMs)} (${r.failingBefore} → ${r.failingAfter} failing, ${r.mails} e-mails)`,
    );
    rows.push(
      targetRow(
        `Re-checking the status rules of ${r.enterprises.toLocaleString('en-US')} enterprises (${r.members.toLocaleString('en-US')} members, ${r.jobs.toLocaleString('en-US')} jobs) after a parameter change, PGlite`,
        r.recheckMs,
        fmt.ms(r.recheckMs),
        { max: ENTERPRISES.recheckMaxMs, shown: fmt.ms(ENTERPRISES.recheckMaxMs) },
      ),
    );
    rows.push({
      metric: 'Status re-check: enterprises failing before → after the change; coordinators told',
      value: `${r.failingBefore} → ${r.failingAfter}; ${r.mails} e-mail(s)`,
      target: '—',
      result: 'info',
    });
  } finally {
    await db.close();
    removeTempDir(recheckDir);
  }
}

/** `npm run bench -- cascade`: issue 5's cascade figure on PGlite (and PostgreSQL with DATABASE_URL). */
async function cascadeOnly(logDir: string): Promise<void> {
  await cascadeFigures({ kind: 'PGlite', logDir });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    rows.push({
      metric: 'Cascade figure on PostgreSQL',
      value: 'skipped',
      target: '—',
      result: 'no DATABASE_URL',
    });
    return;
  }
  const database = await createBenchDatabase(adminUrl);
  const unregister = atCleanup(database.drop);
  step(`PostgreSQL: created ${database.name} for the cascade figure`);
  try {
    await cascadeFigures({ kind: 'PostgreSQL', logDir, databaseUrl: database.url });
  } finally {
    unregister();
    await database.drop();
    step(`  dropped ${database.name}`);
  }
}

/** `npm run bench -- participants`: issue 4's figures on PGlite (and PostgreSQL with DATABASE_URL). */
async function participantsOnly(logDir: string): Promise<void> {
  const search = await participantFigures({ kind: 'PGlite', logDir, throughput: true });
  step(
    `hello-world throughput (bench/hello.ts): autocannon -c ${CANNON.connections} -d ${CANNON.durationSec}`,
  );
  const hello = await startHello(logDir);
  const helloUrl = `${hello.baseUrl}/`;
  const cannon = { connections: CANNON.connections, url: helloUrl };
  await autocannon({ ...cannon, durationSec: CANNON.warmupSec });
  const helloCannon = await autocannon({ ...cannon, durationSec: CANNON.durationSec });
  step(`  ${fmt.rps(helloCannon.reqPerSec)}`);
  await stopChecked(hello);
  rows.push({
    metric: `node:http hello-world throughput, autocannon -c ${CANNON.connections} -d ${CANNON.durationSec}`,
    value: fmt.rps(helloCannon.reqPerSec),
    target: '—',
    result: 'info',
  });
  if (search) participantRatioRows(search, helloCannon);
  await participantsOnPostgres(logDir);
}

async function participantsOnPostgres(logDir: string): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    rows.push({
      metric: 'Participant figures on PostgreSQL',
      value: 'skipped',
      target: '—',
      result: 'no DATABASE_URL',
    });
    return;
  }
  const database = await createBenchDatabase(adminUrl);
  const unregister = atCleanup(database.drop);
  step(`PostgreSQL: created ${database.name} for the participant figures`);
  try {
    await participantFigures({ kind: 'PostgreSQL', logDir, databaseUrl: database.url, throughput: false });
  } finally {
    unregister();
    await database.drop();
    step(`  dropped ${database.name}`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'build/server/index.js'))) {
    throw new Error('build/server/index.js is missing: run `npm run bench` (it builds first)');
  }
  const cpus = os.cpus();
  console.log(
    `Splot bench: Node ${process.version}, ${cpus.length} CPU (${cpus[0]?.model.trim() ?? '?'}), ` +
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}\n`,
  );
  const logDir = makeTempDir('logs');
  const unknown = [...ONLY].filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  if (ONLY.size > 0) {
    if (ONLY.has('participants')) await participantsOnly(logDir);
    if (ONLY.has('cascade')) await cascadeOnly(logDir);
    if (ONLY.has('enterprises')) await enterprisesFigures(logDir);
    rows.push({
      metric: 'Clean shutdown on SIGTERM (exit code 0)',
      value: `${shutdownsOk} of ${shutdownsTotal}`,
      target: 'all',
      result: shutdownsOk === shutdownsTotal ? 'ok' : 'FAILED',
    });
    return;
  }

  // 2. First start with seeding, on an empty DATA_DIR. The first one's directory is kept for 1.
  const freshTimes: number[] = [];
  let seededDir = '';
  for (let i = 1; i <= FRESH_STARTS; i++) {
    const dataDir = makeTempDir('data');
    step(`first start with seeding on an empty DATA_DIR (${i}/${FRESH_STARTS})`);
    const { svc, startupMs } = await startSplot({ label: `fresh-${i}`, dataDir, logDir, timeoutMs: 90_000 });
    freshTimes.push(startupMs);
    step(`  healthy after ${fmt.s(startupMs)}`);
    await stopChecked(svc);
    if (i === 1) seededDir = dataDir;
    else removeTempDir(dataDir);
  }

  // 1. Start on the existing database; the last start stays up for the other figures.
  const restartTimes: number[] = [];
  let app: Service | null = null;
  for (let i = 1; i <= RESTARTS; i++) {
    step(`start on the existing PGlite database (${i}/${RESTARTS})`);
    const { svc, startupMs } = await startSplot({
      label: `restart-${i}`,
      dataDir: seededDir,
      logDir,
      timeoutMs: 30_000,
    });
    restartTimes.push(startupMs);
    step(`  healthy after ${fmt.s(startupMs)}`);
    if (i < RESTARTS) await stopChecked(svc);
    else app = svc;
  }
  const restartMedian = median(restartTimes);
  rows.push(
    targetRow(
      `Start to healthy, existing PGlite DB (median of ${RESTARTS})`,
      restartMedian,
      `${fmt.s(restartMedian)} (${restartTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
      { max: 3_000, shown: '3 s' },
    ),
  );
  const freshMedian = median(freshTimes);
  rows.push(
    targetRow(
      `First start with seeding, empty DATA_DIR (median of ${FRESH_STARTS})`,
      freshMedian,
      `${fmt.s(freshMedian)} (${freshTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
      { max: 20_000, shown: '20 s' },
    ),
  );
  if (!app) throw new Error('no running server');

  // 3. Memory, idle.
  step(`idle ${IDLE_MS / 1000} s, then resident memory of pid ${app.pid}`);
  await sleep(IDLE_MS);
  const idleRss = await memoryOf(app);
  step(`  RSS ${fmt.mb(idleRss)}`);
  rows.push(
    targetRow(`RSS of the app on PGlite, idle ${IDLE_MS / 1000} s after start`, idleRss, fmt.mb(idleRss), {
      max: 400e6,
      shown: '400 MB',
    }),
  );

  // 4. Roadmap latency under open-loop load.
  step(`roadmap latency on PGlite: ${ROADMAP_PATH} as ${DEMO_EMAIL}`);
  await roadmapLatency(app, 'Roadmap (PGlite)');

  // 5. Throughput: the roadmap page vs a bare node:http hello-world, same autocannon settings.
  const cookie = await signIn(app.baseUrl, DEMO_EMAIL, DEMO_PASSWORD);
  const cannon = { connections: CANNON.connections, durationSec: CANNON.durationSec };
  const settings = `autocannon -c ${CANNON.connections} -d ${CANNON.durationSec}`;
  step(`roadmap throughput: ${settings} (after a ${CANNON.warmupSec} s warm-up)`);
  const appUrl = `${app.baseUrl}${ROADMAP_PATH}`;
  await autocannon({ ...cannon, durationSec: CANNON.warmupSec, url: appUrl, headers: { Cookie: cookie } });
  const appCannon = await autocannon({ ...cannon, url: appUrl, headers: { Cookie: cookie } });
  step(
    `  ${fmt.rps(appCannon.reqPerSec)} (${appCannon.total} requests; latency p50 ${appCannon.latencyP50Ms} ms, ` +
      `p99 ${appCannon.latencyP99Ms} ms)`,
  );
  const loadedRss = await memoryOf(app);
  step(`  RSS after the load: ${fmt.mb(loadedRss)}`);
  rows.push({
    metric: 'RSS of the app after the load tests',
    value: fmt.mb(loadedRss),
    target: '—',
    result: 'info',
  });

  // 6–8. Directory import and search, and a large partnership's page (their rows go after the throughput).
  const dataStart = rows.length;
  await dataFigures(app);
  const dataRss = await memoryOf(app);
  step(`  RSS after the directory and partnership figures: ${fmt.mb(dataRss)}`);
  rows.push({
    metric: 'RSS of the app after the directory and partnership figures',
    value: fmt.mb(dataRss),
    target: '—',
    result: 'info',
  });
  await stopChecked(app);
  // Issue 4: participant search and page, on a database of their own (PGlite here).
  const participantSearch = await participantFigures({ kind: 'PGlite', logDir, throughput: true });
  const dataRows = rows.splice(dataStart);

  step(`hello-world throughput (bench/hello.ts): ${settings} (after a ${CANNON.warmupSec} s warm-up)`);
  const hello = await startHello(logDir);
  const helloUrl = `${hello.baseUrl}/`;
  await autocannon({ ...cannon, durationSec: CANNON.warmupSec, url: helloUrl });
  const helloCannon = await autocannon({ ...cannon, url: helloUrl });
  step(`  ${fmt.rps(helloCannon.reqPerSec)} (${helloCannon.total} requests)`);
  await stopChecked(hello);

  rows.push({
    metric: `Roadmap throughput (PGlite), ${settings}`,
    value: fmt.rps(appCannon.reqPerSec),
    target: '—',
    result: 'info',
  });
  rows.push({
    metric: `node:http hello-world throughput, ${settings}`,
    value: fmt.rps(helloCannon.reqPerSec),
    target: '—',
    result: 'info',
  });
  const ratio = appCannon.reqPerSec / helloCannon.reqPerSec;
  rows.push(
    targetRow('Throughput ratio roadmap / hello-world', ratio, `1/${(1 / ratio).toFixed(1)}`, {
      min: 1 / 15,
      shown: '1/15',
    }),
  );
  rows.push(...dataRows);
  if (participantSearch) participantRatioRows(participantSearch, helloCannon);
  for (const [label, r] of [
    ['roadmap', appCannon],
    ['hello-world', helloCannon],
  ] as const) {
    if (r.non2xx + r.errors + r.timeouts > 0) {
      const text = `autocannon on ${label}: non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`;
      loud(text);
      problems.push(text);
    }
  }

  // 9. PostgreSQL (optional).
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    notes.push(
      'PostgreSQL figures skipped: set DATABASE_URL to a server where the bench may create a database.',
    );
    rows.push({
      metric: 'Roadmap latency on PostgreSQL',
      value: 'skipped',
      target: '—',
      result: 'no DATABASE_URL',
    });
  } else {
    step('PostgreSQL: creating a throwaway database');
    const database = await createBenchDatabase(adminUrl);
    const unregister = atCleanup(database.drop);
    step(`  created ${database.name}`);
    try {
      const { svc, startupMs } = await startSplot({
        label: 'postgres',
        dataDir: makeTempDir('pg'),
        logDir,
        databaseUrl: database.url,
        timeoutMs: 60_000,
      });
      step(`  first start with seeding on PostgreSQL: healthy after ${fmt.s(startupMs)}`);
      rows.push({
        metric: 'First start with seeding, empty PostgreSQL DB',
        value: fmt.s(startupMs),
        target: '—',
        result: 'info',
      });
      step(`roadmap latency on PostgreSQL: ${ROADMAP_PATH} as ${DEMO_EMAIL}`);
      await roadmapLatency(svc, 'Roadmap (PostgreSQL)');
      await stopChecked(svc);
    } finally {
      unregister();
      await database.drop();
      step(`  dropped ${database.name}`);
    }
    await participantsOnPostgres(logDir);
  }

  // Issue 5: the cascade page (its own bench locality, PGlite and PostgreSQL when configured).
  await cascadeOnly(logDir);
  // Issue 6: the initiatives board and the status re-check.
  await enterprisesFigures(logDir);

  rows.push({
    metric: 'Clean shutdown on SIGTERM (exit code 0)',
    value: `${shutdownsOk} of ${shutdownsTotal}`,
    target: 'all',
    result: shutdownsOk === shutdownsTotal ? 'ok' : 'FAILED',
  });
}

installCleanupHandlers();
const benchStarted = performance.now();
let exitCode = 0;
try {
  await main();
} catch (error) {
  const signal = interrupted();
  console.error(signal ? `\nBench interrupted (${signal}).` : `\nBENCH COULD NOT RUN: ${message(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}

if (rows.length > 0) {
  console.log(`\n## Splot benchmark (${new Date().toISOString()})\n`);
  console.log(renderTable(rows));
}
for (const note of notes) console.log(`\nNote: ${note}`);
if (problems.length > 0) {
  console.log('\n!!! CHECKS FAILED:');
  for (const p of problems) console.log(`!!!   - ${p}`);
  if (exitCode === 0) exitCode = 2;
}
console.log(
  `\nBench took ${fmt.s(performance.now() - benchStarted)}; load average now ` +
    `${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}.` +
    (exitCode === 1 ? ' The bench could not complete: figures above are partial.' : ''),
);
process.exit(exitCode);
