/**
 * Accounts from the command line, with the server's own modules:
 *   npm run user -- add LOGIN --role admin|staff|leader   (password: one line on standard input)
 *   npm run user -- passwd LOGIN                          (new password: one line on standard input)
 *   npm run user -- list
 * Uses CHISO_DATA_DIR / DATABASE_URL like the server; works while the server runs.
 */
import { createUser, listUsers, updateUser, UserError } from '../src/lib/server/auth';
import { ROLES, type Role } from '../src/lib/server/db/schema';
import { fail, openWorkspace, readLine } from './cli-common';

const USAGE = `usage: npm run user -- add LOGIN --role ${ROLES.join('|')}
       npm run user -- passwd LOGIN
       npm run user -- list
The password is read as one line from standard input.`;

const [cmd, login, ...rest] = process.argv.slice(2);
if (!cmd || cmd === '--help' || cmd === '-h') fail(USAGE, cmd ? 0 : 2);

const database = await openWorkspace();
try {
	if (cmd === 'list') {
		for (const u of await listUsers(database.db))
			console.log(`${u.login}\t${u.role}${u.disabled ? '\t(disabled)' : ''}`);
	} else if (cmd === 'add') {
		const i = rest.indexOf('--role');
		const role = (i >= 0 ? rest[i + 1] : '') as Role;
		if (!login || !ROLES.includes(role)) fail(USAGE, 2);
		const password = await readLine(`Password for ${login}: `);
		const u = await createUser(database.db, { login, role, password, by: null });
		console.log(`Added ${u.login} (${u.role}).`);
	} else if (cmd === 'passwd') {
		if (!login) fail(USAGE, 2);
		const password = await readLine(`New password for ${login}: `);
		await updateUser(database.db, { login, password, by: null });
		console.log(`Password of ${login} changed; their sessions were ended.`);
	} else {
		fail(USAGE, 2);
	}
} catch (e) {
	if (e instanceof UserError) fail(`${e.en} / ${e.vi}`);
	throw e;
} finally {
	await database.close();
}
