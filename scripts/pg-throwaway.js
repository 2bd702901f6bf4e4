/**
 * A throwaway PostgreSQL cluster for the server tests: initdb + pg_ctl in a temporary folder, on
 * 127.0.0.1 and a free port, trust authentication, no other access. As root it runs as the `postgres`
 * user (PostgreSQL refuses to run as root). `node scripts/pg-throwaway.js` alone starts one, prints its
 * URL and stops it on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of initdb/pg_ctl: PG_BIN, else Debian's /usr/lib/postgresql/<newest>/bin; null if none. */
export function findPgBin() {
	if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : null;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

function postgresUser() {
	const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	return r.status === 0 ? { uid: Number(r.stdout), gid: Number(g.stdout) } : null;
}

function run(bin, cmd, args, asPostgres) {
	const exe = join(bin, cmd);
	const r = asPostgres
		? spawnSync('runuser', ['-u', 'postgres', '--', exe, ...args], { encoding: 'utf8' })
		: spawnSync(exe, args, { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
	return r.stdout;
}

/** Starts a cluster; returns { url, stop() }. Throws with a clear message when PostgreSQL is missing. */
export async function startCluster() {
	const bin = findPgBin();
	if (!bin) {
		throw new Error(
			'PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin or PG_BIN). ' +
				"Install Debian's: `sudo apt-get install -y postgresql`, or set CHISO_TEST_DATABASE_URL to a database the tests may use."
		);
	}
	const asPostgres = process.getuid?.() === 0;
	const dir = mkdtempSync(join(tmpdir(), 'chiso-pg-'));
	if (asPostgres) {
		const who = postgresUser();
		if (!who) throw new Error('Running as root but there is no `postgres` user to run PostgreSQL as.');
		chownSync(dir, who.uid, who.gid);
	}
	chmodSync(dir, 0o700);
	const data = join(dir, 'data');
	const port = await freePort();
	run(
		bin,
		'initdb',
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'],
		asPostgres
	);
	run(
		bin,
		'pg_ctl',
		[
			'-D',
			data,
			'-l',
			join(dir, 'log'),
			'-w',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
			'start'
		],
		asPostgres
	);
	let stopped = false;
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		dir,
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], asPostgres);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const c = await startCluster();
	console.log(c.url);
	const stop = () => {
		c.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	setInterval(() => {}, 1 << 30);
}
