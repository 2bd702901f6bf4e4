/**
 * The SQL console's first gate: one read-only query (`SELECT …` or `WITH … SELECT …`), nothing else.
 * Pure text rules, so they are tested without a database; the database then runs the query inside a
 * READ ONLY transaction that is always rolled back, wrapped as a subquery (see `db/queries.ts`).
 *
 * Strings ('…'), quoted identifiers ("…"), dollar-quoted strings ($$…$$, $tag$…$tag$), line comments
 * (-- …) and block comments are skipped, so a `;` or a keyword inside them does not count.
 */

export type GuardRefusal = 'empty' | 'not-select' | 'several-statements' | 'unterminated';

export type GuardResult =
	{ ok: true; sql: string } | { ok: false; reason: GuardRefusal; vi: string; en: string };

const MESSAGES: Record<GuardRefusal, { vi: string; en: string }> = {
	empty: {
		vi: 'Hãy nhập một câu lệnh SELECT.',
		en: 'Enter a SELECT statement.'
	},
	'not-select': {
		vi: 'Chỉ chạy được câu lệnh đọc dữ liệu bắt đầu bằng SELECT hoặc WITH; câu lệnh thay đổi dữ liệu không được phép.',
		en: 'Only read-only statements starting with SELECT or WITH can run; statements that change data are not allowed.'
	},
	'several-statements': {
		vi: 'Chỉ chạy được một câu lệnh mỗi lần: bỏ dấu “;” ở giữa.',
		en: 'Only one statement can run at a time: remove the “;” in the middle.'
	},
	unterminated: {
		vi: 'Câu lệnh có chuỗi, tên trong ngoặc kép hoặc chú thích chưa đóng.',
		en: 'The statement has an unclosed string, quoted name or comment.'
	}
};

function refuse(reason: GuardRefusal): GuardResult {
	return { ok: false, reason, ...MESSAGES[reason] };
}

interface Token {
	kind: 'code' | 'semicolon';
	start: number;
	end: number;
}

/**
 * Splits `sql` into runs of code and semicolons, skipping strings and comments (they belong to the
 * surrounding code run). Returns null when a string or comment is not closed.
 */
function scan(sql: string): { tokens: Token[]; firstWord: string } | null {
	const tokens: Token[] = [];
	let firstWord = '';
	let i = 0;
	let codeStart = -1;
	const n = sql.length;
	const openCode = (at: number) => {
		if (codeStart < 0) codeStart = at;
	};
	const closeCode = (at: number) => {
		if (codeStart >= 0) tokens.push({ kind: 'code', start: codeStart, end: at });
		codeStart = -1;
	};
	while (i < n) {
		const c = sql[i];
		const next = sql[i + 1];
		if (c === '-' && next === '-') {
			const nl = sql.indexOf('\n', i);
			i = nl < 0 ? n : nl + 1;
			continue;
		}
		if (c === '/' && next === '*') {
			// Block comments nest in DuckDB (as in PostgreSQL).
			let depth = 1;
			i += 2;
			while (i < n && depth > 0) {
				if (sql[i] === '/' && sql[i + 1] === '*') {
					depth++;
					i += 2;
				} else if (sql[i] === '*' && sql[i + 1] === '/') {
					depth--;
					i += 2;
				} else i++;
			}
			if (depth > 0) return null;
			continue;
		}
		if (c === "'" || c === '"') {
			openCode(i);
			i++;
			for (;;) {
				if (i >= n) return null;
				if (sql[i] === c) {
					if (sql[i + 1] === c)
						i += 2; // '' or "" inside is an escaped quote
					else {
						i++;
						break;
					}
				} else i++;
			}
			continue;
		}
		if (c === '$') {
			const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
			if (tag) {
				openCode(i);
				const close = sql.indexOf(tag[0], i + tag[0].length);
				if (close < 0) return null;
				i = close + tag[0].length;
				continue;
			}
		}
		if (c === ';') {
			closeCode(i);
			tokens.push({ kind: 'semicolon', start: i, end: i + 1 });
			i++;
			continue;
		}
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		if (!firstWord && codeStart < 0 && tokens.length === 0) {
			const word = /^[A-Za-z_]+/.exec(sql.slice(i));
			firstWord = word ? word[0] : c;
		}
		openCode(i);
		i++;
	}
	closeCode(n);
	return { tokens, firstWord };
}

/**
 * Accepts exactly one statement that starts with SELECT or WITH (after comments and whitespace); one or
 * more trailing `;` are allowed and removed. The returned `sql` is the statement without them.
 */
export function guardSelect(text: string): GuardResult {
	const scanned = scan(text);
	if (!scanned) return refuse('unterminated');
	const { tokens, firstWord } = scanned;
	const code = tokens.filter((t) => t.kind === 'code');
	if (code.length === 0) return refuse('empty');
	if (code.length > 1) return refuse('several-statements');
	const first = tokens.findIndex((t) => t.kind === 'code');
	// A `;` before the statement (";SELECT 1") is odd but harmless; anything after it must be only `;`.
	if (tokens.slice(0, first).length > 0) return refuse('several-statements');
	const word = firstWord.toUpperCase();
	if (word !== 'SELECT' && word !== 'WITH') return refuse('not-select');
	const stmt = code[0];
	// Keep comments that sit inside the statement; drop everything after its end (`;`, trailing comments).
	const body = text.slice(0, stmt.end).trimEnd();
	return { ok: true, sql: body.trim() };
}
