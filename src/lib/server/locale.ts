// The language of a request, for the messages (m.*) and <html lang>, kept in paraglide's own request store
// where getLocale() reads it. What paraglideMiddleware decides for this project's strategies (vite.config.ts:
// the cookie, then Dutch), without its work for strategies the project does not use: a copy of every request
// (request.clone() and a new Request, for a URL strategy's de-localised URL), a redirect check, and URL
// parsing to look for per-route strategies.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	cookieName,
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage,
	routeStrategies,
	strategy,
	toLocale,
	type Locale
} from '$lib/paraglide/runtime';

// Another strategy (the URL, the browser's languages, per-route ones) needs paraglideMiddleware back.
if (strategy.join() !== 'cookie,baseLocale' || routeStrategies.length > 0) {
	throw new Error(
		`locale.ts reads the locale cookie only, not the strategies ${strategy.join(', ')}`
	);
}

const COOKIE = new RegExp(`(?:^|;\\s*)${cookieName}=([^;]*)`);

/** The language a request's Cookie header asks for: the locale cookie's, else Dutch. */
export function localeOfCookies(cookieHeader: string | null | undefined): Locale {
	return toLocale(cookieHeader?.match(COOKIE)?.[1]) ?? baseLocale;
}

type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };

function requestStore() {
	let store = getServerAsyncLocalStorage();
	if (!store) {
		store = new AsyncLocalStorage<Store>();
		overwriteServerAsyncLocalStorage(store);
	}
	return store;
}

/**
 * Runs `next` with this language (and the site's origin) set for getLocale() and the messages. No set of
 * message calls: paraglide fills one only for its experimental per-locale splitting, which is off.
 */
export function withLocale<T>(locale: Locale, origin: string, next: () => T): T {
	return requestStore().run({ locale, origin }, next);
}
