/** Shared by the command-line scripts (user, backup, restore): the server's own modules, no HTTP. */
import { migrate, openDatabase, type Database } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';
import { seedIfEmpty } from '../src/lib/server/store';

export async function openWorkspace(): Promise<Database> {
	const database = openDatabase(config());
	await migrate(database);
	await seedIfEmpty(database);
	return database;
}

/** One line from standard input (a password), without echo when it is a terminal. */
export async function readLine(prompt: string): Promise<string> {
	const stdin = process.stdin;
	if (stdin.isTTY) process.stderr.write(prompt);
	const chunks: Buffer[] = [];
	if (stdin.isTTY) stdin.setRawMode?.(true);
	return new Promise((resolve, reject) => {
		const done = (text: string) => {
			if (stdin.isTTY) {
				stdin.setRawMode?.(false);
				process.stderr.write('\n');
			}
			stdin.pause();
			resolve(text);
		};
		stdin.on('data', (d: Buffer) => {
			chunks.push(d);
			const text = Buffer.concat(chunks).toString('utf8');
			if (stdin.isTTY && text.includes('\u0003')) process.exit(130);
			const nl = text.search(/[\r\n]/);
			if (nl >= 0) done(text.slice(0, nl));
		});
		stdin.on('end', () =>
			done(
				Buffer.concat(chunks)
					.toString('utf8')
					.replace(/[\r\n]+$/, '')
			)
		);
		stdin.on('error', reject);
	});
}

export function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}
