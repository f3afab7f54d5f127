// The committed database types must match the migrated database, or queries are typed against a lie.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../../scripts/gen-types.js';

describe('src/lib/types/database.ts', () => {
	it('matches what `npm run db:types` generates from the running database', async () => {
		const committed = fs.readFileSync('src/lib/types/database.ts', 'utf8');
		expect(committed, 'stale types: run `npm run db:types`').toBe(await generateTypes());
	});
});
