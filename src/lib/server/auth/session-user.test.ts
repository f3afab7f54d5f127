import { describe, expect, it } from 'vitest';
import { userFromClaims } from './session-user';

describe('userFromClaims', () => {
	it('takes the user from an access token’s claims', () => {
		expect(
			userFromClaims({
				sub: 'd0000000-0000-4000-8000-000000000001',
				aud: 'authenticated',
				email: 'leerkracht@groeistoot.test',
				phone: '',
				role: 'authenticated',
				app_metadata: { provider: 'email' },
				user_metadata: { display_name: 'Sofie' },
				is_anonymous: false
			})
		).toEqual({
			id: 'd0000000-0000-4000-8000-000000000001',
			aud: 'authenticated',
			email: 'leerkracht@groeistoot.test',
			phone: undefined,
			role: 'authenticated',
			app_metadata: { provider: 'email' },
			user_metadata: { display_name: 'Sofie' },
			is_anonymous: false
		});
	});

	it('is nobody for a token without a subject (the anon key)', () => {
		expect(userFromClaims({ role: 'anon' })).toBeNull();
		expect(userFromClaims({ sub: '' })).toBeNull();
	});

	it('never takes metadata that is not an object', () => {
		const user = userFromClaims({ sub: 'x', user_metadata: 'admin', app_metadata: ['staff'] });
		expect(user?.user_metadata).toEqual({});
		expect(user?.app_metadata).toEqual({});
		expect(user?.aud).toBe('');
	});

	it('gives metadata of its own, so frozen (kept) claims stay as they were', () => {
		const claims = Object.freeze({
			sub: 'x',
			app_metadata: Object.freeze({ provider: 'email' }),
			user_metadata: Object.freeze({ display_name: 'Sofie' })
		});
		const user = userFromClaims(claims)!;
		user.user_metadata.display_name = 'Iemand anders';
		user.app_metadata.provider = 'other';
		expect(claims.user_metadata).toEqual({ display_name: 'Sofie' });
		expect(claims.app_metadata).toEqual({ provider: 'email' });
	});
});
