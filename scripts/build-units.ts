/**
 * Builds the app's unit registry from the official lists in data/vn-units-2025 (see its README):
 * static/registry/provinces.json (the 34 new provinces) and static/registry/<province code>.json (each
 * province's new units, the old units that led into them, the crosswalk with its clauses).
 * `npx tsx scripts/build-units.ts` — deterministic; tests/unit/registry-build.test.ts checks the
 * committed files equal a fresh build.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { registryOutputs } from '../src/lib/import/units-registry';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'static/registry');
const read = (name: string): string => readFileSync(path.join(ROOT, 'data/vn-units-2025', name), 'utf8');

const outputs = registryOutputs(read('old_units.csv'), read('new_units.csv'), read('crosswalk.csv'));
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.json')) rmSync(path.join(OUT, f));
for (const [name, text] of outputs) writeFileSync(path.join(OUT, name), text);
console.log(`static/registry: ${outputs.size} files`);
