import { describe, expect, it } from 'vitest';
import { keptHtml } from './options-html';

describe('keptHtml', () => {
	it('builds once per key and gives the kept HTML after', () => {
		let builds = 0;
		const build = () => `<option>${++builds}</option>`;
		expect(keptHtml('test one', build)).toBe('<option>1</option>');
		expect(keptHtml('test one', build)).toBe('<option>1</option>');
		expect(keptHtml('test two', build)).toBe('<option>2</option>');
		expect(builds).toBe(2);
	});

	it('keeps only the last few keys', () => {
		let builds = 0;
		const build = () => String(++builds);
		for (let i = 0; i < 20; i++) keptHtml(`many ${i}`, build);
		expect(keptHtml('many 19', build)).toBe('20');
		expect(keptHtml('many 0', build)).toBe('21');
	});
});
