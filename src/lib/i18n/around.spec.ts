import { describe, expect, it } from 'vitest';
import { around } from './around';

describe('around', () => {
	it('splits a message at its placeholder', () => {
		expect(around('Có {n} dòng', 'n')).toEqual(['Có ', ' dòng']);
		expect(around('{unit} was merged', 'unit')).toEqual(['', ' was merged']);
	});

	it('leaves a message without the placeholder whole', () => {
		expect(around('No rows', 'n')).toEqual(['No rows', '']);
	});
});
