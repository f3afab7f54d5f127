// Public pages look the same for every signed-out visitor, so their rendered responses are shared for a
// few seconds: a popular academy or municipality page then costs one database query and one render per
// interval, not per view — what a CDN's s-maxage would do, inside each (stateless) app instance.
// Signed-in people always get a fresh page, so a coordinator sees their own change at once.
import { env } from '$env/dynamic/private';
import { cookieName } from '$lib/paraglide/runtime';
import type { Handle } from '@sveltejs/kit';

const DEFAULT_SECONDS = 10;
const MAX_ENTRIES = 500;

type Stored = { status: number; headers: [string, string][]; body: ArrayBuffer };
type Entry = { expires: number; response: Promise<Stored | null> };

/**
 * Pages anyone may read; the sign-in forms and the auth callback stay out, and so does search: its
 * endless distinct URLs would push the popular pages out of the cache, and Meilisearch answers fast.
 */
export function isSharedRoute(routeId: string | null): boolean {
	return (
		routeId !== null &&
		(routeId === '/(public)' || routeId.startsWith('/(public)/')) &&
		!routeId.startsWith('/(public)/(guest)/') &&
		!routeId.startsWith('/(public)/auth/') &&
		!routeId.startsWith('/(public)/zoeken')
	);
}

export function createPageCache(seconds: () => number = configuredSeconds) {
	const entries = new Map<string, Entry>();

	async function store(response: Response): Promise<Stored | null> {
		const html = response.headers.get('content-type')?.startsWith('text/html');
		if (response.status !== 200 || !html || response.headers.has('set-cookie')) return null;
		return {
			status: response.status,
			headers: [...response.headers],
			body: await response.arrayBuffer()
		};
	}

	const handle: Handle = async ({ event, resolve }) => {
		const ttl = seconds() * 1000;
		if (
			ttl <= 0 ||
			event.request.method !== 'GET' ||
			event.locals.user ||
			!isSharedRoute(event.route.id)
		) {
			return resolve(event);
		}

		const key = `${event.cookies.get(cookieName) ?? ''}|${event.url.pathname}${event.url.search}`;
		const now = Date.now();
		const hit = entries.get(key);
		if (hit && hit.expires > now) {
			const stored = await hit.response;
			if (stored) return new Response(stored.body, stored);
		}

		// Visitors who arrive while this one renders wait for it instead of rendering again.
		let deliver!: (stored: Stored | null) => void;
		entries.delete(key);
		entries.set(key, { expires: now + ttl, response: new Promise((r) => (deliver = r)) });
		if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
		try {
			const response = await resolve(event);
			const stored = await store(response.clone());
			deliver(stored);
			if (!stored) entries.delete(key);
			return response;
		} catch (error) {
			deliver(null);
			entries.delete(key);
			throw error;
		}
	};
	return handle;
}

function configuredSeconds(): number {
	const seconds = Number(env.PAGE_CACHE_SECONDS ?? DEFAULT_SECONDS);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
