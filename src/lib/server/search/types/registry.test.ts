import { describe, expect, it } from 'vitest';
import { FACETS, FILTER_FIELDS } from '../facets';
import { INDEX_SETTINGS } from '../settings.js';
import {
	INDEX_OF_TYPE,
	SEARCH_INDEXES,
	SEARCH_TYPES,
	SEARCH_TYPE_DECLARATIONS,
	typeLabel
} from './registry.js';

describe('the searchable types', () => {
	it('list the indexes and their document types in the order search shows them', () => {
		expect(SEARCH_INDEXES).toEqual([
			'activities',
			'organisations',
			'offers',
			'requests',
			'communities',
			'posts',
			'events',
			'people'
		]);
		expect(SEARCH_TYPES).toEqual([
			'activity',
			'academy',
			'school',
			'company',
			'partner',
			'offer',
			'request',
			'community',
			'good_practice',
			'post',
			'event',
			'person'
		]);
		expect(INDEX_OF_TYPE).toMatchObject({
			school: 'organisations',
			request: 'requests',
			good_practice: 'posts',
			person: 'people'
		});
	});

	it('name each document type for a group of results and for one result', () => {
		expect(SEARCH_TYPES.map((type) => typeLabel(type))).toEqual([
			'Activiteiten',
			'Academies',
			'Scholen',
			'Bedrijven',
			'Partners',
			'Aanbod',
			'Vragen',
			'Communities',
			'Goede praktijken',
			'Berichten',
			'Evenementen',
			'Mensen'
		]);
		expect(typeLabel('request', 'singular')).toBe('Vraag');
	});

	it('filter and sort only on attributes every index declares filterable and sortable', () => {
		const filterable: readonly string[] = INDEX_SETTINGS.filterableAttributes;
		for (const field of FILTER_FIELDS) expect(filterable).toContain(FACETS[field].attribute);
		for (const declaration of SEARCH_TYPE_DECLARATIONS) {
			for (const facet of declaration.facets) expect(filterable, declaration.uid).toContain(facet);
			const standing = 'standingFilter' in declaration ? declaration.standingFilter(0) : '';
			for (const [, attribute] of standing.matchAll(/([a-z_]+) (?:>=|IS)/g)) {
				expect(filterable, declaration.uid).toContain(attribute);
			}
		}
		expect(filterable).toContain('_geo');
		expect(INDEX_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['start_ts', '_geo']));
	});
});
