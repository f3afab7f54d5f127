// Pure helpers for the header: which link is current, and the letters on the account button.

/** A link is the current page on its own page, and the current section on the pages below it. */
export function currentFor(pathname: string, path: string): 'page' | 'true' | undefined {
	if (pathname === path) return 'page';
	if (path !== '/' && pathname.startsWith(`${path}/`)) return 'true';
	return undefined;
}

/** Up to two letters for the account button: first and last name, or the first letter of an address. */
export function initials(name: string): string {
	const words = name
		.replace(/@.*$/, '')
		.split(/[\s._-]+/)
		.filter((word) => word !== '');
	const first = words[0]?.[0] ?? '?';
	const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
	return `${first}${last}`.toLocaleUpperCase();
}
