import { describe, expect, it } from 'vitest';
import { emptyGoodPracticeValues, shareGoodPracticeSchema, splitLinks } from './good-practice';

const values = {
	...emptyGoodPracticeValues(['8a0f3c1e-6b1a-4c55-9d52-3f2a4f1c0b11']),
	title: 'Robots bouwen',
	body: 'Wat we deden.',
	domains: ['techniek'],
	format: 'korte_reeks',
	ageMin: '10',
	ageMax: '12'
};

describe('the good practice form', () => {
	it('reads one link a line and leaves out empty lines', () => {
		expect(splitLinks('https://a.be\r\n\n  https://b.be  \n')).toEqual([
			'https://a.be',
			'https://b.be'
		]);
		const parsed = shareGoodPracticeSchema.parse({ ...values, links: 'https://a.be\nhttp://b.be' });
		expect(parsed.links).toEqual(['https://a.be', 'http://b.be']);
	});

	it('names a wrong or sixth link, a missing community and ages in the wrong order', () => {
		const errors = (input: object) =>
			shareGoodPracticeSchema
				.safeParse({ ...values, ...input })
				.error?.issues.map((issue) => [issue.path[0], issue.message]);
		const links =
			'Geef hoogstens 5 links, elk op een eigen lijn en beginnend met http:// of https://.';
		expect(errors({ links: 'ftp://a.be' })).toEqual([['links', links]]);
		expect(errors({ links: 'javascript:alert(1)' })).toEqual([['links', links]]);
		expect(
			errors({ links: Array.from({ length: 6 }, (_, i) => `https://a.be/${i}`).join('\n') })
		).toEqual([['links', links]]);
		expect(errors({ communities: [] })).toEqual([
			['communities', 'Kies minstens één community waar je lid van bent.']
		]);
		expect(errors({ ageMin: '14', ageMax: '9' })?.[0]?.[0]).toBe('ageMax');
		expect(errors({ participants: '-3' })?.[0]?.[0]).toBe('participants');
	});
});
