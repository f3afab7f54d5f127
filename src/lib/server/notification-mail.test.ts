import { describe, expect, it, vi } from 'vitest';

vi.mock('$env/dynamic/private', () => ({ env: {} }));
vi.mock('$env/dynamic/public', () => ({ env: {} }));

const { notificationMail, sendPendingNotificationMails } = await import('./notification-mail');

describe('notificationMail', () => {
	it('says what happened and links to the agreement, escaping HTML', () => {
		const mail = notificationMail({
			to: 'ann@school.test',
			title: 'Nieuw bericht van <Academie> over „Labo”',
			link: 'http://127.0.0.1:4173/afspraken/abc'
		});
		expect(mail.subject).toBe('Groeistoot: Nieuw bericht van <Academie> over „Labo”');
		expect(mail.text).toContain('http://127.0.0.1:4173/afspraken/abc');
		expect(mail.html).toContain('&#60;Academie&#62;');
	});
});

describe('sendPendingNotificationMails', () => {
	it('never throws, also without a service-role key', async () => {
		const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await expect(sendPendingNotificationMails('http://localhost')).resolves.toBe(0);
		spy.mockRestore();
	});
});
