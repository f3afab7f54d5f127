import { describe, expect, it, vi } from 'vitest';
import type { ListFilters } from './filters';
import { loadListPage } from './list-page';

const municipalities = [
	{ nis: '44021', name: 'Gent', province: 'Oost-Vlaanderen', region: 'VLG' },
	{ nis: '21004', name: 'Brussel', province: null, region: 'BRU' }
];

function setup(search: string, total = 50) {
	const list = vi.fn(async (filters: ListFilters) => ({
		rows: [{ filters }],
		total
	}));
	const result = loadListPage({
		params: new URLSearchParams(search),
		fields: ['province', 'municipality', 'age'],
		pageSize: 24,
		listMunicipalities: async () => municipalities,
		list
	});
	return { list, result };
}

describe('loadListPage', () => {
	it('lists once with the valid filters and counts the pages', async () => {
		const { list, result } = setup('gemeente=44021&leeftijd=10&pagina=2');
		const page = await result;
		expect(list).toHaveBeenCalledTimes(1);
		expect(page.filters).toEqual({ municipality: '44021', age: 10, page: 2 });
		expect(page.pageCount).toBe(3);
		expect(page.invalidMessage).toBeNull();
		expect(page.municipalityGroups).toEqual([
			{ label: 'Oost-Vlaanderen', options: '44021:Gent' },
			{ label: 'Brussels Hoofdstedelijk Gewest', options: '21004:Brussel' }
		]);
	});

	it('drops an unknown municipality, says so, and lists again without it', async () => {
		const { list, result } = setup('gemeente=99999&provincie=limburg');
		const page = await result;
		expect(list).toHaveBeenCalledTimes(2);
		expect(list.mock.calls[1]?.[0]).toEqual({ province: 'limburg', page: 1 });
		expect(page.invalidMessage).toBe(
			'Niet elke filter in deze link klopte. We negeerden: gemeente.'
		);
	});

	it('never fails on nonsense in the URL', async () => {
		const { result } = setup('provincie=%00&leeftijd=-3&pagina=abc&gemeente=%27%3B--');
		const page = await result;
		expect(page.filters).toEqual({ page: 1 });
		expect(page.invalidMessage).toContain('provincie, gemeente, leeftijd, pagina');
	});
});
