// `npm run search:worker` and `npm run search:reindex` are production tools: pointed anywhere but the local
// stack they refuse to start without the real keys, naming what is missing, instead of falling back to the
// local demo keys. (Nothing is contacted: the addresses below do not resolve.)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs a script with only these variables besides the system's; resolves with its exit code and output. */
async function script(name: string, env: Record<string, string>, args: string[] = []) {
	const { PATH, HOME } = process.env;
	try {
		const { stdout, stderr } = await run('node', [`scripts/${name}`, ...args], {
			env: { PATH, HOME, ...env },
			timeout: 15_000
		});
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code?: number; killed?: boolean; stdout?: string; stderr?: string };
		return {
			code: failed.killed ? 'killed' : failed.code,
			output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`
		};
	}
}

const production = {
	PUBLIC_SUPABASE_URL: 'https://project.example.invalid',
	MEILI_URL: 'https://search.example.invalid'
};

describe.each(['search-worker.js', 'search-reindex.js'])('%s off the local stack', (name) => {
	it('refuses to start without the service-role key and the Meilisearch key, naming both', async () => {
		const result = await script(name, production);
		expect(result.code).toBe(2);
		expect(result.output).toContain('SUPABASE_SERVICE_ROLE_KEY');
		expect(result.output).toContain('MEILI_MASTER_KEY');
	});

	it('refuses a production database with the local Meilisearch left implicit', async () => {
		const result = await script(name, {
			PUBLIC_SUPABASE_URL: production.PUBLIC_SUPABASE_URL,
			SUPABASE_SERVICE_ROLE_KEY: 'a-real-key'
		});
		expect(result.code).toBe(2);
		expect(result.output).toContain('MEILI_URL');
		expect(result.output).not.toContain('a-real-key');
	});
});
