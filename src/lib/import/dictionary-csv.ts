/** The indicator dictionary (data/indicators.csv) → Indicator[], with row-level findings. */
import type { Aggregation, Indicator, IndicatorKind } from '$lib/model/types';
import type { IssueLog } from './issues';
import { parseBool, records, splitList } from './reference-rows';
import { COUNT_UNITS } from './rules';

const CODE = /^[a-z][a-z0-9_]*$/;
const KINDS: readonly IndicatorKind[] = ['raw', 'derived'];
const AGGREGATIONS: readonly Aggregation[] = ['sum', 'ratio', 'mean', 'median', 'latest', 'none'];

/** What a blank `aggregation` means: counts add up, derived rates are ratios of sums, the rest is not summed. */
export function defaultAggregation(kind: IndicatorKind, unit: string): Aggregation {
	if (kind === 'derived') return unit === 'percent' || unit.startsWith('per_') ? 'ratio' : 'none';
	return COUNT_UNITS.has(unit) || unit === 'ha' ? 'sum' : 'none';
}

export function parseDictionaryRows(
	rows: readonly string[][],
	headerIndex: number,
	log: IssueLog
): Indicator[] {
	const out: Indicator[] = [];
	const seen = new Map<string, number>();
	for (const r of records(rows, headerIndex)) {
		const where = (column: string, value = ''): { row: number; column: string; value: string } => ({
			row: r.row,
			column,
			value
		});
		const code = r.get('code');
		let ok = true;
		if (!code) {
			log.add('error', 'missing_code', where('code'));
			continue;
		}
		if (!CODE.test(code)) {
			log.add('error', 'bad_code', where('code', code));
			ok = false;
		}
		const dup = seen.get(code);
		if (dup !== undefined) {
			log.add('error', 'duplicate_code', where('code', code), { a: String(dup) });
			ok = false;
		} else seen.set(code, r.row);
		const name_vi = r.get('name_vi');
		if (!name_vi) {
			log.add('error', 'missing_name', where('name_vi'));
			ok = false;
		}
		const kindText = r.get('kind').toLowerCase() || 'raw';
		if (!KINDS.includes(kindText as IndicatorKind)) {
			log.add('error', 'bad_kind', where('kind', r.get('kind')));
			ok = false;
		}
		const kind = kindText as IndicatorKind;
		const formula = r.get('formula');
		if (kind === 'derived' && !formula) {
			log.add('error', 'missing_formula', where('formula'));
			ok = false;
		}
		const unit = r.get('unit');
		const aggText = r.get('aggregation').toLowerCase();
		if (aggText && !AGGREGATIONS.includes(aggText as Aggregation)) {
			log.add('error', 'bad_aggregation', where('aggregation', r.get('aggregation')));
			ok = false;
		}
		const higher = parseBool(r.get('higher_is_better'));
		if (higher === undefined) {
			log.add('error', 'bad_boolean', where('higher_is_better', r.get('higher_is_better')));
			ok = false;
		}
		if (!ok) continue;
		out.push({
			code,
			name_vi,
			name_en: r.get('name_en'),
			unit,
			kind,
			formula,
			aggregation: (aggText as Aggregation) || defaultAggregation(kind, unit),
			higher_is_better: higher ?? null,
			group: r.get('group'),
			categories: splitList(r.get('categories')),
			// An older dictionary has one `notes` column: its note serves both languages.
			notes_vi: r.get('notes_vi') || r.get('notes'),
			notes_en: r.get('notes_en') || r.get('notes')
		});
	}
	return out;
}
