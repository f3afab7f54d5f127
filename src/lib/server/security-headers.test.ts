import { describe, expect, it } from 'vitest';
import { NON_PAGE_POLICY, withSecurityHeaders } from './security-headers';

describe('withSecurityHeaders', () => {
	it('adds the headers and a policy that allows nothing to a response without one', () => {
		const response = withSecurityHeaders(Response.json({ status: 'ok' }));
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('permissions-policy')).toContain('camera=()');
		expect(response.headers.get('content-security-policy')).toBe(NON_PAGE_POLICY);
	});

	it("keeps a page's own policy", () => {
		const page = new Response('<!doctype html>', {
			headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'" }
		});
		expect(withSecurityHeaders(page).headers.get('content-security-policy')).toBe(
			"default-src 'self'"
		);
	});

	it('also secures a response whose headers cannot change', async () => {
		const redirect = Response.redirect('http://127.0.0.1/profiel', 303);
		const response = withSecurityHeaders(redirect);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('http://127.0.0.1/profiel');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(await response.text()).toBe('');
	});
});
