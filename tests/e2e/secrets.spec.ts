// Secrets stay on the server: nothing the browser can download carries the service-role key, the JWT
// secret or the Meilisearch master key.
import { expect, test } from './support';
import fs from 'node:fs';
import path from 'node:path';
import { jwtKeys, jwtSecret, meiliMasterKey, serviceRoleKey } from '../../stack/config.js';

const secrets = {
	'service-role key': serviceRoleKey,
	'JWT secret': jwtSecret,
	'Meilisearch key': meiliMasterKey,
	// The private members of the stack's signing keys.
	...Object.fromEntries(
		(JSON.parse(jwtKeys) as Record<string, unknown>[]).flatMap((key, i) =>
			['d', 'p', 'q', 'k']
				.filter((member) => typeof key[member] === 'string')
				.map((member) => [`signing key ${i} ${member}`, key[member] as string])
		)
	)
};

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(full) : [full];
	});
}

test('the client bundle holds no secret', () => {
	const files = filesUnder(`${process.env.BUILD_OUT ?? 'build'}/client`).filter(
		(file) => !/\.(br|gz)$/.test(file)
	);
	expect(files.some((file) => file.endsWith('.js'))).toBe(true);
	for (const file of files) {
		const content = fs.readFileSync(file, 'utf8');
		for (const [name, value] of Object.entries(secrets)) {
			expect(content.includes(value), `${name} in ${file}`).toBe(false);
		}
	}
});

test('server-rendered pages hold no secret', async ({ request }) => {
	for (const url of ['/', '/aanmelden', '/registreren', '/wachtwoord-vergeten']) {
		const html = await (await request.get(url)).text();
		for (const [name, value] of Object.entries(secrets)) {
			expect(html.includes(value), `${name} in ${url}`).toBe(false);
		}
	}
});
