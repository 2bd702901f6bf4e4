/** `server.pid` in the data folder while a server runs on it (restore refuses to replace its database). */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PID_FILE = 'server.pid';

export function writePidFile(dataDir: string): void {
	const file = join(dataDir, PID_FILE);
	writeFileSync(file, String(process.pid));
	process.once('exit', () => {
		try {
			if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
		} catch {
			/* gone already */
		}
	});
}

/** The pid of a live server on this folder, or null. */
export function runningServer(dataDir: string): number | null {
	const file = join(dataDir, PID_FILE);
	if (!existsSync(file)) return null;
	const pid = Number(readFileSync(file, 'utf8'));
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
	try {
		process.kill(pid, 0);
		return pid;
	} catch {
		return null;
	}
}
