// Load generators: an open-loop fixed-rate client (latency) and autocannon (closed-loop throughput).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { ROOT, trackChild } from './lib.ts';

export type OpenLoopResult = {
  /** Per request, from its scheduled start to the last byte of the response (ms). */
  latencies: number[];
  statuses: Map<number, number>;
  errors: string[];
  /** Value of `Server-Timing: db;desc="sql statements";dur=N`, counted by N. */
  sqlCounts: Map<number, number>;
  sent: number;
  /** How late the generator itself sent requests, worst case (ms): high means the box was starved. */
  maxSendLagMs: number;
  elapsedMs: number;
};

export const SQL_TIMING = /db;desc="sql statements";dur=(\d+)/;

/**
 * Open loop: requests leave on a fixed schedule (every 1000/rate ms) whatever the responses,
 * on as many keep-alive connections as needed, and each latency is measured from the request's
 * scheduled time. A slow response therefore cannot delay the next requests and hide latency
 * (no coordinated omission).
 */
export async function openLoop(opts: {
  /** One URL, or the URL of the i-th request (e.g. a search with varying terms). */
  url: string | ((i: number) => string);
  headers: Record<string, string>;
  ratePerSec: number;
  durationMs: number;
  timeoutMs?: number;
}): Promise<OpenLoopResult> {
  const interval = 1000 / opts.ratePerSec;
  const total = Math.round(opts.durationMs / interval);
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const result: OpenLoopResult = {
    latencies: [],
    statuses: new Map(),
    errors: [],
    sqlCounts: new Map(),
    sent: 0,
    maxSendLagMs: 0,
    elapsedMs: 0,
  };
  const inFlight: Promise<void>[] = [];

  const url = opts.url;
  const urlOf = typeof url === 'string' ? () => url : url;
  const fire = (scheduled: number, i: number) =>
    new Promise<void>((settle) => {
      let settled = false;
      const resolve = () => {
        settled = true;
        settle();
      };
      const failed = (error: Error) => {
        if (!settled) result.errors.push(error.message);
        resolve();
      };
      result.sent += 1;
      result.maxSendLagMs = Math.max(result.maxSendLagMs, performance.now() - scheduled);
      const req = request(urlOf(i), { headers: opts.headers, agent }, (res) => {
        const status = res.statusCode ?? 0;
        const timing = res.headers['server-timing'];
        const sql = SQL_TIMING.exec(Array.isArray(timing) ? timing.join(', ') : (timing ?? ''))?.[1];
        res.on('data', () => {});
        res.on('error', failed);
        res.on('end', () => {
          if (settled) return;
          result.latencies.push(performance.now() - scheduled);
          result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
          const n = sql === undefined ? -1 : Number(sql);
          result.sqlCounts.set(n, (result.sqlCounts.get(n) ?? 0) + 1);
          resolve();
        });
      });
      req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error('timeout')));
      req.on('error', failed);
      req.end();
    });

  const start = performance.now() + 20;
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      // Catch up on every slot that is due (the timer may fire late on a busy box).
      while (next < total && start + next * interval <= performance.now()) {
        inFlight.push(fire(start + next * interval, next));
        next += 1;
      }
      if (next >= total) {
        done();
        return;
      }
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - start;
  agent.destroy();
  return result;
}

const CannonJson = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), average: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  duration: z.number(),
});

export type CannonResult = {
  /** Mean of autocannon's per-second samples (its "Req/Sec Avg"). */
  reqPerSec: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
};

/** Runs the autocannon CLI in a child process (so it has its own event loop) and parses its JSON. */
export async function autocannon(opts: {
  url: string;
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
}): Promise<CannonResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon');
  const args = [bin, '-c', String(opts.connections), '-d', String(opts.durationSec), '-j', '-n'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(opts.url);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${stderr.trim() || stdout.trim()}`);
  const parsed = CannonJson.parse(JSON.parse(stdout));
  return {
    reqPerSec: parsed.requests.average,
    total: parsed.requests.total,
    non2xx: parsed.non2xx,
    errors: parsed.errors,
    timeouts: parsed.timeouts,
    latencyP50Ms: parsed.latency.p50,
    latencyP99Ms: parsed.latency.p99,
  };
}
