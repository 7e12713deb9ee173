// Prints one closing line for CI, "N passed, N failed[, N skipped]", from Vitest JSON reports.
import { existsSync, readFileSync } from 'node:fs';

type Report = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  success?: boolean;
};

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
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
