// Which requests the lane takes before SvelteKit, and its answer to input it refuses before any search: in
// the reader's language, with the security headers of every JSON response. Its searches are the route's
// (suggest-answer.ts), tested against Meilisearch through the built app in tests/e2e/search.spec.ts and,
// with Meilisearch down, search-unavailable.spec.ts.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { boxLane } from './box-lane';

function request(method: string, url: string, cookie?: string) {
	const incoming = new IncomingMessage(new Socket());
	incoming.method = method;
	incoming.url = url;
	incoming.headers = { host: 'localhost', ...(cookie ? { cookie } : {}) };
	return incoming;
}

/** A response that keeps its status, headers and body. */
function response(incoming: IncomingMessage) {
	const outgoing = new ServerResponse(incoming);
	const kept = { status: 0, headers: {} as Record<string, string>, body: '' };
	outgoing.writeHead = ((status: number, headers: Record<string, string>) => {
		kept.status = status;
		kept.headers = Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])
		);
		return outgoing;
	}) as ServerResponse['writeHead'];
	const done = new Promise<typeof kept>((resolve) => {
		outgoing.end = ((chunk?: string) => {
			kept.body += chunk ?? '';
			resolve(kept);
			return outgoing;
		}) as ServerResponse['end'];
	});
	return { outgoing, done };
}

describe('boxLane', () => {
	it('leaves other paths, other methods and a search around "mij" to SvelteKit', () => {
		for (const [method, url] of [
			['GET', '/api/searching?q=robot'],
			['GET', '/api/search/x?q=robot'],
			['GET', '/zoeken?q=robot'],
			['POST', '/api/search?q=robot'],
			['HEAD', '/api/search?q=robot'],
			['GET', '/api/search?q=robot&binnen=10&van=mij'],
			['GET', '/api/search?q=robot&binnen=10&van=44021&van=MIJ'],
			['GET', '/api/%73earch?q=robot']
		] as const) {
			const incoming = request(method, url);
			expect(boxLane(incoming, new ServerResponse(incoming)), `${method} ${url}`).toBe(false);
		}
	});

	it("answers bad input with 400 and the message in the reader's language, next to its field", async () => {
		for (const [cookie, message] of [
			[undefined, /Kies ook een gemeente/],
			['PARAGLIDE_LOCALE=en', /Also choose a municipality/]
		] as const) {
			const incoming = request('GET', '/api/search?q=robot&binnen=10', cookie);
			const { outgoing, done } = response(incoming);
			expect(boxLane(incoming, outgoing)).toBe(true);
			const answer = await done;
			expect(answer.status).toBe(400);
			expect(JSON.parse(answer.body)).toMatchObject({ field: 'centre' });
			expect(JSON.parse(answer.body).message).toMatch(message);
			expect(answer.headers['x-content-type-options']).toBe('nosniff');
			expect(answer.headers['content-security-policy']).toMatch(/default-src 'none'/);
			expect(answer.headers['cache-control']).toBe('no-store');
			expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.body)));
		}
	});
});
