// @ts-check
// Loads the app's import module (TypeScript, with SvelteKit's $lib alias) into a plain Node script, so that
// `npm run import:activities` and `npm run bench:import` read and check files exactly as the app does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Promise<typeof import('../src/lib/server/import/activities.ts')>} */
export async function loadImportModule() {
	const jiti = createJiti(import.meta.url, { alias: { $lib: path.join(root, 'src/lib') } });
	return jiti.import(path.join(root, 'src/lib/server/import/activities.ts'));
}
