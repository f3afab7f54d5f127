import { describe, expect, it } from 'vitest';
import { activityValues, amountText, type ActivityRecord } from './activity-admin';
import { ilikePattern } from './verification';

describe('ilikePattern', () => {
	it('searches for the typed text anywhere, wildcards taken literally', () => {
		expect(ilikePattern('Gent')).toBe('%Gent%');
		expect(ilikePattern('50%_\\')).toBe('%50\\%\\_\\\\%');
	});
});

describe('activity form values', () => {
	it('shows amounts the Belgian way and empty optionals as empty fields', () => {
		expect(amountText(12.5)).toBe('12,50');
		expect(amountText(0)).toBe('0,00');
		expect(amountText(null)).toBe('');
		const activity: ActivityRecord = {
			id: 'a',
			title: 'Robots',
			description: '',
			domains: ['techniek'],
			format: 'korte_reeks',
			ageMin: 8,
			ageMax: 12,
			startDate: '2027-01-01',
			endDate: '2027-02-01',
			sessionCount: 4,
			venueName: null,
			venueAddress: null,
			municipalityNis: '44021',
			capacity: null,
			priceEur: 30,
			reducedPriceEur: null,
			registrationUrl: null,
			status: 'draft',
			publishedAt: null,
			cancelledAt: null
		};
		expect(activityValues(activity, 'Gent — Oost-Vlaanderen')).toMatchObject({
			ageMin: '8',
			sessionCount: '4',
			venueName: '',
			capacity: '',
			priceEur: '30,00',
			reducedPriceEur: '',
			municipality: 'Gent — Oost-Vlaanderen'
		});
	});
});
