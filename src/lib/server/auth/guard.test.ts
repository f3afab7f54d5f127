import { describe, expect, it } from 'vitest';
import { guardRedirect } from './guard';

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
		expect(guardRedirect({ routeId: route, url: url('/aanmelden'), signedIn: true })).toBe(
			'/profiel'
		);
		expect(
			guardRedirect({ routeId: route, url: url('/aanmelden?redirectTo=/x'), signedIn: true })
		).toBe('/x');
		expect(
			guardRedirect({
				routeId: route,
				url: url('/aanmelden?redirectTo=https://evil.example'),
				signedIn: true
			})
		).toBe('/profiel');
		expect(guardRedirect({ routeId: route, url: url('/aanmelden'), signedIn: false })).toBeNull();
	});

	it.each(['/.//evil.example', '/%2e//evil.example', '/%2F%2Fevil.example'])(
		'sends signed-in people to their profile, not to %s resolved to another host',
		(redirectTo) => {
			for (const route of ['/(public)/(guest)/aanmelden', '/(public)/(guest)/registreren']) {
				const target = url(`/aanmelden?${new URLSearchParams({ redirectTo })}`);
				expect(guardRedirect({ routeId: route, url: target, signedIn: true })).toBe('/profiel');
			}
		}
	);
});
