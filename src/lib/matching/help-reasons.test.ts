import { describe, expect, it } from 'vitest';
import { helpReasons, type HelpCandidate } from './help-reasons';

/** A request 3.2 km away for a mentor, on Wednesday 14–16 when the person is free, about coding. */
function request(values: Partial<HelpCandidate> = {}): HelpCandidate {
	return {
		interests: ['mentor'],
		distanceKm: 3.24,
		inMyCommunity: false,
		requestSlotCount: 1,
		requestedMinutes: 120,
		overlapMinutes: 120,
		overlap: { weekday: 3, starts: '14:00:00', ends: '16:00:00' },
		sharedDomains: ['programmeren'],
		agesFit: true,
		ageMin: 10,
		ageMax: 12,
		...values
	};
}

describe('helpReasons', () => {
	it('says what it asks, where, when, about what and for whom, strongest first', () => {
		expect(helpReasons(request())).toEqual([
			'past bij: mentor zijn',
			'3,2 km',
			'woensdag 14:00–16:00 vrij',
			'programmeren',
			'10–12 jaar'
		]);
	});

	it('names a partial fit of time, no common moment, the community and ages that do not meet', () => {
		expect(helpReasons(request({ overlapMinutes: 60 }))).toContain('50% van de gevraagde tijd');
		const none = helpReasons(
			request({ overlapMinutes: 0, overlap: null, inMyCommunity: true, agesFit: false })
		);
		expect(none).toContain('geen gemeenschappelijk moment');
		expect(none).toContain('in je community');
		expect(none).toContain('andere leeftijden');
	});

	it('leaves out what is unknown: no place, no moments asked, no ages', () => {
		expect(
			helpReasons(
				request({
					interests: [],
					distanceKm: null,
					requestSlotCount: 0,
					requestedMinutes: 0,
					sharedDomains: [],
					agesFit: null
				})
			)
		).toEqual([]);
	});
});
