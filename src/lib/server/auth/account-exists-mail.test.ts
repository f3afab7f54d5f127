import { describe, expect, it } from 'vitest';
import { accountExistsMail } from './account-exists-mail';

describe('accountExistsMail', () => {
	const mail = accountExistsMail({ to: 'sara@example.be', origin: 'https://groeistoot.be' });

	it('tells the owner, in Dutch and English, with links to sign in and to choose a new password', () => {
		expect(mail.to).toBe('sara@example.be');
		expect(mail.subject).toContain('Je hebt al een account op Groeistoot');
		for (const part of [mail.text, mail.html]) {
			expect(part).toContain('https://groeistoot.be/aanmelden');
			expect(part).toContain('https://groeistoot.be/wachtwoord-vergeten');
			expect(part).toContain('Iemand probeerde op Groeistoot een account te maken');
			expect(part).toContain('Someone tried to create a Groeistoot account');
		}
	});

	it('escapes what it puts in HTML', () => {
		const odd = accountExistsMail({ to: '"<b>"@example.be', origin: 'https://groeistoot.be' });
		expect(odd.html).not.toContain('<b>');
	});
});
