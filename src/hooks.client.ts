import { baseLocale, isLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
// Zod probes whether it may compile parsers with `new Function`; the Content-Security-Policy forbids
// that (no 'unsafe-eval'), and the probe alone is reported as a violation. Parse without compiling.
import { config } from 'zod';

config({ jitless: true });

// In the browser the language is the page's own: the one the server rendered it in (<html lang>; a switch
// is a form post and a new page). Paraglide's getLocale() would instead read the cookie and, on its first
// call, write it back (setLocale), so a page hydrating late overwrote a language chosen in the meantime:
// another tab's switch, or an e2e test's cookie set right after the first page loaded.
overwriteGetLocale(() => {
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : baseLocale;
});
