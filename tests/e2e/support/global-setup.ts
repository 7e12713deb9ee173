import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { parseMessage } from './mail-parse.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the Splot server under test. */
    e2eBaseUrl: string;
    /** Directory where the test SMTP server writes every message it receives, one JSON file each. */
    e2eMailDir: string;
    /** File listing the page states axe found clean in this run (one hash per line). */
    e2eAxeAnalysed: string;
  }
}

// One log per shard when scripts/e2e-run.ts runs several side by side.
const SERVER_LOG = path.resolve(process.env.E2E_SERVER_LOG ?? 'test-results/e2e-server.log');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function serverLogTail(lines = 40): string {
  try {
    return readFileSync(SERVER_LOG, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Splot server exited early with code ${child.exitCode}:\n${serverLogTail()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Splot server did not answer GET /healthz with 200 within ${timeoutMs} ms:\n${serverLogTail()}`,
  );
}

/** Asset files the server build refers to that are missing from its client build. */
function missingAssets(buildDir: string): string[] {
  const server = readFileSync(path.join(buildDir, 'server/index.js'), 'utf8');
  const referenced = new Set(server.match(/\/assets\/[\w.-]+\.(?:js|css)/g) ?? []);
  return [...referenced].filter((asset) => !existsSync(path.join(buildDir, 'client', asset)));
}

/**
 * Copies the production build into the run's own directory, so that a rebuild of ./build
 * while the suite runs (another `react-router build`) cannot pull assets from under the server.
 */
async function snapshotBuild(repoRoot: string, appRoot: string): Promise<void> {
  const source = path.join(repoRoot, 'build');
  if (!existsSync(path.join(source, 'server/index.js'))) {
    throw new Error('No production build in ./build: run the suite through `npm run test:e2e`.');
  }
  for (let attempt = 1; ; attempt++) {
    rmSync(path.join(appRoot, 'build'), { recursive: true, force: true });
    cpSync(source, path.join(appRoot, 'build'), { recursive: true });
    const missing = missingAssets(path.join(appRoot, 'build'));
    if (missing.length === 0) break;
    if (attempt === 10) throw new Error(`The build in ./build is incomplete; missing: ${missing.join(', ')}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  // The build imports react, react-router… from the project's node_modules.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(appRoot, 'node_modules'), 'dir');
  writeFileSync(path.join(appRoot, 'package.json'), JSON.stringify({ type: 'module', private: true }));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not exit within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * Starts one real Splot server (production build, fresh PGlite directory, demo data) and a
 * recording SMTP server for the whole e2e run; stops both at the end and checks that the
 * server shut down gracefully (exit code 0 on SIGTERM).
 */
export default async function setup(project: TestProject) {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 18)) {
    throw new Error(
      `The e2e suite needs the project's Node 24 (got ${process.version}); run it through \`npm run test:e2e\`.`,
    );
  }

  const repoRoot = process.cwd();
  const workDir = mkdtempSync(path.join(tmpdir(), 'splot-e2e-'));
  const appRoot = path.join(workDir, 'app');
  const dataDir = path.join(workDir, 'data');
  mkdirSync(appRoot, { recursive: true });
  // scripts/e2e-run.ts seeds the demo once and each shard's server starts from a copy.
  if (process.env.E2E_DATA_TEMPLATE) cpSync(process.env.E2E_DATA_TEMPLATE, dataDir, { recursive: true });
  await snapshotBuild(repoRoot, appRoot);
  const mailDir = path.join(workDir, 'mail');
  mkdirSync(mailDir, { recursive: true });
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });

  let mailCount = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseMessage(raw);
        mailCount += 1;
        const record = {
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject,
          text: parsed.text,
          receivedAt: new Date().toISOString(),
        };
        // Written under a temporary name, then renamed: readers never see half a message.
        const file = path.join(mailDir, `${String(mailCount).padStart(4, '0')}.json`);
        writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
        renameSync(`${file}.tmp`, file);
        callback();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', () => resolve());
  });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(SERVER_LOG);
  // server/main.ts from the project, serving the build snapshot (it reads ./build from its cwd).
  const child = spawn(process.execPath, [path.join(repoRoot, 'server/main.ts')], {
    cwd: appRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DATABASE_URL: '',
      SEED_DEMO: '',
      PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));
  try {
    await waitForHealth(baseUrl, child, 180_000);
  } catch (error) {
    child.kill('SIGKILL');
    await stopSmtp();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }

  project.provide('e2eBaseUrl', baseUrl);
  project.provide('e2eMailDir', mailDir);
  project.provide('e2eAxeAnalysed', path.join(workDir, 'axe-analysed.txt'));

  return async function teardown() {
    child.kill('SIGTERM');
    let code: number | null;
    try {
      code = await waitForExit(child, 20_000);
    } catch (error) {
      child.kill('SIGKILL');
      await stopSmtp();
      throw new Error(`${(error as Error).message}\n${serverLogTail()}`);
    }
    await stopSmtp();
    log.end();
    rmSync(workDir, { recursive: true, force: true });
    if (code !== 0) {
      throw new Error(
        `Splot server exited with code ${code} after SIGTERM (expected 0):\n${serverLogTail()}`,
      );
    }
  };
}
