import { describe, expect, it } from 'vitest';
import { attemptBuckets, failedSignInBuckets, rateLimitMessage } from './throttle';

describe('attemptBuckets', () => {
	it('counts a sign-in per address and only checks the failures per e-mail address', () => {
		expect(
			attemptBuckets('sign_in', { address: '203.0.113.7', email: ' Sara@Example.be ' })
		).toEqual([
			{ key: 'sign_in:address:203.0.113.7', limit: 30, window: 300, count: true },
			{ key: 'sign_in:email:sara@example.be', limit: 10, window: 900, count: false }
		]);
		expect(failedSignInBuckets({ email: 'SARA@example.be' })).toEqual([
			{ key: 'sign_in:email:sara@example.be', limit: 10, window: 900, count: true }
		]);
	});

	it('counts sign-ups and recovery requests per address and per e-mail address, per hour', () => {
		for (const action of ['sign_up', 'recover'] as const) {
			const buckets = attemptBuckets(action, { address: '2001:db8::1', email: 'a@b.be' });
			expect(buckets.map((b) => b.key)).toEqual([
				`${action}:address:2001:db8::1`,
				`${action}:email:a@b.be`
			]);
			expect(buckets.every((b) => b.count && b.window === 3600)).toBe(true);
		}
	});

	it('counts requests without a known address together', () => {
		expect(attemptBuckets('sign_up', { address: null, email: 'a@b.be' })[0]!.key).toBe(
			'sign_up:address:unknown'
		);
	});
});

describe('rateLimitMessage', () => {
	it('says how many minutes to wait, rounded up, in Dutch', () => {
		expect(rateLimitMessage(61)).toBe('Te veel pogingen. Wacht 2 min. en probeer het dan opnieuw.');
		expect(rateLimitMessage(1)).toBe('Te veel pogingen. Wacht 1 min. en probeer het dan opnieuw.');
	});
});
