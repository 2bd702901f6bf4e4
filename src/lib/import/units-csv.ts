/** The unit list (data/units.csv) → Unit[], with row-level findings. */
import { migrateUnit } from '$lib/model/registry';
import type { Unit } from '$lib/model/types';
import { successorKey } from '$lib/model/units';
import type { IssueLog } from './issues';
import { records, splitList } from './reference-rows';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return (
		d.getUTCFullYear() === Number(m[1]) &&
		d.getUTCMonth() === Number(m[2]) - 1 &&
		d.getUTCDate() === Number(m[3])
	);
}

export function parseUnitRows(rows: readonly string[][], headerIndex: number, log: IssueLog): Unit[] {
	const out: Unit[] = [];
	const seen = new Map<string, { row: number; from: string; to: string }[]>();
	for (const r of records(rows, headerIndex)) {
		const where = (column: string, value = ''): { row: number; column: string; value: string } => ({
			row: r.row,
			column,
			value
		});
		let ok = true;
		const code = r.get('code');
		const name = r.get('name');
		if (!code) {
			log.add('error', 'missing_code', where('code'));
			ok = false;
		}
		if (!name) {
			log.add('error', 'missing_name', where('name'));
			ok = false;
		}
		const from = r.get('valid_from');
		const to = r.get('valid_to');
		for (const [column, v] of [
			['valid_from', from],
			['valid_to', to]
		]) {
			if (v && !validDate(v)) {
				log.add('error', 'bad_date', where(column, v));
				ok = false;
			}
		}
		if (ok && from && to && from > to) {
			log.add('error', 'date_order', where('valid_from', from), { a: from, b: to });
			ok = false;
		}
		if (ok) {
			// A code may be reused, but not for overlapping periods: code + validity is the identity.
			const span = { row: r.row, from: from || '0000-01-01', to: to || '9999-12-31' };
			const clash = (seen.get(code) ?? []).find((s) => s.from <= span.to && s.to >= span.from);
			if (clash) {
				log.add('error', 'duplicate_unit', where('code', code), { a: String(clash.row) });
				ok = false;
			} else seen.set(code, [...(seen.get(code) ?? []), span]);
		}
		if (!ok) continue;
		out.push(
			migrateUnit({
				name,
				code,
				kind: r.get('kind'),
				parent: r.get('parent'),
				valid_from: from,
				valid_to: to,
				successor: r.get('successor'),
				aliases: splitList(r.get('aliases'))
			})
		);
	}
	// A successor given by its code alone means the newest unit of that code: stored as its key.
	return out.map((u) => ({ ...u, successor: successorKey(u, out) }));
}
