// How a page's load and the root layout hand the header over (page-header.ts): the layout takes the page's
// header without a call of its own where the page brings it, and gets account_header()'s in every other
// case, without waiting for a load that may never run. The client only answers account_header() (counted).
import { describe, expect, it } from 'vitest';
import { bringsHeader, layoutHeader, pageHeader } from './page-header';
import type { Db } from './supabase';

const fromPage = { display_name: 'Els Maes', staff: false, unread: 6 };
const fromLayout = { display_name: 'Els Maes', staff: false, unread: 5 };

/** A request's own client whose only answer is account_header()'s, with how often it was asked. */
function client() {
	const calls: string[] = [];
	const db = {
		rpc: async (name: string) => {
			calls.push(name);
			return { data: fromLayout, error: null };
		}
	} as unknown as Db;
	return { db, calls };
}

let routes = 0;
/** A route id of its own for each test: the module learns routes for the life of the process. */
const newRoute = () => `/(app)/test-${++routes}`;

function event(db: Db, routeId: string) {
	return {
		locals: { supabase: db } as App.Locals,
		route: { id: routeId },
		untrack: <T>(fn: () => T) => fn()
	};
}

const get = (routeId: string) => ({ routeId, method: 'GET', isDataRequest: false });

/** A page load that answers the header after a moment, as its page function would. */
const bringing = bringsHeader(async ({ locals }: ReturnType<typeof event>) => {
	await Promise.resolve();
	pageHeader(locals.supabase, fromPage);
	return { page: true };
});

/** Teaches the module that `routeId`'s page brings the header (its first load). */
async function learn(routeId: string) {
	await bringing(event(client().db, routeId));
}

describe('the header of a page that brings it', () => {
	it("is the page's, with no call of the layout's own, once the route is known", async () => {
		const route = newRoute();
		await learn(route);
		const { db, calls } = client();
		const header = layoutHeader(db, get(route));
		await bringing(event(db, route));
		expect(await header).toEqual({ displayName: 'Els Maes', staff: false, unread: 6 });
		expect(calls).toEqual([]);
	});

	it("is the layout's own on the route's first load, before the module knows it", async () => {
		const route = newRoute();
		const { db, calls } = client();
		const header = layoutHeader(db, get(route));
		await bringing(event(db, route));
		expect((await header).unread).toBe(5);
		expect(calls).toEqual(['account_header']);
	});

	it("is the layout's own when the page's load fails before answering it, asked before or after", async () => {
		const route = newRoute();
		await learn(route);
		const failing = bringsHeader(async (_: ReturnType<typeof event>) => {
			await Promise.resolve();
			throw new Error('404');
		});
		for (const order of ['layout first', 'page first']) {
			const { db, calls } = client();
			const page = failing(event(db, route)).catch(() => 'failed');
			const header =
				order === 'layout first'
					? layoutHeader(db, get(route))
					: page.then(() => layoutHeader(db, get(route)));
			expect(await page).toBe('failed');
			expect((await header).unread).toBe(5);
			expect(calls).toEqual(['account_header']);
		}
	});

	it("is the page's when the page answered before the layout asked", async () => {
		const route = newRoute();
		await learn(route);
		const { db, calls } = client();
		await bringing(event(db, route));
		expect((await layoutHeader(db, get(route))).unread).toBe(6);
		expect(calls).toEqual([]);
	});

	it('never waits for the page in a form action or a client-side navigation', async () => {
		const route = newRoute();
		await learn(route);
		for (const request of [
			{ routeId: route, method: 'POST', isDataRequest: false },
			{ routeId: route, method: 'GET', isDataRequest: true }
		]) {
			const { db, calls } = client();
			// No page load runs in this request: the layout answers all the same.
			expect((await layoutHeader(db, request)).unread).toBe(5);
			expect(calls).toEqual(['account_header']);
		}
	});

	it('is not taken from a signed-out answer (no account)', async () => {
		const route = newRoute();
		await learn(route);
		const { db, calls } = client();
		const header = layoutHeader(db, get(route));
		pageHeader(db, null);
		await bringing(event(db, route));
		expect((await header).unread).toBe(6);
		expect(calls).toEqual([]);
	});
});
