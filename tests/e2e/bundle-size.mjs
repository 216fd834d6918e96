// Prints the gzip size of the app's wasm + js + css and fails above the budget
// written in the README ("Bundle size").
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 1400;
const dir = process.argv[2] ?? 'dist';
let total = 0;
for (const name of readdirSync(dir)) {
  if (!['.wasm', '.js', '.css'].includes(extname(name))) continue;
  const raw = readFileSync(join(dir, name));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${name.padEnd(40)} ${(raw.length / 1024).toFixed(1).padStart(8)} KB raw ${(gz / 1024).toFixed(1).padStart(8)} KB gzip`);
}
console.log(`total gzip: ${(total / 1024).toFixed(1)} KB (budget ${BUDGET_KB} KB)`);
if (total === 0) {
  console.error('no bundle found in ' + dir);
  process.exit(1);
}
if (total > BUDGET_KB * 1024) {
  console.error(`bundle is over budget by ${((total - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
