// The stack records migrations where the Supabase CLI looks, so `supabase db push` / `migration up`
// against the same database sees nothing left to apply.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../stack/config.js';

const run = promisify(execFile);
const dbUrl = `${databaseUrl}?sslmode=disable`;
const localVersions = fs
	.readdirSync('supabase/migrations')
	.map((file) => /^(\d{14})_.+\.sql$/.exec(file)?.[1])
	.filter((version): version is string => version !== undefined);

describe('Supabase CLI on the local stack', () => {
	it('lists every local migration as applied', async () => {
		const { stdout } = await run('npx', ['supabase', 'migration', 'list', '--db-url', dbUrl]);
		const rows = stdout
			.split('\n')
			.map((line) => line.split('|').map((cell) => cell.trim().replaceAll('`', '')))
			.filter((cells) => cells.length === 3 && /^\d{14}$/.test(cells[0] ?? ''));
		expect(localVersions.length).toBeGreaterThan(0);
		expect(rows.map(([local, remote]) => [local, remote])).toEqual(
			localVersions.map((version) => [version, version])
		);
	}, 60_000);

	it('finds nothing to apply with `supabase migration up`', async () => {
		const { stdout, stderr } = await run('npx', ['supabase', 'migration', 'up', '--db-url', dbUrl]);
		expect(`${stdout}${stderr}`).toContain('Local database is up to date');
	}, 60_000);
});
