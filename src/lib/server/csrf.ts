// SvelteKit's check against cross-site form posts, done here instead of by SvelteKit (svelte.config.js
// trusts every origin, so that this one decides), with one exception: the one-click unsubscribe URL of a
// mail (RFC 8058), which mail providers POST from their servers without an Origin header. That POST is
// authorised by the link's signature, never by a cookie, so a cross-site post can do nothing with it that
// the link itself does not already allow.
import { dev } from '$app/environment';
import { json, text, type Handle } from '@sveltejs/kit';
import { UNSUBSCRIBE_PATH } from './mail-jobs/links.js';

// The content types a plain HTML form can send cross-site, and SvelteKit's own binary form format.
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXEMPT_PATHS = new Set([UNSUBSCRIBE_PATH]);

/** Whether this is a form submission from another site (or none named) to a path that is not exempt. */
export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	if (!UNSAFE_METHODS.has(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !EXEMPT_PATHS.has(url.pathname);
}

export const csrf: Handle = ({ event, resolve }) => {
	// As in SvelteKit: the dev server's origin is not what the browser uses, so only built apps check.
	if (!dev && isForbiddenCrossSiteForm(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json'
			? json({ message }, { status: 403 })
			: text(message, { status: 403 });
	}
	return resolve(event);
};
