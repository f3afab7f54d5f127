import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { createPageCache, isSharedRoute } from './page-cache';

function event({
	user = null as { id: string } | null,
	locale = 'nl',
	path = '/academies/x'
} = {}) {
	return {
		request: new Request(`http://app.test${path}`),
		url: new URL(`http://app.test${path}`),
		route: { id: '/(public)/academies/[slug=slug]' },
		locals: { user },
		cookies: { get: (name: string) => (name === 'PARAGLIDE_LOCALE' ? locale : undefined) }
	} as unknown as RequestEvent;
}

const page = (body: string, init: ResponseInit = {}) =>
	vi.fn(
		async () =>
			new Response(body, { status: 200, headers: { 'content-type': 'text/html' }, ...init })
	);

describe('page cache', () => {
	it('renders a public page once for signed-out visitors within the interval', async () => {
		const handle = createPageCache(() => 10);
		const resolve = page('<h1>CoderDojo Gent</h1>');
		const first = await handle({ event: event(), resolve });
		const second = await handle({ event: event(), resolve });
		expect(await first.text()).toBe('<h1>CoderDojo Gent</h1>');
		expect(await second.text()).toBe('<h1>CoderDojo Gent</h1>');
		expect(resolve).toHaveBeenCalledTimes(1);
	});

	it('keeps languages and addresses apart', async () => {
		const handle = createPageCache(() => 10);
		const resolve = page('x');
		await handle({ event: event({ locale: 'nl' }), resolve });
		await handle({ event: event({ locale: 'en' }), resolve });
		await handle({ event: event({ path: '/academies/y' }), resolve });
		expect(resolve).toHaveBeenCalledTimes(3);
	});

	it('always renders afresh for signed-in people', async () => {
		const handle = createPageCache(() => 10);
		const resolve = page('x');
		await handle({ event: event({ user: { id: 'u1' } }), resolve });
		await handle({ event: event({ user: { id: 'u1' } }), resolve });
		expect(resolve).toHaveBeenCalledTimes(2);
	});

	it('never keeps an error page or a response that sets a cookie', async () => {
		const handle = createPageCache(() => 10);
		const missing = page('weg', { status: 404 });
		await handle({ event: event(), resolve: missing });
		await handle({ event: event(), resolve: missing });
		expect(missing).toHaveBeenCalledTimes(2);

		const withCookie = page('x', { headers: { 'content-type': 'text/html', 'set-cookie': 'a=b' } });
		await handle({ event: event({ path: '/academies/z' }), resolve: withCookie });
		await handle({ event: event({ path: '/academies/z' }), resolve: withCookie });
		expect(withCookie).toHaveBeenCalledTimes(2);
	});

	it('is off when the interval is zero', async () => {
		const handle = createPageCache(() => 0);
		const resolve = page('x');
		await handle({ event: event(), resolve });
		await handle({ event: event(), resolve });
		expect(resolve).toHaveBeenCalledTimes(2);
	});

	it('shares only the public reading pages', () => {
		expect(isSharedRoute('/(public)')).toBe(true);
		expect(isSharedRoute('/(public)/gemeenten/[nis=nis]')).toBe(true);
		expect(isSharedRoute('/(public)/(guest)/aanmelden')).toBe(false);
		expect(isSharedRoute('/(public)/auth/confirm')).toBe(false);
		expect(isSharedRoute('/(public)/zoeken')).toBe(false);
		expect(isSharedRoute('/(app)/profiel')).toBe(false);
		expect(isSharedRoute(null)).toBe(false);
	});
});
