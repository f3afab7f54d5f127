import { describe, expect, it } from 'vitest';
import { keptAnswers } from './kept.js';

describe('keptAnswers', () => {
	it('makes an answer once per key and keeps it', () => {
		let made = 0;
		const kept = keptAnswers<string>(10);
		const make = (key: string) => () => `${key}:${++made}`;
		expect(kept('a', make('a'))).toBe('a:1');
		expect(kept('a', make('a'))).toBe('a:1');
		expect(kept('b', make('b'))).toBe('b:2');
		expect(made).toBe(2);
	});

	it('never holds more than its limit: full, it starts again', () => {
		let made = 0;
		const kept = keptAnswers<number>(3);
		for (const key of ['a', 'b', 'c']) kept(key, () => ++made);
		expect(kept('a', () => ++made)).toBe(1);
		kept('d', () => ++made); // the fourth key empties the map, then keeps itself
		expect(kept('d', () => ++made)).toBe(4);
		expect(kept('a', () => ++made)).toBe(5);
	});

	it('keeps nothing when making fails, and stays within its limit when one answer makes another', () => {
		const kept = keptAnswers<string>(2);
		expect(() =>
			kept('bad', () => {
				throw new RangeError('invalid');
			})
		).toThrow(RangeError);
		expect(kept('bad', () => 'fine now')).toBe('fine now');
		const outer = kept('outer', () => `${kept('inner', () => 'in')} out`);
		expect(outer).toBe('in out');
		expect(kept('inner', () => 'made again')).toBe('made again');
	});
});
