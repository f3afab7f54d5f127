import { describe, expect, it } from 'vitest';
import { splitFacetOptions } from './facet-split';

const options = (count: number, checked: number[] = []) =>
	Array.from({ length: count }, (_, index) => ({
		value: String(index),
		checked: checked.includes(index)
	}));
const values = (list: { value: string }[]) => list.map((option) => option.value);

describe('splitFacetOptions', () => {
	it('shows the first five and puts the rest behind "meer"', () => {
		const { shown, more } = splitFacetOptions(options(11));
		expect(values(shown)).toEqual(['0', '1', '2', '3', '4']);
		expect(values(more)).toEqual(['5', '6', '7', '8', '9', '10']);
	});

	it('never hides a chosen value, and keeps the order', () => {
		const { shown, more } = splitFacetOptions(options(11, [8]));
		expect(values(shown)).toEqual(['0', '1', '2', '3', '4', '8']);
		expect(values(more)).not.toContain('8');
	});

	it('shows a short list whole', () => {
		expect(splitFacetOptions(options(6)).more).toEqual([]);
		expect(splitFacetOptions(options(7)).more).toHaveLength(2);
	});
});
