/**
 * An admin replaces the indicator dictionary or the unit list with a file. The server reads the file
 * itself with the same pure import code as the browser (it never takes a parsed list on trust), keeps
 * every indicator and unit that stored figures use, and writes the list in one transaction that raises
 * the workspace version — every browser then loads the new list.
 */
import { importCsv, type ImportIssue } from '../../import';
import type { Indicator, Unit } from '../../model/types';
import type { Database } from '../db';
import { loadDictionary, loadUnits, writeDictionary, writeUnits } from './lists';
import type { Finding } from './recheck';
import { audit, bumpVersion, lockVersion, type Tx } from './util';

export type ListKind = 'dictionary' | 'units';

export type ListResult =
	| { ok: true; version: number; kind: ListKind; count: number }
	| { ok: false; reason: 'conflict'; version: number }
	| { ok: false; reason: 'invalid'; version: number; findings: Finding[] };

const finding = (file: string, issue: ImportIssue): Finding => ({
	file,
	row: issue.row,
	code: issue.code,
	vi: issue.vi,
	en: issue.en
});

/** Codes (or names) the stored figures use that a new list would drop. */
async function stillUsed(trx: Tx, kind: ListKind, kept: Set<string>) {
	const column = kind === 'dictionary' ? 'indicator' : 'unit';
	const used = await trx.selectFrom('observations').select(column).distinct().execute();
	return used.map((r) => (r as Record<string, string>)[column]).filter((v) => !kept.has(v));
}

export async function replaceList(
	database: Database,
	args: { userId: number | null; fileName: string; bytes: Uint8Array; baseVersion?: number }
): Promise<ListResult> {
	return database.db.transaction().execute(async (trx) => {
		const current = await lockVersion(trx, database.kind);
		if (args.baseVersion !== undefined && args.baseVersion !== current)
			return { ok: false, reason: 'conflict', version: current };
		const dictionary = await loadDictionary(trx);
		const units = await loadUnits(trx);
		const result = await importCsv(args.bytes, { fileName: args.fileName, dictionary, units });
		const invalid = (findings: Finding[]): ListResult => ({
			ok: false,
			reason: 'invalid',
			version: current,
			findings: findings.slice(0, 100)
		});
		const errors = result.issues.filter((i) => i.severity === 'error');
		if (result.kind === 'observations' || result.kind === 'invalid' || errors.length > 0) {
			if (errors.length > 0) return invalid(errors.map((i) => finding(args.fileName, i)));
			return invalid([
				{
					file: args.fileName,
					row: 0,
					code: 'not_a_list',
					vi: 'Tệp không phải từ điển chỉ tiêu hay danh sách đơn vị (số liệu thì nhập ở trang Nhập dữ liệu).',
					en: 'The file is neither an indicator dictionary nor a unit list (figures are imported on the Import page).'
				}
			]);
		}
		const kind: ListKind = result.kind;
		const list: Indicator[] | Unit[] = (kind === 'dictionary' ? result.indicators : result.units) ?? [];
		const keys = new Set(list.map((x) => ('code' in x && kind === 'dictionary' ? x.code : (x as Unit).name)));
		const dropped = await stillUsed(trx, kind, keys);
		if (list.length === 0 || dropped.length > 0)
			return invalid(
				(dropped.length ? dropped : ['—']).slice(0, 100).map((key) => ({
					file: args.fileName,
					row: 0,
					code: 'still_used',
					vi: `“${key}” đang có số liệu nhưng không có trong tệp mới; thêm lại vào tệp (hoặc hoàn tác các lần nhập dùng nó) rồi tải lên.`,
					en: `“${key}” has stored figures but is missing from the new file; put it back (or undo the imports that use it), then upload.`
				}))
			);
		const version = await bumpVersion(trx, database.kind, current);
		if (kind === 'dictionary') {
			await writeDictionary(trx, list as Indicator[], version);
			await trx
				.updateTable('workspace')
				.set((eb) => ({ dictionary_version: eb('dictionary_version', '+', 1) }))
				.where('id', '=', 1)
				.execute();
		} else {
			await writeUnits(trx, list as Unit[], version);
			await trx
				.updateTable('workspace')
				.set((eb) => ({ units_version: eb('units_version', '+', 1) }))
				.where('id', '=', 1)
				.execute();
		}
		await audit(trx, args.userId, kind === 'dictionary' ? 'dictionary.replace' : 'units.replace', {
			version,
			file: args.fileName,
			count: list.length
		});
		return { ok: true, version, kind, count: list.length };
	});
}

/** Which lists changed after workspace version `since` (each list's rows carry the version that wrote them). */
export async function listsChangedSince(database: Database, since: number): Promise<ListKind[]> {
	const changed: ListKind[] = [];
	for (const [kind, table] of [
		['dictionary', 'indicators'],
		['units', 'units']
	] as const) {
		const row = await database.db
			.selectFrom(table)
			.select((eb) => eb.fn.max('version').as('v'))
			.executeTakeFirst();
		if (Number(row?.v ?? 0) > since) changed.push(kind);
	}
	return changed;
}
