import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './auth-errors';

describe('authErrorMessage', () => {
	it.each([
		['invalid_credentials', 'E-mailadres of wachtwoord klopt niet.'],
		['user_already_exists', 'Er bestaat al een account met dit e-mailadres.'],
		['email_exists', 'Er bestaat al een account met dit e-mailadres.'],
		['weak_password', 'Kies een wachtwoord van minstens 8 tekens.'],
		['over_request_rate_limit', 'Te veel pogingen. Probeer het over enkele minuten opnieuw.'],
		['over_email_send_rate_limit', 'Te veel pogingen. Probeer het over enkele minuten opnieuw.'],
		['same_password', 'Je nieuwe wachtwoord moet verschillen van je huidige wachtwoord.'],
		['otp_expired', 'Deze link is verlopen of werd al gebruikt.'],
		['current_password_required', 'Vul je huidige wachtwoord in.'],
		['current_password_invalid', 'Je huidige wachtwoord klopt niet.']
	])('explains %s in Dutch', (code, message) => {
		expect(authErrorMessage(code)).toBe(message);
	});

	it('falls back to a general Dutch message for unknown or missing codes', () => {
		const general = 'Er ging iets mis bij het aanmelden. Probeer het later opnieuw.';
		expect(authErrorMessage('something_new')).toBe(general);
		expect(authErrorMessage(undefined)).toBe(general);
		expect(authErrorMessage(null)).toBe(general);
	});
});
