import { describe, expect, it } from 'vitest';
import { guardRedirect, guardResponse } from './guard';

const url = (path: string) => new URL(path, 'http://127.0.0.1:4173');

describe('guardRedirect', () => {
	it('sends anonymous visitors of (app) pages to sign in, remembering where they were going', () => {
		expect(
			guardRedirect({ routeId: '/(app)/profiel', url: url('/profiel?tab=1'), signedIn: false })
		).toBe('/aanmelden?redirectTo=%2Fprofiel%3Ftab%3D1');
	});

	it('lets signed-in people into (app) pages and everyone into public pages', () => {
		expect(
			guardRedirect({ routeId: '/(app)/profiel', url: url('/profiel'), signedIn: true })
		).toBeNull();
		expect(guardRedirect({ routeId: '/(public)', url: url('/'), signedIn: false })).toBeNull();
		expect(guardRedirect({ routeId: null, url: url('/nergens'), signedIn: false })).toBeNull();
	});

	it('sends signed-in people away from sign-in pages, only to same-site paths', () => {
		const route = '/(public)/(guest)/aanmelden';
		expect(guardRedirect({ routeId: route, url: url('/aanmelden'), signedIn: true })).toBe('/');
		expect(
			guardRedirect({ routeId: route, url: url('/aanmelden?redirectTo=/x'), signedIn: true })
		).toBe('/x');
		expect(
			guardRedirect({
				routeId: route,
				url: url('/aanmelden?redirectTo=https://evil.example'),
				signedIn: true
			})
		).toBe('/');
		expect(guardRedirect({ routeId: route, url: url('/aanmelden'), signedIn: false })).toBeNull();
	});

	it.each(['/.//evil.example', '/%2e//evil.example', '/%2F%2Fevil.example'])(
		'sends signed-in people home, not to %s resolved to another host',
		(redirectTo) => {
			for (const route of ['/(public)/(guest)/aanmelden', '/(public)/(guest)/registreren']) {
				const target = url(`/aanmelden?${new URLSearchParams({ redirectTo })}`);
				expect(guardRedirect({ routeId: route, url: target, signedIn: true })).toBe('/');
			}
		}
	);
});

describe('guardResponse', () => {
	const request = (method: string, headers: Record<string, string> = {}) =>
		new Request('http://127.0.0.1:4173/profiel/gegevens', { method, headers });

	it('answers a page or a plain form post with a 303', () => {
		for (const plain of [request('GET'), request('POST', { accept: 'text/html' })]) {
			const response = guardResponse('/aanmelden', { isDataRequest: false, request: plain });
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/aanmelden');
		}
	});

	it("answers the client's data requests and enhanced form posts in the JSON it navigates by", async () => {
		const data = guardResponse('/aanmelden', { isDataRequest: true, request: request('GET') });
		expect(data.status).toBe(200);
		expect(await data.json()).toEqual({ type: 'redirect', location: '/aanmelden' });

		const enhanced = request('POST', {
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		});
		const action = guardResponse('/aanmelden', { isDataRequest: false, request: enhanced });
		expect(action.status).toBe(200);
		expect(await action.json()).toEqual({ type: 'redirect', status: 303, location: '/aanmelden' });
	});
});
