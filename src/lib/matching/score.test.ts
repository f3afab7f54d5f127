import { describe, expect, it } from 'vitest';
import {
	ageOverlap,
	formatDistance,
	formatEuro,
	formatWindow,
	kindsMatch,
	rankSuggestions,
	reasonLine,
	scoreSuggestion,
	type MatchCandidate
} from './score';

/** A science lab 3.2 km away, free on Wednesday 13–16 for a robotics academy of 10–14 year olds. */
function lab(values: Partial<MatchCandidate> = {}): MatchCandidate {
	return {
		offerId: 'offer-lab',
		requestId: 'request-1',
		organisationId: 'school-1',
		organisationName: 'Sint-Jozefscollege',
		offerKind: 'room',
		requestKind: 'venue',
		title: 'Labo wetenschappen',
		roomType: 'labo_wetenschappen',
		municipalityNis: '44021',
		municipalityName: 'Gent',
		distanceKm: 3.24,
		reach: 'radius',
		radiusKm: 15,
		requestSlotCount: 1,
		requestedMinutes: 180,
		overlapMinutes: 180,
		overlap: { weekday: 3, starts: '13:00:00', ends: '16:00:00' },
		termStart: '2026-09-01',
		termEnd: '2027-06-30',
		neededFrom: '2027-01-06',
		neededUntil: '2027-05-26',
		deadline: null,
		offerDomains: ['techniek', 'programmeren'],
		requestDomains: ['programmeren'],
		sharedDomains: ['programmeren'],
		offerAges: { min: null, max: null },
		requestAges: { min: 10, max: 14 },
		capacity: 24,
		people: null,
		quantity: null,
		amountEur: null,
		hoursPerYear: null,
		neededPeople: 16,
		neededAmountEur: null,
		neededQuantity: '16 kinderen',
		accessible: null,
		conditions: ['gratis'],
		feeEur: null,
		agreement: null,
		...values
	};
}

describe('formatting', () => {
	it.each([
		[3.24, '3,2 km'],
		[1, '1,0 km'],
		[9.96, '10,0 km'],
		[12.6, '13 km'],
		[0.4, 'minder dan 1 km'],
		[Number.NaN, 'minder dan 1 km']
	])('%s km reads "%s"', (km, text) => {
		expect(formatDistance(km)).toBe(text);
	});

	it('writes hours as every page does, 24 hours with a colon', () => {
		expect(formatWindow({ weekday: 3, starts: '13:00:00', ends: '16:00:00' })).toBe(
			'woensdag 13:00–16:00'
		);
		expect(formatWindow({ weekday: 6, starts: '09:30:00', ends: '12:00:00' })).toBe(
			'zaterdag 09:30–12:00'
		);
	});

	it('writes euros with a dot per thousand and a decimal comma', () => {
		expect(formatEuro(2500)).toBe('2.500');
		expect(formatEuro(1250000)).toBe('1.250.000');
		expect(formatEuro(12.5)).toBe('12,50');
	});
});

describe('kinds', () => {
	it('a venue is a room, expertise also a visit, the rest their namesake', () => {
		expect(kindsMatch('room', 'venue')).toBe(true);
		expect(kindsMatch('visit', 'expertise')).toBe(true);
		expect(kindsMatch('expertise', 'expertise')).toBe(true);
		expect(kindsMatch('funding', 'funding')).toBe(true);
		expect(kindsMatch('room', 'volunteers')).toBe(false);
		expect(kindsMatch('visit', 'venue')).toBe(false);
	});

	it('a pair of kinds that do not meet scores nothing and says nothing', () => {
		expect(scoreSuggestion(lab({ offerKind: 'materials' }))).toEqual({ score: 0, reasons: [] });
	});
});

describe('scoreSuggestion', () => {
	it('explains the lab in words: distance, the free window, the shared domain, ages, room', () => {
		const suggestion = scoreSuggestion(lab());
		expect(reasonLine(suggestion)).toBe(
			'3,2 km · woensdag 13:00–16:00 vrij · programmeren · plaats voor 24'
		);
		expect(suggestion.score).toBeGreaterThan(75);
		expect(suggestion.score).toBeLessThanOrEqual(100);
	});

	it('a perfect match next door scores close to 100', () => {
		const suggestion = scoreSuggestion(
			lab({ distanceKm: 0, offerAges: { min: 8, max: 16 }, capacity: 30 })
		);
		expect(suggestion.score).toBe(100);
	});

	it('nearer scores higher, all else equal', () => {
		const near = scoreSuggestion(lab({ distanceKm: 2 })).score;
		const far = scoreSuggestion(lab({ distanceKm: 20 })).score;
		expect(near).toBeGreaterThan(far);
	});

	it('no common time scores far lower and says so', () => {
		const none = scoreSuggestion(lab({ overlapMinutes: 0, overlap: null }));
		expect(none.reasons).toContain('geen gemeenschappelijk moment');
		expect(none.score).toBeLessThan(scoreSuggestion(lab()).score - 25);
		// A nearby room without a common moment still ranks below a farther one that is free.
		expect(
			scoreSuggestion(lab({ distanceKm: 0.5, overlapMinutes: 0, overlap: null })).score
		).toBeLessThan(scoreSuggestion(lab({ distanceKm: 12 })).score);
	});

	it('part of the asked time counts in proportion and says how much', () => {
		const half = scoreSuggestion(
			lab({ overlapMinutes: 90, overlap: { weekday: 3, starts: '14:30', ends: '16:00' } })
		);
		expect(half.reasons).toContain('woensdag 14:30–16:00 vrij');
		expect(half.reasons).toContain('50% van de gevraagde tijd');
		expect(half.score).toBeLessThan(scoreSuggestion(lab()).score);
		expect(half.score).toBeGreaterThan(
			scoreSuggestion(lab({ overlapMinutes: 0, overlap: null })).score
		);
	});

	it('a request without weekly moments is neither helped nor hurt by time', () => {
		const timeless = scoreSuggestion(
			lab({ requestSlotCount: 0, requestedMinutes: 0, overlapMinutes: 0, overlap: null })
		);
		expect(timeless.reasons.join()).not.toContain('moment');
		expect(timeless.score).toBeLessThan(scoreSuggestion(lab()).score);
		expect(timeless.score).toBeGreaterThan(
			scoreSuggestion(lab({ overlapMinutes: 0, overlap: null })).score
		);
	});

	it('shared domains count in proportion to what the request asks, with Dutch names', () => {
		const both = scoreSuggestion(
			lab({
				requestDomains: ['programmeren', 'wiskunde_natuurwetenschappen'],
				sharedDomains: ['programmeren', 'wiskunde_natuurwetenschappen']
			})
		);
		expect(both.reasons).toContain('programmeren, wiskunde en natuurwetenschappen');
		const one = scoreSuggestion(
			lab({
				requestDomains: ['programmeren', 'wiskunde_natuurwetenschappen'],
				sharedDomains: ['programmeren']
			})
		);
		const none = scoreSuggestion(lab({ requestDomains: ['natuur'], sharedDomains: [] }));
		expect(both.score).toBeGreaterThan(one.score);
		expect(one.score).toBeGreaterThan(none.score);
		expect(none.reasons.some((r) => r.includes('natuur'))).toBe(false);
	});

	it('ages: the common range when both say, a warning when they do not meet', () => {
		const fits = scoreSuggestion(lab({ offerAges: { min: 12, max: 18 } }));
		expect(fits.reasons).toContain('12–14 jaar');
		const apart = scoreSuggestion(lab({ offerAges: { min: 16, max: 18 } }));
		expect(apart.reasons).toContain('andere leeftijden');
		expect(fits.score).toBeGreaterThan(scoreSuggestion(lab()).score);
		expect(apart.score).toBeLessThan(scoreSuggestion(lab()).score);
	});

	it('ageOverlap treats an open end as 2 or 25 years', () => {
		expect(ageOverlap({ min: 8, max: null }, { min: null, max: 12 })).toEqual({ min: 8, max: 12 });
		expect(ageOverlap({ min: null, max: null }, { min: 8, max: 12 })).toBeNull();
		expect(ageOverlap({ min: 15, max: 18 }, { min: 8, max: 12 })).toBeNull();
	});

	it('a room too small for the group says so and scores lower', () => {
		const small = scoreSuggestion(lab({ capacity: 8 }));
		expect(small.reasons).toContain('plaats voor 8 (nodig: 16)');
		expect(small.score).toBeLessThan(scoreSuggestion(lab()).score);
	});

	it('pledges speak of people, items and euros', () => {
		const mentors = scoreSuggestion(
			lab({
				offerKind: 'volunteers',
				requestKind: 'volunteers',
				requestSlotCount: 0,
				requestedMinutes: 0,
				overlapMinutes: 0,
				overlap: null,
				capacity: null,
				people: 2,
				neededPeople: 3
			})
		);
		expect(mentors.reasons).toContain('2 personen (nodig: 3)');
		const money = scoreSuggestion(
			lab({
				offerKind: 'funding',
				requestKind: 'funding',
				capacity: null,
				amountEur: 2500,
				neededAmountEur: 1000,
				requestSlotCount: 0,
				requestedMinutes: 0
			})
		);
		expect(money.reasons).toContain('€ 2.500');
		const kits = scoreSuggestion(
			lab({ offerKind: 'materials', requestKind: 'materials', capacity: null, quantity: 12 })
		);
		expect(kits.reasons).toContain('12 stuks');
		const one = scoreSuggestion(
			lab({
				offerKind: 'visit',
				requestKind: 'expertise',
				capacity: null,
				people: 1,
				neededPeople: null
			})
		);
		expect(one.reasons).toContain('1 persoon');
	});

	it('a visit serves expertise a little less than expertise itself', () => {
		const expertise = scoreSuggestion(
			lab({ offerKind: 'expertise', requestKind: 'expertise', capacity: null, people: 2 })
		);
		const visit = scoreSuggestion(
			lab({ offerKind: 'visit', requestKind: 'expertise', capacity: null, people: 2 })
		);
		expect(visit.score).toBeLessThan(expertise.score);
	});

	it('an offer found through its municipality list in the same place says it is in the area', () => {
		const local = scoreSuggestion(lab({ reach: 'municipalities', distanceKm: 0.2 }));
		expect(local.reasons[0]).toBe('in het werkgebied');
	});

	it('mentions an accessible room', () => {
		expect(scoreSuggestion(lab({ accessible: true })).reasons).toContain('toegankelijk');
	});

	it('stays within 0 and 100 for extreme values', () => {
		for (const values of [
			{ distanceKm: -5 },
			{ distanceKm: 10_000 },
			{ overlapMinutes: 10_000 },
			{ capacity: 0, neededPeople: 0 }
		]) {
			const { score } = scoreSuggestion(lab(values));
			expect(score).toBeGreaterThanOrEqual(0);
			expect(score).toBeLessThanOrEqual(100);
		}
	});
});

describe('rankSuggestions', () => {
	it('orders by score, then distance, then id', () => {
		const items = [
			lab({ offerId: 'c', distanceKm: 20 }),
			lab({ offerId: 'b', distanceKm: 2 }),
			lab({ offerId: 'a', distanceKm: 2 }),
			lab({ offerId: 'd', distanceKm: 1, overlap: null, overlapMinutes: 0 })
		].map((candidate) => ({ candidate, suggestion: scoreSuggestion(candidate) }));
		expect(rankSuggestions(items).map((item) => item.candidate.offerId)).toEqual([
			'a',
			'b',
			'c',
			'd'
		]);
	});
});
