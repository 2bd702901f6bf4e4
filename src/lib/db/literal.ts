/**
 * Values written into SQL text as literals, properly escaped. Read queries run this way: DuckDB plans
 * a prepared statement with `?`/`$n` parameters anew on every execution (so that the values can reach
 * its filters), while a statement whose text holds the values is planned once and kept — a leader
 * flipping between indicators sends the same texts again. Writes keep real bound parameters.
 */
/** A value bound to a statement's `?`. */
export type Param = string | number | boolean | null;

/** A value as a SQL literal: texts quoted with `'` doubled, numbers as DOUBLE unless small integers. */
export function sqlLiteral(value: Param): string {
	if (value === null) return 'NULL';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
		// A bound JS number was a DOUBLE (or an INTEGER); a bare `0.5` would be read as a DECIMAL first
		// and lose digits: the shortest round-trip text, cast from a string, is the same double.
		return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? String(value) : `'${value}'::DOUBLE`;
	}
	// DuckDB reads the text up to a NUL: a NUL inside a literal would cut the statement short.
	if (value.includes('\u0000')) throw new Error('a text with a NUL character cannot be queried');
	return `'${value.replace(/'/g, "''")}'`;
}

/**
 * `sql` with its `?` and `$n` placeholders replaced by the literals of `params` (`?` take them in
 * order, `$n` the n-th). Placeholders inside quoted texts, quoted names and comments are left alone.
 */
export function inlineParams(sql: string, params: readonly Param[]): string {
	let out = '';
	let next = 0;
	let i = 0;
	const take = (n: number) => {
		if (n < 0 || n >= params.length) throw new Error(`no value for parameter ${n + 1}`);
		return sqlLiteral(params[n]);
	};
	while (i < sql.length) {
		const c = sql[i];
		if (c === "'" || c === '"') {
			const end = closing(sql, i, c);
			out += sql.slice(i, end);
			i = end;
		} else if (c === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end < 0 ? sql.length : end;
			out += sql.slice(i, stop);
			i = stop;
		} else if (c === '/' && sql[i + 1] === '*') {
			const end = sql.indexOf('*/', i + 2);
			const stop = end < 0 ? sql.length : end + 2;
			out += sql.slice(i, stop);
			i = stop;
		} else if (c === '?') {
			out += take(next++);
			i++;
		} else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
			let j = i + 1;
			while (/[0-9]/.test(sql[j] ?? '')) j++;
			out += take(Number(sql.slice(i + 1, j)) - 1);
			i = j;
		} else {
			out += c;
			i++;
		}
	}
	return out;
}

/** Index just past the quote that closes the quoted part starting at `start` (a doubled quote stays inside). */
function closing(sql: string, start: number, quote: string): number {
	let i = start + 1;
	while (i < sql.length) {
		if (sql[i] === quote) {
			if (sql[i + 1] === quote) i += 2;
			else return i + 1;
		} else i++;
	}
	return sql.length;
}

/** Read-only statements (SELECT, WITH): these are inlined and their prepared plans kept. */
export function isRead(sql: string): boolean {
	return /^\s*(SELECT|WITH)\b/i.test(sql);
}
