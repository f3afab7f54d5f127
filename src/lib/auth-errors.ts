// GoTrue (Supabase Auth) error codes in words people understand.
import { m } from '$lib/paraglide/messages';

/** The message to show for a GoTrue `error.code`; unknown or missing codes get a general message. */
export function authErrorMessage(code: string | undefined | null): string {
	switch (code) {
		case 'invalid_credentials':
			return m.auth_invalid_credentials();
		case 'user_already_exists':
		case 'email_exists':
			return m.auth_email_exists();
		case 'weak_password':
			return m.auth_weak_password();
		case 'over_request_rate_limit':
		case 'over_email_send_rate_limit':
		case 'over_sms_send_rate_limit':
			return m.auth_rate_limited();
		case 'same_password':
			return m.auth_same_password();
		case 'current_password_required':
			return m.sec_current_password_required();
		case 'current_password_invalid':
			return m.sec_current_password_invalid();
		case 'email_not_confirmed':
			return m.auth_email_not_confirmed();
		case 'signup_disabled':
		case 'email_provider_disabled':
			return m.auth_signup_disabled();
		case 'session_not_found':
		case 'session_expired':
		case 'refresh_token_not_found':
		case 'refresh_token_already_used':
		case 'reauthentication_needed':
			return m.auth_session_expired();
		case 'otp_expired':
		case 'flow_state_expired':
		case 'flow_state_not_found':
		case 'bad_code_verifier':
			return m.auth_link_expired();
		case 'user_banned':
			return m.auth_user_banned();
		case 'email_address_invalid':
		case 'email_address_not_authorized':
			return m.auth_email_invalid();
		default:
			return m.auth_unknown();
	}
}
