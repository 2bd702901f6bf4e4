/**
 * Derived-indicator formulas: a tiny arithmetic language (+ − × ÷, parentheses, numbers, indicator
 * codes) parsed into an AST and compiled to SQL. Never evaluated as JavaScript.
 */
import type { Indicator, Qualifier } from './types';

export type Formula =
	| { type: 'num'; value: number }
	| { type: 'var'; code: string }
	| { type: 'neg'; arg: Formula }
	| { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export class FormulaError extends Error {
	constructor(
		readonly vi: string,
		readonly en: string
	) {
		super(en);
	}
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/()]))/y;

/** Parse `100 * a / b` into an AST; anything but numbers, codes, + − × ÷ and parentheses is rejected. */
export function parseFormula(text: string): Formula {
	const tokens: string[] = [];
	TOKEN.lastIndex = 0;
	const src = text.trim();
	while (TOKEN.lastIndex < src.length) {
		const at = TOKEN.lastIndex;
		const m = TOKEN.exec(src);
		if (!m) {
			const ch = src.slice(at).trim()[0] ?? '';
			throw new FormulaError(
				`Công thức có ký tự không hợp lệ “${ch}” ở vị trí ${at + 1}: chỉ dùng số, mã chỉ tiêu, + − × ÷ và ngoặc.`,
				`Formula has an invalid character “${ch}” at position ${at + 1}: use only numbers, indicator codes, + - * / and parentheses.`
			);
		}
		tokens.push(m[0].trim());
	}
	let i = 0;
	const peek = () => tokens[i];
	const fail = (what: string): never => {
		throw new FormulaError(
			`Công thức không đúng cú pháp gần “${what}”.`,
			`Formula syntax error near “${what}”.`
		);
	};
	const expr = (): Formula => {
		let left = term();
		while (peek() === '+' || peek() === '-') {
			const op = tokens[i++] as '+' | '-';
			left = { type: 'bin', op, left, right: term() };
		}
		return left;
	};
	const term = (): Formula => {
		let left = factor();
		while (peek() === '*' || peek() === '/') {
			const op = tokens[i++] as '*' | '/';
			left = { type: 'bin', op, left, right: factor() };
		}
		return left;
	};
	const factor = (): Formula => {
		const t = tokens[i++];
		if (t === undefined) return fail('(hết / end)');
		if (t === '(') {
			const inner = expr();
			if (tokens[i++] !== ')') fail(t);
			return inner;
		}
		if (t === '-') return { type: 'neg', arg: factor() };
		if (/^\d/.test(t)) return { type: 'num', value: Number(t) };
		if (/^[a-z]/.test(t)) return { type: 'var', code: t };
		return fail(t);
	};
	if (tokens.length === 0) fail('');
	const ast = expr();
	if (i < tokens.length) fail(tokens[i]);
	return ast;
}

/** Replace derived codes by their own formulas, recursively, so a formula speaks of raw codes only. */
export function expandFormula(
	ast: Formula,
	dictionary: Map<string, Indicator>,
	seen: string[] = []
): Formula {
	switch (ast.type) {
		case 'num':
			return ast;
		case 'neg':
			return { type: 'neg', arg: expandFormula(ast.arg, dictionary, seen) };
		case 'bin':
			return {
				...ast,
				left: expandFormula(ast.left, dictionary, seen),
				right: expandFormula(ast.right, dictionary, seen)
			};
		case 'var': {
			const ind = dictionary.get(ast.code);
			if (!ind)
				throw new FormulaError(
					`Công thức dùng mã chỉ tiêu không có trong từ điển: ${ast.code}.`,
					`Formula uses an indicator code that is not in the dictionary: ${ast.code}.`
				);
			if (ind.kind !== 'derived') return ast;
			if (seen.includes(ast.code))
				throw new FormulaError(
					`Công thức tự tham chiếu vòng tròn: ${[...seen, ast.code].join(' → ')}.`,
					`Formula refers to itself in a cycle: ${[...seen, ast.code].join(' → ')}.`
				);
			return expandFormula(parseFormula(ind.formula), dictionary, [...seen, ast.code]);
		}
	}
}

/** The raw codes a formula reads, in first-use order. */
export function formulaInputs(ast: Formula): string[] {
	const out: string[] = [];
	const walk = (f: Formula) => {
		if (f.type === 'var') {
			if (!out.includes(f.code)) out.push(f.code);
		} else if (f.type === 'neg') walk(f.arg);
		else if (f.type === 'bin') {
			walk(f.left);
			walk(f.right);
		}
	};
	walk(ast);
	return out;
}

/** Column name holding a code's value in the pivoted inputs (codes are checked by the parser). */
export const valueColumn = (code: string) => `"v_${code}"`;

/** SQL for the formula over pivoted columns; division by zero gives NULL (no value), never ±∞. */
export function formulaToSql(ast: Formula, column: (code: string) => string = valueColumn): string {
	switch (ast.type) {
		case 'num':
			return `${ast.value}::DOUBLE`;
		case 'var':
			return column(ast.code);
		case 'neg':
			return `(-${formulaToSql(ast.arg, column)})`;
		case 'bin': {
			const l = formulaToSql(ast.left, column);
			const r = formulaToSql(ast.right, column);
			return ast.op === '/' ? `(${l} / NULLIF(${r}, 0))` : `(${l} ${ast.op} ${r})`;
		}
	}
}

/**
 * How the result moves when one input grows: +1 up, −1 down, 0 unknown. Inputs are counts (≥ 0),
 * which is what lets `a / b` be increasing in a and decreasing in b.
 */
export function monotonicity(ast: Formula): Map<string, 1 | -1 | 0> {
	const result = new Map<string, 1 | -1 | 0>();
	const nonNegative = (f: Formula): boolean =>
		f.type === 'num'
			? f.value >= 0
			: f.type === 'var'
				? true
				: f.type === 'neg'
					? false
					: f.op === '-'
						? false
						: nonNegative(f.left) && nonNegative(f.right);
	const note = (code: string, dir: 1 | -1 | 0) => {
		const prev = result.get(code);
		result.set(code, prev === undefined || prev === dir ? dir : 0);
	};
	const walk = (f: Formula, dir: 1 | -1 | 0) => {
		if (f.type === 'var') note(f.code, dir);
		else if (f.type === 'neg') walk(f.arg, (-dir || 0) as 1 | -1 | 0);
		else if (f.type === 'bin') {
			if (f.op === '+') {
				walk(f.left, dir);
				walk(f.right, dir);
			} else if (f.op === '-') {
				walk(f.left, dir);
				walk(f.right, (-dir || 0) as 1 | -1 | 0);
			} else if (f.op === '*') {
				walk(f.left, nonNegative(f.right) ? dir : 0);
				walk(f.right, nonNegative(f.left) ? dir : 0);
			} else {
				walk(f.left, nonNegative(f.right) ? dir : 0);
				walk(f.right, nonNegative(f.left) ? ((-dir || 0) as 1 | -1 | 0) : 0);
			}
		}
	};
	walk(ast, 1);
	return result;
}

/**
 * The qualifier of a result from its inputs' qualifiers: a lower bound that only pushes the result up
 * keeps it a lower bound ("hơn 570 / 12" is "hơn 47,5"); any other mix becomes approximate.
 */
export function combineQualifiers(
	mono: Map<string, 1 | -1 | 0>,
	qualifiers: Map<string, Qualifier>
): Qualifier {
	let out: Qualifier = '';
	for (const [code, q] of qualifiers) {
		if (q === '~') return '~';
		if (q === '>') {
			if (mono.get(code) !== 1) return '~';
			out = '>';
		}
	}
	return out;
}

/** SQL for the same rule, over pivoted qualifier columns `"q_code"`. */
export function qualifierSql(ast: Formula): string {
	const mono = monotonicity(ast);
	const codes = [...mono.keys()];
	if (codes.length === 0) return `''`;
	const q = (c: string) => `coalesce("q_${c}", '')`;
	const approx = codes.map((c) => `${q(c)} = '~'`);
	const badBound = codes.filter((c) => mono.get(c) !== 1).map((c) => `${q(c)} = '>'`);
	const goodBound = codes.filter((c) => mono.get(c) === 1).map((c) => `${q(c)} = '>'`);
	const parts = [`WHEN ${[...approx, ...badBound].join(' OR ')} THEN '~'`];
	if (goodBound.length) parts.push(`WHEN ${goodBound.join(' OR ')} THEN '>'`);
	return `CASE ${parts.join(' ')} ELSE '' END`;
}

/** A top-level ratio `a / b` (optionally × or ÷ a constant): its numerator and denominator. */
export function ratioParts(ast: Formula): { numerator: Formula; denominator: Formula } | null {
	if (ast.type !== 'bin') return null;
	if (ast.op === '/' && ast.right.type !== 'num') return { numerator: ast.left, denominator: ast.right };
	if ((ast.op === '*' || ast.op === '/') && ast.right.type === 'num') return ratioParts(ast.left);
	if (ast.op === '*' && ast.left.type === 'num') return ratioParts(ast.right);
	return null;
}
