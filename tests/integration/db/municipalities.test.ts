// Municipalities are reference data: complete, readable by everyone, writable by no one through the API.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('gemeenten');
const clients: Record<string, SupabaseClient> = {};

beforeAll(async () => {
	clients.anonymous = anonymousClient();
	clients['signed-in person'] = (await people.signUp('persoon')).client;
	const staff = await people.signUp('staf');
	await people.makeNetworkStaff(staff);
	clients['network staff'] = staff.client;
});

afterAll(() => people.remove());

describe('the municipality data', () => {
	type Current = { nis: string; region: string; province_nl: string | null };
	let current: Current[] = [];

	beforeAll(async () => {
		const { data, error } = await anonymousClient()
			.from('current_municipalities')
			.select('nis, region, province_nl');
		expect(error).toBeNull();
		current = data ?? [];
	});

	it('has the 565 current municipalities: 285 in Flanders, 19 in Brussels, 261 in Wallonia', () => {
		const perRegion = (region: string) => current.filter((m) => m.region === region).length;
		expect(current).toHaveLength(565);
		expect(perRegion('VLG')).toBe(285);
		expect(perRegion('BRU')).toBe(19);
		expect(perRegion('WAL')).toBe(261);
	});

	it.each([
		['Provincie Antwerpen', 67],
		['Provincie Oost-Vlaanderen', 55],
		['Provincie West-Vlaanderen', 62],
		['Provincie Vlaams-Brabant', 63],
		['Provincie Limburg', 38]
	])('has every current municipality of %s (%i)', (province, count) => {
		const inProvince = current.filter((m) => m.region === 'VLG' && m.province_nl === province);
		expect(inProvince).toHaveLength(count);
	});

	it('keeps the Brussels municipalities outside any province', () => {
		const brussels = current.filter((m) => m.region === 'BRU');
		expect(brussels.every((m) => m.province_nl === null)).toBe(true);
	});

	it('keeps former municipalities with the municipality they merged into', async () => {
		const { data, error } = await anonymousClient()
			.from('municipalities')
			.select('nis, name_nl, valid_to, merged_into')
			.eq('nis', '11007')
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({
			nis: '11007',
			name_nl: 'Borsbeek',
			valid_to: '2024-12-31',
			merged_into: '11002'
		});
	});

	it.each([
		['11007', '11002'], // Borsbeek → Antwerpen, which kept its code
		['11056', '46030'], // Zwijndrecht → Beveren-Kruibeke-Zwijndrecht, in another province
		['44021', '44021'], // Gent did not merge
		['99999', null]
	])('maps NIS %s to the current municipality %s', async (nis, expected) => {
		const { data, error } = await anonymousClient().rpc('current_nis', { nis });
		expect(error).toBeNull();
		expect(data).toBe(expected);
	});

	it('finds current municipalities by the start of their name, and no former ones', async () => {
		const gen = await anonymousClient()
			.from('current_municipalities')
			.select('name_nl')
			.ilike('name_nl', 'gen%')
			.order('name_nl');
		expect(gen.data?.map((m) => m.name_nl)).toEqual(['Genepien', 'Genk', 'Gent']);

		const borsbeek = await anonymousClient()
			.from('current_municipalities')
			.select('nis')
			.ilike('name_nl', 'borsbeek%');
		expect(borsbeek.data).toEqual([]);
	});
});

describe('who may do what with municipalities', () => {
	const everyone = ['anonymous', 'signed-in person', 'network staff'];

	it.each(everyone)('%s can read them', async (who) => {
		const { data, error } = await clients[who]!.from('municipalities')
			.select('nis, name_nl')
			.eq('nis', '24062')
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({ nis: '24062', name_nl: 'Leuven' });
	});

	it.each(everyone)('%s cannot add one', async (who) => {
		const invented = {
			nis: '99998',
			name_nl: 'Verzonnen',
			name_fr: 'Inventé',
			province_nis: '10000',
			province_nl: 'Provincie Antwerpen',
			province_fr: "Province d'Anvers",
			region: 'VLG',
			arrondissement_nis: '11000',
			valid_from: '2025-01-01'
		};
		await expectInsertRefused(clients[who]!, 'municipalities', invented, { nis: '99998' });
	});

	it.each(everyone)('%s cannot rename one', async (who) => {
		const patch = { name_nl: 'Lovaina' };
		await expectUpdateRefused(clients[who]!, 'municipalities', { nis: '24062' }, patch);
	});

	it.each(everyone)('%s cannot delete one', async (who) => {
		await expectDeleteRefused(clients[who]!, 'municipalities', { nis: '24062' });
	});
});
