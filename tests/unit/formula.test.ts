import { describe, expect, it } from 'vitest';
import {
	combineQualifiers,
	expandFormula,
	formulaInputs,
	formulaToSql,
	FormulaError,
	monotonicity,
	parseFormula,
	ratioParts
} from '../../src/lib/model/formula';
import type { Indicator } from '../../src/lib/model/types';

const ind = (code: string, formula = ''): Indicator => ({
	code,
	name_vi: code,
	name_en: code,
	unit: 'count',
	kind: formula ? 'derived' : 'raw',
	formula,
	aggregation: formula ? 'ratio' : 'sum',
	higher_is_better: null,
	group: '',
	categories: [],
	notes_vi: '',
	notes_en: ''
});

describe('parseFormula', () => {
	it('respects precedence and parentheses', () => {
		expect(formulaToSql(parseFormula('a + b * 2'))).toBe('("v_a" + ("v_b" * 2::DOUBLE))');
		expect(formulaToSql(parseFormula('(a + b) / c * 100'))).toBe(
			'((("v_a" + "v_b") / NULLIF("v_c", 0)) * 100::DOUBLE)'
		);
		expect(formulaToSql(parseFormula('population / (area_natural_ha / 100)'))).toBe(
			'("v_population" / NULLIF(("v_area_natural_ha" / NULLIF(100::DOUBLE, 0)), 0))'
		);
	});

	it.each([
		['a; DROP TABLE observations', ';'],
		["a + 'x'", "'"],
		['eval(a)', ''],
		['a +', ''],
		['(a + b', ''],
		['a b', 'b'],
		['', '']
	])('rejects %j with a message in both languages', (text) => {
		expect(() => parseFormula(text)).toThrow(FormulaError);
		try {
			parseFormula(text);
		} catch (e) {
			expect((e as FormulaError).vi.length).toBeGreaterThan(10);
			expect((e as FormulaError).en.length).toBeGreaterThan(10);
		}
	});
});

describe('expandFormula', () => {
	const dict = new Map(
		[
			ind('land_disputes_mediated'),
			ind('feedback_cases_resolved'),
			ind('petition_cases_received'),
			ind('petition_cases_handled', 'land_disputes_mediated + feedback_cases_resolved'),
			ind('petition_resolution_rate', 'petition_cases_handled / petition_cases_received * 100'),
			ind('loop_a', 'loop_b + 1'),
			ind('loop_b', 'loop_a * 2')
		].map((i) => [i.code, i])
	);

	it('inlines derived codes down to raw inputs', () => {
		const ast = expandFormula(parseFormula('petition_resolution_rate'), dict);
		expect(formulaInputs(ast)).toEqual([
			'land_disputes_mediated',
			'feedback_cases_resolved',
			'petition_cases_received'
		]);
	});

	it('rejects unknown codes and cycles', () => {
		expect(() => expandFormula(parseFormula('nope / 2'), dict)).toThrow(/not in the dictionary: nope/);
		expect(() => expandFormula(parseFormula('loop_a'), dict)).toThrow(/cycle/);
	});
});

describe('qualifiers through formulas', () => {
	it('a lower bound in the numerator stays a lower bound', () => {
		const ast = parseFormula('legal_education_attendees / legal_education_sessions');
		const mono = monotonicity(ast);
		expect(mono.get('legal_education_attendees')).toBe(1);
		expect(mono.get('legal_education_sessions')).toBe(-1);
		expect(combineQualifiers(mono, new Map([['legal_education_attendees', '>']]))).toBe('>');
		expect(combineQualifiers(mono, new Map([['legal_education_sessions', '>']]))).toBe('~');
		expect(combineQualifiers(mono, new Map([['legal_education_attendees', '~']]))).toBe('~');
		expect(combineQualifiers(mono, new Map([['legal_education_attendees', '']]))).toBe('');
	});

	it('a subtracted lower bound is no bound any more', () => {
		const mono = monotonicity(parseFormula('a - b'));
		expect(combineQualifiers(mono, new Map([['b', '>']]))).toBe('~');
		expect(combineQualifiers(mono, new Map([['a', '>']]))).toBe('>');
	});
});

describe('ratioParts', () => {
	it('finds numerator and denominator of a rate', () => {
		const parts = ratioParts(parseFormula('(a + b) / c * 100'));
		expect(parts && formulaToSql(parts.numerator)).toBe('("v_a" + "v_b")');
		expect(parts && formulaToSql(parts.denominator)).toBe('"v_c"');
		expect(ratioParts(parseFormula('a + b'))).toBeNull();
		expect(ratioParts(parseFormula('a / 100'))).toBeNull();
	});
});
