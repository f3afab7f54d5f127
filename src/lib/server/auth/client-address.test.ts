import { describe, expect, it, vi } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
	it("is the adapter's address", () => {
		expect(clientAddress({ getClientAddress: () => '203.0.113.7' })).toBe('203.0.113.7');
	});

	it('is null, not an error, when the configured address header is missing', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const missing = () => {
			throw new Error(
				'Address header was specified with ADDRESS_HEADER=x-forwarded-for but is absent'
			);
		};
		expect(clientAddress({ getClientAddress: missing })).toBeNull();
		expect(clientAddress({ getClientAddress: missing })).toBeNull();
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});
});
