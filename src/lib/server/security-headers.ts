// Headers every response carries, whatever produced it (a page, an endpoint, an error, the page cache).
// Pages get their Content-Security-Policy from SvelteKit (kit.csp in svelte.config.js, with hashes of its
// own inline scripts); everything else gets one that allows nothing. HSTS is the TLS proxy's job (README).

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Frame-Options': 'DENY',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// Nothing on the site uses these; a script that slipped in cannot either.
	'Permissions-Policy': [
		'accelerometer=()',
		'browsing-topics=()',
		'camera=()',
		'display-capture=()',
		'geolocation=()',
		'gyroscope=()',
		'hid=()',
		'magnetometer=()',
		'microphone=()',
		'midi=()',
		'payment=()',
		'serial=()',
		'usb=()'
	].join(', '),
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/**
 * For responses that are not pages: JSON, the search map's SVG, redirects, the static error page (which
 * has only an inline style and no script).
 */
export const NON_PAGE_POLICY =
	"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The response with the security headers set; a page's own CSP stays. */
export function withSecurityHeaders(response: Response): Response {
	let secured = response;
	try {
		applyTo(secured.headers);
	} catch {
		// Some responses (Response.redirect(), a fetch passed through) have immutable headers.
		secured = new Response(response.body, response);
		applyTo(secured.headers);
	}
	return secured;
}

function applyTo(headers: Headers) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	if (!headers.has('content-security-policy')) {
		headers.set('content-security-policy', NON_PAGE_POLICY);
	}
}
