import { describe, expect, it } from 'vitest';
import { changeRoleSchema, inviteSchema } from './membership';
import { refusedFields } from './refused';

describe('inviteSchema', () => {
	it('normalises the address and allows the roles admin and member', () => {
		expect(inviteSchema.parse({ email: ' Jan@School.BE ', role: 'admin' })).toEqual({
			email: 'jan@school.be',
			role: 'admin'
		});
	});

	it('never invites an owner and wants a real address', () => {
		expect(refusedFields(inviteSchema, { email: 'jan@', role: 'owner' })).toEqual({
			email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.',
			role: 'Kies de rol Beheerder of Lid.'
		});
	});
});

describe('changeRoleSchema', () => {
	it('accepts every role for a member id, and refuses anything else', () => {
		const userId = '3f0c7a4e-5b1d-4c2a-9e8f-1a2b3c4d5e6f';
		expect(changeRoleSchema.parse({ userId, role: 'owner' })).toEqual({ userId, role: 'owner' });
		expect(changeRoleSchema.safeParse({ userId: 'iemand', role: 'baas' }).success).toBe(false);
	});
});
