import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/environment', () => ({ dev: false }));

const { csrf, isForbiddenCrossSiteForm } = await import('./csrf');

const url = (path: string) => new URL(path, 'https://groeistoot.be');
const post = (path: string, headers: Record<string, string>, method = 'POST'): [Request, URL] => [
	new Request(url(path), { method, headers, body: 'a=b' }),
	url(path)
];
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('isForbiddenCrossSiteForm', () => {
	it('forbids form posts from another site, or naming none, as SvelteKit does', () => {
		expect(
			isForbiddenCrossSiteForm(...post('/aanmelden', { ...form, origin: 'https://evil.example' }))
		).toBe(true);
		expect(isForbiddenCrossSiteForm(...post('/aanmelden', form))).toBe(true);
		for (const type of [
			'multipart/form-data; boundary=x',
			'TEXT/PLAIN',
			'application/x-sveltekit-formdata'
		]) {
			expect(isForbiddenCrossSiteForm(...post('/profiel', { 'content-type': type }))).toBe(true);
		}
		expect(isForbiddenCrossSiteForm(...post('/profiel', form, 'DELETE'))).toBe(true);
	});

	it('lets through the own site, other content types and safe methods', () => {
		expect(
			isForbiddenCrossSiteForm(...post('/aanmelden', { ...form, origin: 'https://groeistoot.be' }))
		).toBe(false);
		expect(
			isForbiddenCrossSiteForm(...post('/api/x', { 'content-type': 'application/json' }))
		).toBe(false);
		const get = new Request(url('/aanmelden'), { headers: form });
		expect(isForbiddenCrossSiteForm(get, url('/aanmelden'))).toBe(false);
	});

	it('lets a mail provider post the one-click unsubscribe (RFC 8058), and nothing under it', () => {
		expect(isForbiddenCrossSiteForm(...post('/meldingen/uitschrijven?u=1&k=2&e=3&s=4', form))).toBe(
			false
		);
		expect(isForbiddenCrossSiteForm(...post('/meldingen/uitschrijven/x', form))).toBe(true);
		expect(isForbiddenCrossSiteForm(...post('/meldingen', form))).toBe(true);
	});
});

describe('csrf', () => {
	it('answers a forbidden post with 403 and never runs the route', async () => {
		const [request, where] = post('/aanmelden', { ...form, origin: 'https://evil.example' });
		const resolve = vi.fn();
		const response = await csrf({ event: { request, url: where } as never, resolve });
		expect(response.status).toBe(403);
		expect(await response.text()).toBe('Cross-site POST form submissions are forbidden');
		expect(resolve).not.toHaveBeenCalled();
	});
});
