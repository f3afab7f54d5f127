// The header of a signed-in page (the person's name, staff, unread notifications) without a round trip of
// its own. The root layout asks account_header() for it; a page whose own page function answers it too
// (its `account`, 20261228000000_page_functions_bring_the_header.sql) spares the layout that call:
// - the page wraps its load in bringsHeader(), and its data code hands the function's `account` over with
//   pageHeader(db, account), db being the request's own client (locals.supabase);
// - the layout asks layoutHeader(); on such a route, in a page request by GET, it waits for the page's
//   header instead of calling.
// Whatever the page's load does (a 404, a redirect, an error, an answer without a header), the layout still
// gets a header: when the load ends without one, the layout's own call is made then. A page that brings
// the header must not await parent() in its load (the layout waits for it).
import { getAccountHeader, parseAccountHeader, type AccountHeader } from './db/account-header';
import type { Db } from './supabase';

/** The routes whose page load brings the header, known from their first load on. */
const bringing = new Set<string>();

/** What a request's page load and its layout hand over, keyed by the request's own client. */
type Handover = {
	/** The header, once the page answered it or the layout's own call was made. */
	header: Promise<AccountHeader> | null;
	/** The page's load has ended. */
	ended: boolean;
	/** The layout waiting for the header, when it asked before the page answered. */
	resolve: ((header: Promise<AccountHeader>) => void) | null;
};

const handovers = new WeakMap<Db, Handover>();

function handover(db: Db): Handover {
	let found = handovers.get(db);
	if (!found) handovers.set(db, (found = { header: null, ended: false, resolve: null }));
	return found;
}

/** The header this request's layout gets: the first one settled. */
function settle(found: Handover, header: Promise<AccountHeader>): Promise<AccountHeader> {
	found.header ??= header;
	found.resolve?.(found.header);
	found.resolve = null;
	return found.header;
}

/** Hands the header a page function answered (its `account`; null when signed out) to the layout. */
export function pageHeader(db: Db, account: unknown): void {
	if (account == null) return;
	// The layout awaits it (now, or when it asks).
	void settle(handover(db), Promise.resolve(parseAccountHeader(account)));
}

/**
 * The layout's header: on a route whose page brings it, the page's (in a page request by GET, where every
 * load runs); else, or when the page's load ended without one, account_header()'s.
 */
export function layoutHeader(
	db: Db,
	{
		routeId,
		method,
		isDataRequest
	}: { routeId: string | null; method: string; isDataRequest: boolean }
): Promise<AccountHeader> {
	// Only a GET (or HEAD) is sure to run the page's load: a client-side navigation runs only the loads that
	// need to run again, and a form action that fails (a 404, a 405, an error) renders its error without it.
	const pageLoads = (method === 'GET' || method === 'HEAD') && !isDataRequest;
	if (!pageLoads || routeId === null || !bringing.has(routeId)) return getAccountHeader(db);
	const found = handover(db);
	if (found.header) return found.header;
	if (found.ended) return settle(found, getAccountHeader(db));
	return new Promise((resolve) => (found.resolve = resolve));
}

type LoadEvent = {
	locals: App.Locals;
	route: { id: string | null };
	untrack: <T>(fn: () => T) => T;
};

/** A page load that brings the header through pageHeader(), however it ends. */
export function bringsHeader<Event extends LoadEvent, Data>(
	load: (event: Event) => Promise<Data>
): (event: Event) => Promise<Data> {
	return async (event) => {
		const routeId = event.untrack(() => event.route.id);
		if (routeId !== null) bringing.add(routeId);
		try {
			return await load(event);
		} finally {
			const found = handover(event.locals.supabase);
			found.ended = true;
			// The layout waits and the page brought no header: the layout's own call, which it awaits.
			if (found.resolve) void settle(found, getAccountHeader(event.locals.supabase));
		}
	};
}
