import { describe, expect, it } from 'vitest';
import {
	emailLinkSecret,
	isLocalStack,
	signUnsubscribe,
	unsubscribeUrl,
	verifyUnsubscribe
} from './links.js';

const secret = 'a-test-secret-that-is-long-enough-for-links';
const userId = '0b6f1c9e-4a8d-4f5e-9c3b-2d7a1e6f8b90';
const now = Date.UTC(2026, 11, 1, 12);
const day = 24 * 60 * 60 * 1000;

const signed = () => signUnsubscribe({ userId, scope: 'agreement_message', secret, now });
const LOCAL_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

describe('unsubscribe links', () => {
	it('verify as signed: the person, the kind and when they expire (90 days)', () => {
		expect(verifyUnsubscribe(signed(), secret, now)).toEqual({
			ok: true,
			userId,
			scope: 'agreement_message',
			expiresAt: new Date(now + 90 * day)
		});
	});

	it('build a URL on the unsubscribe page with the signed query', () => {
		const url = new URL(
			unsubscribeUrl({ origin: 'https://groeistoot.be', userId, scope: 'digest', secret, now })
		);
		expect(url.origin + url.pathname).toBe('https://groeistoot.be/meldingen/uitschrijven');
		expect(verifyUnsubscribe(url.searchParams, secret, now)).toMatchObject({
			ok: true,
			scope: 'digest'
		});
	});

	it.each([
		['another person', 'u', '11111111-2222-4333-8444-555555555555'],
		['another kind', 'k', 'agreement_status'],
		['a later expiry', 'e', String(Math.floor(now / 1000) + 400 * 24 * 3600)],
		['another signature', 's', 'A'.repeat(43)],
		['a malformed person', 'u', 'not-a-uuid'],
		['a malformed kind', 'k', 'Agreement-Message'],
		['a malformed expiry', 'e', '12.5'],
		['a short signature', 's', 'abc']
	])('are invalid with %s', (_what, key, value) => {
		const query = signed();
		query.set(key, value);
		expect(verifyUnsubscribe(query, secret, now)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('are invalid with a part missing or given twice, or signed with another secret', () => {
		for (const key of ['u', 'k', 'e', 's']) {
			const missing = signed();
			missing.delete(key);
			expect(verifyUnsubscribe(missing, secret, now)).toEqual({ ok: false, reason: 'invalid' });
			const twice = signed();
			twice.append(key, twice.get(key)!);
			expect(verifyUnsubscribe(twice, secret, now)).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(verifyUnsubscribe(signed(), `${secret}-other`, now)).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('expire after their time, and only a genuine link is told it expired', () => {
		expect(verifyUnsubscribe(signed(), secret, now + 90 * day - 1000).ok).toBe(true);
		expect(verifyUnsubscribe(signed(), secret, now + 90 * day)).toEqual({
			ok: false,
			reason: 'expired'
		});
		const forged = signed();
		forged.set('e', String(Math.floor(now / 1000) - 10));
		expect(verifyUnsubscribe(forged, secret, now)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('are never signed for something that is not a person or a kind', () => {
		expect(() => signUnsubscribe({ userId: 'x', scope: 'agreement_status', secret })).toThrow();
		expect(() => signUnsubscribe({ userId, scope: 'a&b=c', secret })).toThrow();
	});
});

describe('emailLinkSecret', () => {
	it('is EMAIL_LINK_SECRET when set, refusing a short one', () => {
		const target = { supabaseUrl: 'https://abc.supabase.co', serviceRoleKey: 'real-key' };
		expect(emailLinkSecret({ configured: secret, ...target })).toBe(secret);
		expect(() => emailLinkSecret({ configured: 'short', ...target })).toThrow(/32 characters/);
	});

	it('is required anywhere but the local stack', () => {
		expect(() =>
			emailLinkSecret({ supabaseUrl: 'https://abc.supabase.co', serviceRoleKey: 'real-key' })
		).toThrow('EMAIL_LINK_SECRET is not set');
		// The local URL with a real key, or a remote URL with the demo key, is not the local stack.
		expect(() =>
			emailLinkSecret({ supabaseUrl: 'http://127.0.0.1:54321', serviceRoleKey: 'real-key' })
		).toThrow('EMAIL_LINK_SECRET is not set');
		expect(() =>
			emailLinkSecret({ supabaseUrl: 'https://abc.supabase.co', serviceRoleKey: LOCAL_KEY })
		).toThrow('EMAIL_LINK_SECRET is not set');
	});

	it('against the local stack is a stable value of its own, whatever the port', () => {
		const one = emailLinkSecret({
			supabaseUrl: 'http://127.0.0.1:54321',
			serviceRoleKey: LOCAL_KEY
		});
		const two = emailLinkSecret({
			supabaseUrl: 'http://localhost:58321',
			serviceRoleKey: LOCAL_KEY
		});
		expect(one).toBe(two);
		expect(one).toMatch(/^[0-9a-f]{64}$/);
		expect(one).not.toContain(LOCAL_KEY);
		expect(isLocalStack({ supabaseUrl: 'not a url', serviceRoleKey: LOCAL_KEY })).toBe(false);
	});
});
