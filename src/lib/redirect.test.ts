import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it('keeps same-site relative paths with their query', () => {
		expect(safeRedirectPath('/profiel')).toBe('/profiel');
		expect(safeRedirectPath('/wachtwoord-herstellen?x=1#top')).toBe(
			'/wachtwoord-herstellen?x=1#top'
		);
	});

	it.each([
		'https://evil.example/',
		'//evil.example/x',
		'/\\evil.example',
		'profiel',
		'javascript:alert(1)'
	])('refuses %s', (candidate) => {
		expect(safeRedirectPath(candidate, '/fallback')).toBe('/fallback');
	});

	it('uses the fallback when nothing is given', () => {
		expect(safeRedirectPath(null)).toBe('/');
		expect(safeRedirectPath('', '/profiel')).toBe('/profiel');
	});
});
