import { describe, expect, it } from 'vitest';
import {
	tokenChecks,
	verifiedClaims,
	type CheckedToken,
	type TokenClaims
} from './verified-tokens';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 7, 10, 0, 0);

/** A check that answers what it is given and counts how often it is asked. */
function checker(answer: (token: string) => CheckedToken) {
	const asked: string[] = [];
	return {
		asked,
		check: async (token: string) => {
			asked.push(token);
			return answer(token);
		}
	};
}

const es256 = (claims: TokenClaims): CheckedToken => ({
	claims,
	header: { alg: 'ES256', kid: 'k1' }
});
const expiresIn = (minutes: number) => Math.floor((START + minutes * MINUTE) / 1000);

describe('verifiedClaims', () => {
	it('checks a token once, then answers from what it kept', async () => {
		const { asked, check } = checker(() => es256({ sub: 'a', exp: expiresIn(60) }));
		const now = () => START;
		expect(await verifiedClaims('token-once', check, now)).toEqual({
			sub: 'a',
			exp: expiresIn(60)
		});
		expect(await verifiedClaims('token-once', check, now)).toEqual({
			sub: 'a',
			exp: expiresIn(60)
		});
		expect(asked).toEqual(['token-once']);
	});

	it('checks again after five minutes', async () => {
		const { asked, check } = checker(() => es256({ sub: 'a', exp: expiresIn(60) }));
		await verifiedClaims('token-five', check, () => START);
		await verifiedClaims('token-five', check, () => START + 5 * MINUTE - 1);
		expect(asked).toHaveLength(1);
		await verifiedClaims('token-five', check, () => START + 5 * MINUTE);
		expect(asked).toHaveLength(2);
	});

	it('never answers from what it kept once the token has expired', async () => {
		let valid = true;
		const { asked, check } = checker(() => (valid ? es256({ sub: 'a', exp: expiresIn(2) }) : null));
		expect(await verifiedClaims('token-expiring', check, () => START)).not.toBeNull();
		valid = false; // what getClaims() answers for an expired token
		expect(await verifiedClaims('token-expiring', check, () => START + MINUTE)).not.toBeNull();
		expect(await verifiedClaims('token-expiring', check, () => START + 2 * MINUTE)).toBeNull();
		expect(asked).toHaveLength(2);
	});

	it('keeps nothing of a refused token', async () => {
		const { asked, check } = checker(() => null);
		expect(await verifiedClaims('token-refused', check, () => START)).toBeNull();
		expect(await verifiedClaims('token-refused', check, () => START)).toBeNull();
		expect(asked).toHaveLength(2);
	});

	it('keeps only tokens getClaims() checks itself: an asymmetric algorithm, a kid and an exp', async () => {
		const claims = { sub: 'a', exp: expiresIn(60) };
		const headers = [
			{ alg: 'HS256', kid: 'k1' }, // the auth service checks these (getClaims() asks /user)
			{ alg: 'ES256' },
			{ alg: 'ES256', kid: '' },
			{ alg: 'none', kid: 'k1' },
			{ kid: 'k1' }
		];
		for (const [i, header] of headers.entries()) {
			const { asked, check } = checker(() => ({ claims: { ...claims }, header }));
			await verifiedClaims(`token-header-${i}`, check, () => START);
			await verifiedClaims(`token-header-${i}`, check, () => START);
			expect(asked, JSON.stringify(header)).toHaveLength(2);
		}
		const noExp = checker(() => es256({ sub: 'a' }));
		await verifiedClaims('token-no-exp', noExp.check, () => START);
		await verifiedClaims('token-no-exp', noExp.check, () => START);
		expect(noExp.asked).toHaveLength(2);
		const expired = checker(() => es256({ sub: 'a', exp: expiresIn(-1) }));
		await verifiedClaims('token-past', expired.check, () => START);
		await verifiedClaims('token-past', expired.check, () => START);
		expect(expired.asked).toHaveLength(2);
	});

	it('when full, lets go of tokens whose time is up first, then of all', async () => {
		const keeper = tokenChecks({ limit: 2, keepMs: 5 * MINUTE });
		const { asked, check } = checker((token) =>
			es256({ sub: token, exp: expiresIn(token === 'short' ? 1 : 60) })
		);
		await keeper('short', check, () => START);
		await keeper('long', check, () => START);
		await keeper('third', check, () => START + 2 * MINUTE); // 'short' has expired: only it goes
		expect(asked).toEqual(['short', 'long', 'third']);
		await keeper('long', check, () => START + 2 * MINUTE);
		await keeper('third', check, () => START + 2 * MINUTE);
		expect(asked).toHaveLength(3);
		await keeper('fourth', check, () => START + 2 * MINUTE); // none has expired: all go
		await keeper('long', check, () => START + 2 * MINUTE);
		expect(asked).toEqual(['short', 'long', 'third', 'fourth', 'long']);
	});

	it('keeps to the millisecond the token expires', async () => {
		const exp = expiresIn(3);
		const { asked, check } = checker(() => es256({ sub: 'a', exp }));
		await verifiedClaims('token-edge', check, () => START);
		await verifiedClaims('token-edge', check, () => exp * 1000 - 1);
		expect(asked).toHaveLength(1);
		await verifiedClaims('token-edge', check, () => exp * 1000);
		expect(asked).toHaveLength(2);
	});

	it('a token that differs in any byte is checked afresh', async () => {
		const { asked, check } = checker((token) =>
			token.endsWith('good') ? es256({ sub: 'a', exp: expiresIn(60) }) : null
		);
		expect(await verifiedClaims('header.body.good', check, () => START)).not.toBeNull();
		expect(await verifiedClaims('header.body.gooe', check, () => START)).toBeNull();
		expect(asked).toEqual(['header.body.good', 'header.body.gooe']);
	});

	it('what it kept cannot be changed by the request that reads it', async () => {
		const { check } = checker(() =>
			es256({ sub: 'a', exp: expiresIn(60), app_metadata: { role: 'member' } })
		);
		const first = await verifiedClaims('token-frozen', check, () => START);
		expect(() => {
			(first!.app_metadata as Record<string, unknown>).role = 'staff';
		}).toThrow(TypeError);
		const again = await verifiedClaims('token-frozen', check, () => START);
		expect(again!.app_metadata).toEqual({ role: 'member' });
	});
});
