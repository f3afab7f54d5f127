import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { serverOnly } from './server-only';

/** Every +page.server.ts under src/routes. */
function pageServers(dir = 'src/routes'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return pageServers(file);
		return entry.name === '+page.server.ts' ? [file] : [];
	});
}

describe('serverOnly', () => {
	it('serialises as a placeholder, and leaves every other value to SvelteKit', () => {
		const { encode } = transport.ServerOnly!;
		expect(encode(serverOnly({ rows: [1, 2, 3] }, { isDataRequest: false }))).toEqual([]);
		for (const value of [{ rows: [1] }, [1], 'tekst', 0, null, new Date()]) {
			expect(encode(value)).toBe(false);
		}
	});

	it('is sent whole to a client-side navigation (the browser renders the page then)', () => {
		const wrapped = serverOnly({ rows: [1, 2, 3] }, { isDataRequest: true });
		expect(wrapped).toEqual({ value: { rows: [1, 2, 3] } });
		expect(transport.ServerOnly!.encode(wrapped)).toBe(false);
	});

	it('refuses to be decoded in a browser', () => {
		expect(() => transport.ServerOnly!.decode([])).toThrow(/csr = false/);
	});

	it('is used only by pages that never hydrate (csr = false)', () => {
		const users = pageServers().filter((file) =>
			readFileSync(file, 'utf8').includes('serverOnly(')
		);
		expect(users.length).toBeGreaterThan(0);
		for (const file of users) {
			expect(readFileSync(file, 'utf8'), file).toMatch(/^export const csr = false;$/m);
		}
	});
});
