import { building } from '$app/environment';
import { env as privateEnv } from '$env/dynamic/private';
import { clientAddress } from '$lib/server/auth/client-address';
import { userFromClaims } from '$lib/server/auth/session-user';
import { checkWith, verifiedClaims } from '$lib/server/auth/verified-tokens';
import { guardRedirect, guardResponse } from '$lib/server/auth/guard';
import { csrf } from '$lib/server/csrf';
import { startMailJobs } from '$lib/server/mail-jobs/start';
import { createPageCache } from '$lib/server/page-cache';
import { withSecurityHeaders } from '$lib/server/security-headers';
import { boxLane, LANE_KEY } from '$lib/server/search/box-lane';
import { searchConfig } from '$lib/server/search/config';
import { createSearchWorker } from '$lib/server/search/worker.js';
import { createRequestClient } from '$lib/server/supabase';
import { localeOfCookies, withLocale } from '$lib/server/locale';
import { baseLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

// The search worker runs inside the app server unless SEARCH_WORKER=off (then `npm run search:worker`
// does the work); adapter-node emits sveltekit:shutdown after SIGTERM/SIGINT, and the worker finishes
// its batch. One per process, also when the dev server re-runs init.
const searchWorkerKey = Symbol.for('groeistoot.searchWorker');

export const init: ServerInit = () => {
	startMailJobs();
	if (building) return;
	// The built server asks it first for each request (svelte.config.js): the header box's searches.
	(globalThis as { [LANE_KEY]?: typeof boxLane })[LANE_KEY] = boxLane;
	const holder = globalThis as { [searchWorkerKey]?: { stop: () => Promise<void> } };
	if (holder[searchWorkerKey]) return;
	let config;
	try {
		config = searchConfig();
	} catch (error) {
		console.error(`search worker not started: ${error}`);
		return;
	}
	const { workerEnabled, ...settings } = config;
	if (!workerEnabled) return;
	const worker = createSearchWorker({ ...settings, log: (line) => console.warn(line) });
	holder[searchWorkerKey] = worker;
	worker.start();
	process.once('sveltekit:shutdown' as 'beforeExit', () => void worker.stop());
};

/**
 * Routes that answer every visitor alike and need nobody's session up front: the header box's search as
 * you type (GET /api/search, public documents only; Meilisearch holds nothing else) and the municipality
 * fields' labels (GET /api/gemeenten, reference data). They skip the session check and the auth guard
 * (neither an /(app) nor a /(guest) route; the page cache never stores them); the security headers, the
 * cross-site form check and the locale still apply. A request that does need the person (a search around
 * "mij") asks locals.safeGetSession() itself: until then locals.session and locals.user are unset, and
 * locals.supabase is made only when something uses it. In the built app most header box searches never
 * reach these handles: the lane registered in init answers them (box-lane.ts).
 */
const SESSIONLESS_ROUTES: ReadonlySet<string> = new Set(['/api/search', '/api/gemeenten']);

const isSessionless = (routeId: string | null) =>
	routeId !== null && SESSIONLESS_ROUTES.has(routeId);

const supabase: Handle = async ({ event, resolve }) => {
	// supabase may refresh the session several times per request; SvelteKit allows each header only once.
	const headersSet = new Set<string>();
	let client: App.Locals['supabase'] | undefined;
	// Made on first use: a sessionless route that reads nothing from the database never pays for it.
	Object.defineProperty(event.locals, 'supabase', {
		configurable: true,
		enumerable: true,
		get: () =>
			(client ??= createRequestClient(
				event.cookies,
				(headers) => {
					const fresh = Object.fromEntries(
						Object.entries(headers).filter(([name]) => !headersSet.has(name.toLowerCase()))
					);
					for (const name of Object.keys(fresh)) headersSet.add(name.toLowerCase());
					if (Object.keys(fresh).length > 0) event.setHeaders(fresh);
				},
				clientAddress(event)
			)),
		set: (value: App.Locals['supabase']) => {
			client = value;
		}
	});

	event.locals.safeGetSession = async () => {
		const {
			data: { session }
		} = await event.locals.supabase.auth.getSession();
		if (!session) return { session: null, user: null };

		// getSession() only decodes the cookie (and refreshes an expired token). Never trust it alone:
		// getClaims() verifies the access token's signature against the auth service's public keys
		// (/auth/v1/.well-known/jwks.json, kept in the process for ten minutes), so a page costs no
		// round trip to the auth service. What that trades: a token stays valid until it expires (at
		// most an hour, GOTRUE_JWT_EXP) even after its session was signed out elsewhere, the password
		// changed or the account deleted; this browser's own sign-out clears its cookies. Decisions
		// that need the auth service's current word (password and account changes, network staff
		// pages) ask it again with currentUser() (require-user.ts). A token signed with the shared
		// secret (HS256) cannot be checked locally: getClaims() then asks the auth service itself.
		// SESSION_CHECK=getUser asks the auth service on every request instead (to compare the two by
		// hand).
		if (privateEnv.SESSION_CHECK === 'getUser') {
			const {
				data: { user },
				error
			} = await event.locals.supabase.auth.getUser();
			if (error || !user) return { session: null, user: null };
			return { session, user };
		}
		// A token checked on an earlier request is not checked again for a few minutes
		// (verified-tokens.ts).
		const claims = await verifiedClaims(
			session.access_token,
			checkWith(event.locals.supabase.auth)
		);
		const user = claims ? userFromClaims(claims) : null;
		if (!user) return { session: null, user: null };

		return { session, user };
	};

	return resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

const authGuard: Handle = async ({ event, resolve }) => {
	if (isSessionless(event.route.id)) return resolve(event);
	const { session, user } = await event.locals.safeGetSession();
	event.locals.session = session;
	event.locals.user = user;

	const target = guardRedirect({ routeId: event.route.id, url: event.url, signedIn: !!user });
	// Returned, not thrown: a thrown redirect would pass the security headers' handle by.
	if (target) return guardResponse(target, event);

	return resolve(event);
};

// app.html names the base language (Dutch); only a page in another language rewrites it. Any rewrite
// copies the whole page once more before SvelteKit hashes it for its ETag: ~0.9 ms of CPU for a 100 kB
// list page (Node 20, measured on /academies' HTML), which Dutch pages, nearly all of them, now skip.
const BASE_LANG = `<html lang="${baseLocale}">`;

const i18n: Handle = ({ event, resolve }) => {
	const locale = localeOfCookies(event.request.headers.get('cookie'));
	return withLocale(locale, event.url.origin, () =>
		locale === baseLocale
			? resolve(event)
			: resolve(event, {
					transformPageChunk: ({ html }) => html.replace(BASE_LANG, `<html lang="${locale}">`)
				})
	);
};

// First in line, so it also covers what the page cache serves and the error pages.
const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));

export const handle = sequence(securityHeaders, csrf, supabase, authGuard, createPageCache(), i18n);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: m.error_not_found() };

	const errorId = crypto.randomUUID();
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname} (${status})`, error);
	return { message: status >= 500 ? m.error_unexpected() : message, errorId };
};
