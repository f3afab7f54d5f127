import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it.each([
		['/profiel', '/profiel'],
		['/wachtwoord-herstellen?x=1#top', '/wachtwoord-herstellen?x=1#top'],
		['/academies?provincie=Antwerpen&pagina=2', '/academies?provincie=Antwerpen&pagina=2'],
		// Resolved like a browser would, and still on this site.
		['/organisaties/../profiel', '/profiel'],
		['/./profiel', '/profiel'],
		['/zoeken?q=//evil.example', '/zoeken?q=//evil.example'],
		['/a/b//c', '/a/b//c'],
		// An encoded slash inside the path stays encoded.
		['/organisaties/a%2Fb', '/organisaties/a%2Fb'],
		['/zoeken?q=caf%C3%A9', '/zoeken?q=caf%C3%A9']
	])('keeps the same-site path %s as %s', (candidate, expected) => {
		expect(safeRedirectPath(candidate, '/fallback')).toBe(expected);
	});

	it.each([
		// Another site, written out or protocol-relative.
		'https://evil.example/',
		'http:evil.example',
		'//evil.example/x',
		'/\\evil.example',
		'\\\\evil.example',
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		// Relative paths without a leading slash.
		'profiel',
		'evil.example',
		// What a browser turns into "//evil.example" after resolving dot segments.
		'/.//evil.example',
		'/./\\evil.example',
		'/..//evil.example',
		'/a/..//evil.example',
		'/%2e//evil.example',
		'/%2E//evil.example',
		'/%2e%2e//evil.example',
		'/.%2e//evil.example',
		// Tabs and newlines are dropped by the URL parser.
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		// Encoded slashes or backslashes that a server decoding the path once would read as "//".
		'/%2f/evil.example',
		'/%2F%2Fevil.example',
		'/%5cevil.example',
		'/%5C%5Cevil.example',
		'/.%2f/evil.example',
		'/%2fevil.example',
		'/%09/evil.example',
		// Malformed escapes.
		'/%E0%A4%A',
		// Spaces and control characters in front.
		' //evil.example',
		'\u0000//evil.example'
	])('refuses %j', (candidate) => {
		expect(safeRedirectPath(candidate, '/fallback')).toBe('/fallback');
	});

	it('uses the fallback when nothing is given', () => {
		expect(safeRedirectPath(null)).toBe('/');
		expect(safeRedirectPath(undefined, '/profiel')).toBe('/profiel');
		expect(safeRedirectPath('', '/profiel')).toBe('/profiel');
	});
});
