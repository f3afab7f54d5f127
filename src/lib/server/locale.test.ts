import { getLocale } from '$lib/paraglide/runtime';
import { describe, expect, it } from 'vitest';
import { localeOfCookies, withLocale } from './locale';

describe('localeOfCookies', () => {
	it('reads the locale cookie among others, in any case', () => {
		expect(localeOfCookies('PARAGLIDE_LOCALE=en')).toBe('en');
		expect(localeOfCookies('sb-auth=x; PARAGLIDE_LOCALE=EN; theme=dark')).toBe('en');
		expect(localeOfCookies('a=b;PARAGLIDE_LOCALE=nl')).toBe('nl');
	});

	it('falls back to Dutch without the cookie or with a language the site has not', () => {
		expect(localeOfCookies(undefined)).toBe('nl');
		expect(localeOfCookies('')).toBe('nl');
		expect(localeOfCookies('PARAGLIDE_LOCALE=fr')).toBe('nl');
		expect(localeOfCookies('XPARAGLIDE_LOCALE=en')).toBe('nl');
	});
});

describe('withLocale', () => {
	it('sets the language getLocale() and the messages read, for that call and what it awaits only', async () => {
		const seen = await withLocale('en', 'http://localhost', async () => {
			await new Promise((resolve) => setImmediate(resolve));
			return getLocale();
		});
		expect(seen).toBe('en');
		expect(getLocale()).toBe('nl');
	});
});
