/** Collects findings, with caps so a 100 000-row file full of one mistake stays readable. */
import { messageFor, type MessageArgs } from './messages';
import type { ImportIssue, Severity } from './types';

/** Values longer than this are shortened in the report (the cell itself is never changed). */
const MAX_VALUE_SHOWN = 200;
const MAX_PER_CODE = 200;
const MAX_TOTAL = 2000;

export function shown(value: string): string {
	return value.length > MAX_VALUE_SHOWN ? value.slice(0, MAX_VALUE_SHOWN) + '…' : value;
}

export class IssueLog {
	readonly list: ImportIssue[] = [];
	errors = 0;
	warnings = 0;
	private hidden = 0;
	private readonly perCode = new Map<string, number>();

	constructor(private readonly file: string) {}

	add(
		severity: Severity,
		code: string,
		where: { row: number; column?: string; value?: string },
		args: MessageArgs = {},
		suggestions?: string[]
	): void {
		if (severity === 'error') this.errors++;
		else if (severity === 'warning') this.warnings++;
		const n = (this.perCode.get(code) ?? 0) + 1;
		this.perCode.set(code, n);
		if (n > MAX_PER_CODE || this.list.length >= MAX_TOTAL) {
			this.hidden++;
			return;
		}
		const value = shown(where.value ?? '');
		const column = where.column ?? '';
		const [vi, en] = messageFor(code, { value, column, row: where.row, ...args });
		const issue: ImportIssue = { severity, file: this.file, row: where.row, column, value, code, vi, en };
		if (suggestions) issue.suggestions = suggestions;
		this.list.push(issue);
	}

	/** Counts findings that were found in bulk but are not listed one by one (beyond the caps). */
	addUnlisted(severity: Severity, code: string, n: number): void {
		if (n <= 0) return;
		if (severity === 'error') this.errors += n;
		else if (severity === 'warning') this.warnings += n;
		this.perCode.set(code, (this.perCode.get(code) ?? 0) + n);
		this.hidden += n;
	}

	/** Appends the "N more not listed" notice; call once at the end. */
	finish(): ImportIssue[] {
		if (this.hidden > 0) {
			const [vi, en] = messageFor('too_many_issues', { n: this.hidden });
			this.list.push({
				severity: 'info',
				file: this.file,
				row: 0,
				column: '',
				value: '',
				code: 'too_many_issues',
				vi,
				en
			});
		}
		return this.list;
	}
}
