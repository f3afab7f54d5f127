import { describe, expect, it } from 'vitest';
import { activitySchema, type ActivityValues } from './activity';
import { refusedFields } from './refused';

const valid: ActivityValues = {
	title: 'Robotica voor beginners',
	description: 'We bouwen en programmeren een kleine robot.',
	domains: ['programmeren', 'techniek'],
	format: 'korte_reeks',
	ageMin: '9',
	ageMax: '12',
	startDate: '2027-02-03',
	endDate: '2027-03-10',
	sessionCount: '6',
	venueName: 'Bibliotheek De Krook',
	venueAddress: 'Miriam Makebaplein 1',
	municipality: 'Gent — Oost-Vlaanderen',
	capacity: '',
	priceEur: '45,50',
	reducedPriceEur: '10',
	registrationUrl: ''
};

describe('activitySchema', () => {
	it('turns the typed text into what the database stores', () => {
		expect(activitySchema.parse(valid)).toEqual({
			...valid,
			domains: ['techniek', 'programmeren'],
			ageMin: 9,
			ageMax: 12,
			sessionCount: 6,
			capacity: null,
			priceEur: 45.5,
			reducedPriceEur: 10,
			registrationUrl: null
		});
	});

	it('treats an empty price as free', () => {
		expect(activitySchema.parse({ ...valid, priceEur: '', reducedPriceEur: '' })).toMatchObject({
			priceEur: 0,
			reducedPriceEur: null
		});
	});

	it('reports every missing or wrong field in Dutch', () => {
		expect(
			refusedFields(activitySchema, {
				...valid,
				title: 'AI',
				domains: [],
				format: 'workshop',
				ageMin: '',
				startDate: '2027-02-30',
				sessionCount: '0',
				capacity: '-3',
				priceEur: '12.345',
				registrationUrl: 'javascript:alert(1)'
			})
		).toEqual({
			title: 'De titel moet tussen 3 en 140 tekens lang zijn.',
			domains: 'Kies minstens één domein.',
			format: 'Kies een formaat uit de lijst.',
			ageMin: 'Vul een leeftijd in.',
			startDate: 'Vul een geldige datum in.',
			sessionCount: 'Vul een getal van minstens 1 in.',
			capacity: 'Vul een geheel getal in, zonder komma of punt.',
			priceEur: 'Vul een bedrag in euro in, bijvoorbeeld 12,50.',
			registrationUrl: 'Vul een geldig webadres in, bijvoorbeeld https://www.voorbeeld.be.'
		});
	});

	it('checks dates, ages and prices against each other', () => {
		expect(
			refusedFields(activitySchema, {
				...valid,
				ageMin: '14',
				ageMax: '10',
				endDate: '2027-01-01',
				reducedPriceEur: '50'
			})
		).toEqual({
			ageMax: 'De oudste leeftijd mag niet lager zijn dan de jongste.',
			endDate: 'De einddatum mag niet voor de startdatum liggen.',
			reducedPriceEur: 'Het verminderd tarief mag niet hoger zijn dan de gewone prijs.'
		});
	});
});
