// Process, temp-dir and HTTP helpers for the benchmark; nothing Splot-specific.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { type Agent, type IncomingHttpHeaders, request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root: the server is started from here (it resolves build/ against the cwd). */
export const ROOT = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------
// Cleanup: every child process and temp dir is registered, and removed on any kind of exit.

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const asyncCleanups: (() => Promise<void>)[] = [];

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killChildrenNow(): void {
  for (const child of children) {
    if (isRunning(child)) child.kill('SIGKILL');
  }
}

/** Registers a child process so that it is killed if the bench stops early. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

export function makeTempDir(purpose: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `splot-bench-${purpose}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

function removeTempDirs(): void {
  for (const dir of tempDirs) removeTempDir(dir);
}

/** An async clean-up step (e.g. dropping a database); returns a function that unregisters it. */
export function atCleanup(fn: () => Promise<void>): () => void {
  asyncCleanups.push(fn);
  return () => {
    const i = asyncCleanups.indexOf(fn);
    if (i >= 0) asyncCleanups.splice(i, 1);
  };
}

/** Stops children that are still running (SIGTERM, then SIGKILL), runs clean-up steps, removes temp dirs. */
export async function cleanUp(): Promise<void> {
  const running = [...children].filter(isRunning);
  for (const child of running) child.kill('SIGTERM');
  const deadline = performance.now() + 5_000;
  while (running.some(isRunning) && performance.now() < deadline) await sleep(50);
  killChildrenNow();
  while (asyncCleanups.length > 0) {
    const fn = asyncCleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      console.error(`bench: clean-up step failed: ${message(error)}`);
    }
  }
  removeTempDirs();
}

let interruptedBy: NodeJS.Signals | null = null;

/** The signal that interrupted the bench, if any. */
export function interrupted(): NodeJS.Signals | null {
  return interruptedBy;
}

export function installCleanupHandlers(): void {
  process.on('exit', () => {
    killChildrenNow();
    removeTempDirs();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interruptedBy = signal;
      console.error(`\nbench: ${signal}: stopping child processes and removing temp dirs.`);
      killChildrenNow();
      void Promise.race([cleanUp(), sleep(8_000)]).finally(() => process.exit(130));
    });
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Child processes.

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; error?: string };

export type Service = {
  label: string;
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  logFile: string;
  exited: Promise<ExitInfo>;
};

export function describeExit(exit: ExitInfo): string {
  if (exit.error) return `failed to spawn: ${exit.error}`;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not get a free port');
  return address.port;
}

/** Spawns `node <args>` (this Node) in the repository root; stdout and stderr go to a log file. */
export function spawnNode(opts: {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  logDir: string;
}): Service {
  const logFile = path.join(opts.logDir, `${opts.label}.log`);
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, opts.args, { cwd: ROOT, env: opts.env, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  trackChild(child);
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      resolve({ code: null, signal: null, error: error.message });
    });
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return {
    label: opts.label,
    child,
    pid: child.pid ?? -1,
    baseUrl: `http://127.0.0.1:${opts.port}`,
    logFile,
    exited,
  };
}

/** The last lines of a service's log, for error messages. */
export function logTail(svc: Service, lines = 25): string {
  if (!existsSync(svc.logFile)) return '(no log)';
  const text = readFileSync(svc.logFile, 'utf8').trimEnd().split('\n').slice(-lines);
  return text.map((l) => `    | ${l}`).join('\n');
}

/** Polls GET <pathname> every 10 ms until it answers 200. Throws if the process exits or time runs out. */
export async function waitUntilHealthy(svc: Service, pathname: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (!isRunning(svc.child) || svc.pid < 0) {
      const exit = await svc.exited;
      throw new Error(`${svc.label} stopped (${describeExit(exit)}) before it was healthy:\n${logTail(svc)}`);
    }
    try {
      const res = await httpRequest(`${svc.baseUrl}${pathname}`, { timeoutMs: 2_000 });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = message(error);
    }
    await sleep(10);
  }
  throw new Error(`${svc.label} not healthy after ${timeoutMs / 1000} s (last: ${last}):\n${logTail(svc)}`);
}

/** SIGTERM, then waits for the exit (SIGKILL after timeoutMs). */
export async function stopService(
  svc: Service,
  timeoutMs = 20_000,
): Promise<ExitInfo & { ms: number; timedOut: boolean }> {
  const started = performance.now();
  if (isRunning(svc.child)) svc.child.kill('SIGTERM');
  const exit = await Promise.race([svc.exited, sleep(timeoutMs).then(() => null)]);
  if (exit) return { ...exit, ms: performance.now() - started, timedOut: false };
  svc.child.kill('SIGKILL');
  return { ...(await svc.exited), ms: performance.now() - started, timedOut: true };
}

/** Resident memory of a process in bytes, from /proc (Linux); null elsewhere. */
export function readRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far (user + system, ms), from /proc (Linux); null elsewhere.
 * Unlike latency it hardly depends on what else the machine runs at the time.
 */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP.

export type HttpResponse = { status: number; headers: IncomingHttpHeaders; body: string };

export function httpRequest(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    agent?: Agent | false;
    timeoutMs?: number;
  } = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, agent: opts.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A minimal cookie jar: name → value, from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /;\s*max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

// ---------------------------------------------------------------------------------------------
// Figures.

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

export const fmt = {
  s: (ms: number) => `${(ms / 1000).toFixed(2)} s`,
  ms: (ms: number) => `${ms.toFixed(1)} ms`,
  mb: (bytes: number) => `${Math.round(bytes / 1e6)} MB`,
  rps: (n: number) => `${Math.round(n).toLocaleString('en-US')} req/s`,
};

export type Row = { metric: string; value: string; target: string; result: string };

/** A figure against an upper (≤) or lower (≥) bound. */
export function targetRow(
  metric: string,
  value: number,
  shown: string,
  bound: { max: number; shown: string } | { min: number; shown: string },
): Row {
  if ('max' in bound) {
    return {
      metric,
      value: shown,
      target: `≤ ${bound.shown}`,
      result: value <= bound.max ? 'ok' : 'over target',
    };
  }
  return {
    metric,
    value: shown,
    target: `≥ ${bound.shown}`,
    result: value >= bound.min ? 'ok' : 'below target',
  };
}

export function renderTable(rows: Row[]): string {
  const head: Row = { metric: 'Metric', value: 'Value', target: 'Target', result: 'Result' };
  const all = [head, ...rows];
  const keys = ['metric', 'value', 'target', 'result'] as const;
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: Row) => `| ${keys.map((k, i) => r[k].padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
