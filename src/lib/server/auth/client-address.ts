// The address of the person making a request, for the sign-in limits and for the auth service's own.
import type { RequestEvent } from '@sveltejs/kit';

let warned = false;

/**
 * The client's address as the adapter sees it: behind a proxy, adapter-node reads it from ADDRESS_HEADER
 * (with XFF_DEPTH for X-Forwarded-For). When that header is missing (a request that bypassed the proxy),
 * adapter-node throws; this answers null instead, and the request is limited as "unknown".
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | null {
	try {
		return event.getClientAddress() || null;
	} catch (error) {
		if (!warned) {
			warned = true;
			console.warn(`client address unknown (check ADDRESS_HEADER and XFF_DEPTH): ${error}`);
		}
		return null;
	}
}
