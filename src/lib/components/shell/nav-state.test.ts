import { describe, expect, it } from 'vitest';
import { currentFor, initials } from './nav-state';

describe('currentFor', () => {
	it('marks the page itself and the pages below it, never a mere prefix', () => {
		expect(currentFor('/academies', '/academies')).toBe('page');
		expect(currentFor('/academies/de-uitvinders', '/academies')).toBe('true');
		expect(currentFor('/academiesx', '/academies')).toBeUndefined();
		expect(currentFor('/zoeken', '/')).toBeUndefined();
	});
});

describe('initials', () => {
	it('takes the first and last name', () => {
		expect(initials('Sara Peeters-Claes')).toBe('SC');
		expect(initials('Maxime Van den Broeck')).toBe('MB');
		expect(initials('jan')).toBe('J');
	});

	it('uses the address without its domain when there is no name', () => {
		expect(initials('lars.dewitte@groeistoot.test')).toBe('LD');
		expect(initials('')).toBe('?');
	});
});
