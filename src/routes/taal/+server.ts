// Language switch as a plain form post, so it works without JavaScript; Paraglide reads the cookie.
import { safeRedirectPath } from '$lib/redirect';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST = (async ({ request, cookies }) => {
	// A broken body just means no choice was made; the person lands back where they were.
	const form = await request.formData().catch(() => new FormData());
	const locale = form.get('locale');
	if (isLocale(locale)) {
		// Not httpOnly: Paraglide's browser runtime reads the same cookie when the page hydrates.
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			httpOnly: false
		});
	}
	const back = form.get('redirectTo');
	redirect(303, safeRedirectPath(typeof back === 'string' ? back : null));
}) satisfies RequestHandler;
