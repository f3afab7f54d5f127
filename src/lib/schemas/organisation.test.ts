import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import {
	createOrganisationSchema,
	slugify,
	verificationSchema,
	withSuggestedSlug,
	type OrganisationValues
} from './organisation';
import { refusedFields } from './refused';

const valid: OrganisationValues = {
	kind: 'academy',
	partnerType: '',
	name: 'STEM-academie Gent',
	slug: 'stem-academie-gent',
	description: 'Wij bouwen robots.\r\nElke woensdag.',
	website: 'www.stemgent.be',
	publicEmail: ' Info@StemGent.be ',
	publicPhone: '+32 9 123 45 67',
	streetAddress: 'Kerkstraat 1',
	postalCode: '9000',
	municipality: 'Gent — Oost-Vlaanderen',
	contactName: '',
	contactEmail: '',
	contactPhone: ''
};

describe('slugify', () => {
	it('makes a readable web address from a Dutch name', () => {
		expect(slugify('STEM-academie Sint-Niklaas')).toBe('stem-academie-sint-niklaas');
		expect(slugify('  Één & twee: Café Kröller!  ')).toBe('een-en-twee-cafe-kroller');
		expect(slugify('---')).toBe('');
	});

	it('stays within 80 characters and cuts at a word boundary', () => {
		const slug = slugify('Heel lange naam '.repeat(10));
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		expect(slug.endsWith('naam') || slug.endsWith('lange') || slug.endsWith('heel')).toBe(true);
	});
});

describe('withSuggestedSlug', () => {
	it('suggests a slug from the name only when none was typed', () => {
		expect(withSuggestedSlug({ ...valid, slug: ' ' }).slug).toBe('stem-academie-gent');
		expect(withSuggestedSlug({ ...valid, slug: 'eigen-keuze' }).slug).toBe('eigen-keuze');
	});
});

describe('createOrganisationSchema', () => {
	it('accepts a filled-in academy and normalises what was typed', () => {
		const form = createOrganisationSchema.parse(valid);
		expect(form).toMatchObject({
			kind: 'academy',
			partnerType: null,
			website: 'https://www.stemgent.be',
			publicEmail: 'info@stemgent.be',
			description: 'Wij bouwen robots.\nElke woensdag.',
			contactName: null,
			contactEmail: null
		});
	});

	it('wants a partner type for partners only', () => {
		const partner = createOrganisationSchema.safeParse({ ...valid, kind: 'partner' });
		expect(partner.success).toBe(false);
		if (!partner.success) {
			expect(fieldErrors(partner.error)).toEqual({ partnerType: 'Kies wat voor partner het is.' });
		}
		expect(
			createOrganisationSchema.parse({ ...valid, kind: 'partner', partnerType: 'fablab' })
				.partnerType
		).toBe('fablab');
		expect(createOrganisationSchema.parse({ ...valid, partnerType: 'fablab' }).partnerType).toBe(
			null
		);
	});

	it('reports every wrong field in Dutch', () => {
		expect(
			refusedFields(createOrganisationSchema, {
				...valid,
				kind: 'club',
				name: 'X',
				slug: 'Geen Spaties!',
				website: 'ftp://x.be',
				publicEmail: 'geen-adres',
				postalCode: '90000',
				municipality: ' '
			})
		).toEqual({
			kind: 'Kies wat voor organisatie het is.',
			name: 'De naam moet tussen 2 en 120 tekens lang zijn.',
			slug: 'Gebruik in het webadres (slug) enkel kleine letters, cijfers en koppeltekens, bijvoorbeeld stem-academie-gent.',
			website: 'Vul een geldig webadres in, bijvoorbeeld https://www.voorbeeld.be.',
			publicEmail: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.',
			postalCode: 'Een postcode bestaat uit 4 cijfers, bijvoorbeeld 9000.',
			municipality: 'Vul de gemeente in.'
		});
	});

	it('refuses slugs that are too short or too long', () => {
		for (const slug of ['ab', 'a'.repeat(81)]) {
			const result = createOrganisationSchema.safeParse({ ...valid, slug });
			expect(result.success).toBe(false);
			if (!result.success) {
				expect(fieldErrors(result.error).slug).toBe(
					'Het webadres (slug) moet tussen 3 en 80 tekens lang zijn.'
				);
			}
		}
	});
});

describe('verificationSchema', () => {
	it('keeps a note and turns an empty one into null', () => {
		const id = '3f0c7a4e-5b1d-4c2a-9e8f-1a2b3c4d5e6f';
		expect(verificationSchema.parse({ organisationId: id, decision: 'verify', note: ' ' })).toEqual(
			{
				organisationId: id,
				decision: 'verify',
				note: null
			}
		);
		const tooLong = verificationSchema.safeParse({
			organisationId: 'x',
			decision: 'maybe',
			note: 'x'.repeat(501)
		});
		expect(tooLong.success).toBe(false);
		if (!tooLong.success) {
			expect(Object.keys(fieldErrors(tooLong.error)).sort()).toEqual([
				'decision',
				'note',
				'organisationId'
			]);
		}
	});
});
