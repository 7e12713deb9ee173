// Runs the browser suite (`npm run test:e2e`). Spec files share one server's data, so within
// one run they go one after another; to use more than one core the suite is split into shards,
// each with its own server, SMTP recorder and database (tests/e2e/support/global-setup.ts),
// run side by side. Files are spread by their last measured duration (tests/e2e/durations.json;
// a new file counts as 60 s) so the shards end at about the same time.
//
//   node scripts/e2e-run.ts                     all specs but the screenshots (E2E_SCREENSHOTS=1
//                                                adds them), E2E_SHARDS shards (default: 2 with
//                                                4 or more cores, else 1)
//   node scripts/e2e-run.ts tests/e2e/x.spec.ts  the named files, one shard
//   --json-dir=DIR                               each shard writes DIR/e2e-<n>.json (Vitest JSON)
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const jsonDir = args.find((a) => a.startsWith('--json-dir='))?.slice('--json-dir='.length);
const named = args.filter((a) => !a.startsWith('--'));
const DURATIONS = 'tests/e2e/durations.json';

const files =
  named.length > 0
    ? named
    : readdirSync('tests/e2e')
        .filter((f) => f.endsWith('.spec.ts'))
        // Screenshots are for people to look at (`npm run test:screenshots`); every page they
        // show is also visited, checked and axe-analysed by the journeys.
        .filter((f) => f !== 'screenshots.spec.ts' || process.env.E2E_SCREENSHOTS === '1')
        .map((f) => `tests/e2e/${f}`)
        .sort();
const weights: Record<string, number> = existsSync(DURATIONS)
  ? (JSON.parse(readFileSync(DURATIONS, 'utf8')) as Record<string, number>)
  : {};
const weightOf = (file: string) => weights[path.basename(file)] ?? 60;

// Two shards only where there are cores for them: on a 2-core machine two browsers and two
// servers side by side ran each spec at half speed (measured), gaining nothing.
const wanted = Number(process.env.E2E_SHARDS ?? (named.length > 0 || availableParallelism() < 4 ? 1 : 2));
const shardCount = Math.max(1, Math.min(files.length, Number.isFinite(wanted) ? wanted : 1));
// Longest first onto the least loaded shard.
const shards: { files: string[]; seconds: number }[] = Array.from({ length: shardCount }, () => ({
  files: [],
  seconds: 0,
}));
for (const file of [...files].sort((a, b) => weightOf(b) - weightOf(a))) {
  const lightest = shards.reduce((min, s) => (s.seconds < min.seconds ? s : min));
  lightest.files.push(file);
  lightest.seconds += weightOf(file);
}

if (jsonDir) mkdirSync(jsonDir, { recursive: true });
const vitest = path.resolve('node_modules/vitest/vitest.mjs');

function runShard(index: number, shardFiles: string[]): Promise<number> {
  const label = shardCount > 1 ? `[e2e ${index + 1}/${shardCount}] ` : '';
  const reporterArgs = jsonDir
    ? [
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${path.join(jsonDir, `e2e-${index + 1}.json`)}`,
      ]
    : [];
  const child = spawn(
    process.execPath,
    [vitest, 'run', '--config', 'vitest.e2e.config.ts', ...reporterArgs, ...shardFiles],
    {
      env: {
        ...process.env,
        E2E_SERVER_LOG: `test-results/e2e-server${shardCount > 1 ? `-${index + 1}` : ''}.log`,
        FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) => {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`${label}${line}\n`);
    });
    stream.on('end', () => {
      if (rest) out.write(`${label}${rest}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

if (shardCount > 1) {
  for (const [i, s] of shards.entries()) {
    console.log(
      `[e2e ${i + 1}/${shardCount}] ~${Math.round(s.seconds)} s: ${s.files.map((f) => path.basename(f)).join(', ')}`,
    );
  }
}
const started = Date.now();
// Seed the demo once for all shards: each server starts from a copy (seeding is the slow part
// of a server's first start, and doing it in every shard at once only adds load).
const template = mkdtempSync(path.join(tmpdir(), 'splot-e2e-template-'));
if (shardCount > 1) {
  const seeded = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['db/seed/cli.ts'], {
      env: { ...process.env, DATA_DIR: template, DATABASE_URL: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
  if (seeded !== 0) {
    console.error('e2e: seeding the demo for the shards failed');
    process.exit(1);
  }
  process.env.E2E_DATA_TEMPLATE = template;
}
const codes = await Promise.all(shards.map((s, i) => runShard(i, s.files)));
rmSync(template, { recursive: true, force: true });
console.log(`e2e: ${shardCount} shard(s) in ${Math.round((Date.now() - started) / 1000)} s`);
if (jsonDir && process.env.E2E_RECORD_DURATIONS) {
  // Refresh the weights from this run's reports (per file: the sum of its tests' durations).
  const next: Record<string, number> = { ...weights };
  for (let i = 0; i < shardCount; i++) {
    const report = JSON.parse(readFileSync(path.join(jsonDir, `e2e-${i + 1}.json`), 'utf8')) as {
      testResults: { name: string; startTime: number; endTime: number }[];
    };
    for (const r of report.testResults)
      next[path.basename(r.name)] = Math.round((r.endTime - r.startTime) / 1000);
  }
  writeFileSync(DURATIONS, `${JSON.stringify(next, null, 2)}\n`);
}
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
