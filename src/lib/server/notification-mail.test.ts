import { describe, expect, it, vi } from 'vitest';

// A deployment without the secrets: the mailer is off and says so once, the action never fails.
vi.mock('$env/dynamic/private', () => ({ env: {} }));
vi.mock('$env/dynamic/public', () => ({
	env: { PUBLIC_SUPABASE_URL: 'https://project.supabase.example' }
}));

const { sendPendingNotificationMails } = await import('./notification-mail');

describe('sendPendingNotificationMails', () => {
	it('never throws without a service-role key, and warns once', async () => {
		const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await expect(sendPendingNotificationMails('http://localhost')).resolves.toBe(0);
		await expect(sendPendingNotificationMails('http://localhost')).resolves.toBe(0);
		expect(spy).toHaveBeenCalledTimes(1);
		expect(spy.mock.calls[0]?.[0]).toContain('SUPABASE_SERVICE_ROLE_KEY is not set');
		spy.mockRestore();
	});
});
