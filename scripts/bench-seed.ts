/**
 * `npx tsx scripts/bench-seed.ts DIR ROWS`: a server data folder (SQLite) holding the bundled workspace
 * and ROWS synthetic observations (3,200 bench units), written with the bare bulk insert of
 * scripts/bench-server.ts — the workspace scripts/bench-follow.js opens in a fresh browser.
 */
import { migrate, openDatabase } from '../src/lib/server/db';
import { seedIfEmpty } from '../src/lib/server/store';
import { addBenchUnits, bareInsert, rowsFor } from './bench-server';

const [dataDir, rows] = [process.argv[2], Number(process.argv[3] ?? 1_000_000)];
if (!dataDir || !Number.isInteger(rows)) throw new Error('usage: bench-seed.ts DIR ROWS');
const database = openDatabase({ dataDir, databaseUrl: null });
await migrate(database);
await seedIfEmpty(database);
await addBenchUnits(database);
await bareInsert(database, await rowsFor(database, rows));
// The rows are written as version 2: the workspace is at that version.
await database.db.updateTable('workspace').set({ version: 2 }).where('id', '=', 1).execute();
await database.close();
