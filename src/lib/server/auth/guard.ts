// Where a request may go given whether someone is signed in; authorisation itself lives in RLS.
import { safeRedirectPath } from '$lib/redirect';

/** Route ids in this group are only for signed-in people. */
const APP_GROUP = '/(app)';
/** Route ids in this group (sign-in, register, forgot password) make no sense once signed in. */
const GUEST_GROUP = '/(guest)';

/** Returns the path to redirect to, or null to let the request through. */
export function guardRedirect({
	routeId,
	url,
	signedIn
}: {
	routeId: string | null;
	url: URL;
	signedIn: boolean;
}): string | null {
	if (!routeId) return null;
	if (!signedIn && routeId.startsWith(APP_GROUP)) {
		const redirectTo = url.pathname + url.search;
		return `/aanmelden?${new URLSearchParams({ redirectTo })}`;
	}
	if (signedIn && routeId.includes(GUEST_GROUP)) {
		return safeRedirectPath(url.searchParams.get('redirectTo'), '/');
	}
	return null;
}

/**
 * The guard's redirect as SvelteKit answers a redirect: JSON the client navigates by for its own data
 * requests and enhanced form submissions (they cannot read an HTML page), a 303 for everything else.
 */
export function guardResponse(
	location: string,
	{ isDataRequest, request }: { isDataRequest: boolean; request: Request }
): Response {
	if (isDataRequest) return Response.json({ type: 'redirect', location });
	if (request.method === 'POST' && request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json({ type: 'redirect', status: 303, location });
	}
	return new Response(null, { status: 303, headers: { location } });
}
