// The hooks' kept token checks (src/lib/server/auth/verified-tokens.ts) with the real auth service's tokens
// and supabase-js's getClaims(), as hooks.server.ts calls them: an ES256 token is checked once and then kept,
// a token changed in any byte is refused even while the genuine one is kept, and an HS256 token (which
// getClaims() checks by asking the auth service) is asked about every time.
import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { signJwt } from '../../../stack/auth/jwt.js';
import { checkWith, verifiedClaims } from '$lib/server/auth/verified-tokens';
import { anon, confirmedUser, decodeJwt, jwtSecret, userTracker } from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

/** The check hooks.server.ts passes (checkWith), counting how often it is asked. */
function getClaimsCheck(client: SupabaseClient) {
	const asked: string[] = [];
	const checkClaims = checkWith(client.auth);
	return {
		asked,
		check: (token: string) => {
			asked.push(token);
			return checkClaims(token);
		}
	};
}

describe('verified access tokens, kept', () => {
	it('checks an ES256 token once; a changed signature or body is refused while it is kept', async () => {
		const client = anon();
		const { session, user } = await confirmedUser(client, users, 'kept-token');
		const { asked, check } = getClaimsCheck(client);
		const token = session.access_token;

		expect((await verifiedClaims(token, check))?.sub).toBe(user.id);
		expect((await verifiedClaims(token, check))?.sub).toBe(user.id);
		expect(asked).toHaveLength(1);

		const [head, body, signature] = token.split('.') as [string, string, string];
		const tail = signature.endsWith('AAAA') ? 'BBBB' : 'AAAA';
		const otherSignature = `${head}.${body}.${signature.slice(0, -4)}${tail}`;
		expect(await verifiedClaims(otherSignature, check)).toBeNull();
		const claims = { ...decodeJwt(token), app_metadata: { provider: 'email', role: 'staff' } };
		const otherBody = [
			head,
			Buffer.from(JSON.stringify(claims)).toString('base64url'),
			signature
		].join('.');
		expect(await verifiedClaims(otherBody, check)).toBeNull();
		expect(asked).toHaveLength(3);
	});

	it('asks about an HS256 token every time (getClaims() asks the auth service)', async () => {
		const client = anon();
		const { session, user } = await confirmedUser(client, users, 'kept-token');
		const { asked, check } = getClaimsCheck(client);
		const hs256 = signJwt(decodeJwt(session.access_token), jwtSecret);

		expect((await verifiedClaims(hs256, check))?.sub).toBe(user.id);
		expect((await verifiedClaims(hs256, check))?.sub).toBe(user.id);
		expect(asked).toHaveLength(2);
	});
});
