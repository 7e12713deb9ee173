// Prints CI's closing lines from Vitest JSON reports: each failed test with the first lines of
// its error (so a failure can be understood from the end of the log), then one line
// "N passed, N failed[, N skipped]". A report that is missing counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

type Assertion = { fullName?: string; title?: string; status: string; failureMessages?: string[] };
type FileResult = { name: string; status?: string; message?: string; assertionResults?: Assertion[] };
type Report = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  success?: boolean;
  testResults?: FileResult[];
};

// Colour codes and the repository's absolute path only make the lines longer.
const ESC = String.fromCharCode(27);
const plain = (s: string) =>
  s.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '').replaceAll(`${process.cwd()}/`, '');
const firstLines = (s: string, n: number) =>
  plain(s)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, n)
    .map((l) => `      ${l.slice(0, 300)}`)
    .join('\n');

let passed = 0;
let failed = 0;
let skipped = 0;
const files = process.argv.slice(2);
for (const file of files) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (the suite did not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as Report;
  console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  for (const f of r.testResults ?? []) {
    const failures = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failures.length === 0 && f.status === 'failed' && f.message) {
      console.log(`  ✗ ${plain(f.name)}\n${firstLines(f.message, 6)}`);
    }
    for (const a of failures) {
      console.log(`  ✗ ${plain(f.name)} › ${a.fullName ?? a.title ?? ''}`);
      console.log(firstLines((a.failureMessages ?? []).join('\n'), 6));
    }
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
