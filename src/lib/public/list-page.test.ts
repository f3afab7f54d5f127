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
		expect(page.municipalityText).toBe('Gent — Oost-Vlaanderen');
		expect(page.municipalityUnknown).toBe(false);
	});

	it('takes a typed label or name for the municipality, as its NIS code', async () => {
		for (const typed of ['Gent — Oost-Vlaanderen', ' gent ', 'GENT - oost-vlaanderen', 'Brussel']) {
			const { list, result } = setup(new URLSearchParams({ gemeente: typed }).toString());
			const page = await result;
			expect(list).toHaveBeenCalledTimes(1);
			const nis = typed === 'Brussel' ? '21004' : '44021';
			expect(list.mock.calls[0]?.[0]).toEqual({ municipality: nis, page: 1 });
			expect(page.invalidMessage).toBeNull();
		}
		expect((await setup('gemeente=Brussel').result).municipalityText).toBe(
			'Brussel — Brussels Hoofdstedelijk Gewest'
		);
	});

	it('drops an unknown municipality, says so, lists without it and keeps what was typed', async () => {
		// A link's NIS code of no municipality is named in the note above the list and at the field.
		const link = setup('gemeente=99999&provincie=limburg');
		const linked = await link.result;
		expect(link.list).toHaveBeenCalledTimes(1);
		expect(link.list.mock.calls[0]?.[0]).toEqual({ province: 'limburg', page: 1 });
		expect(linked.invalidMessage).toBe(
			'Niet elke filter in deze link klopte. We negeerden: gemeente.'
		);
		expect(linked.municipalityUnknown).toBe(true);
		expect(linked.municipalityText).toBe('99999');

		// A typed name that names none only at the field.
		const typed = setup('gemeente=Atlantis&provincie=limburg');
		const page = await typed.result;
		expect(typed.list).toHaveBeenCalledTimes(1);
		expect(typed.list.mock.calls[0]?.[0]).toEqual({ province: 'limburg', page: 1 });
		expect(page.invalidMessage).toBeNull();
		expect(page.municipalityUnknown).toBe(true);
		expect(page.municipalityText).toBe('Atlantis');
	});

	it('never fails on nonsense in the URL', async () => {
		const { result } = setup('provincie=%00&leeftijd=-3&pagina=abc&gemeente=%27%3B--');
		const page = await result;
		expect(page.filters).toEqual({ page: 1 });
		expect(page.invalidMessage).toContain('provincie, leeftijd, pagina');
		// Text that names no municipality is said at the field, which shows it.
		expect(page.municipalityUnknown).toBe(true);
		expect(page.municipalityText).toBe("';--");
	});
});
