import { describe, expect, it } from 'vitest';
import { digestMail, groupByKind, notificationMail } from './mails.js';

const links = {
	preferencesUrl: 'https://groeistoot.be/profiel/meldingen',
	unsubscribeUrl: 'https://groeistoot.be/meldingen/uitschrijven?u=1&k=agreement_message&e=2&s=3'
};

describe('notificationMail', () => {
	it('says what happened in Dutch, links to it and escapes HTML', () => {
		const mail = notificationMail({
			to: 'ann@school.test',
			notification: {
				kind: 'agreement_message',
				params: { organisation: '<Academie>', request: 'Labo' }
			},
			link: 'http://127.0.0.1:4173/afspraken/abc',
			...links
		});
		expect(mail.subject).toBe('Groeistoot: Nieuw bericht van <Academie> over „Labo”');
		expect(mail.text).toContain('Bekijk het op Groeistoot:\nhttp://127.0.0.1:4173/afspraken/abc');
		expect(mail.html).toContain('&#60;Academie&#62;');
		expect(mail.html).not.toContain('<Academie>');
	});

	it('carries the unsubscribe link in its text and in the one-click headers', () => {
		const mail = notificationMail({
			to: 'a@b.test',
			notification: { kind: 'agreement_message', params: {}, title: 'x' },
			link: 'https://g.be/x',
			...links
		});
		expect(mail.text).toContain(
			`Geen e-mails meer over dit soort meldingen: ${links.unsubscribeUrl}`
		);
		expect(mail.text).toContain(`Kies hoe je meldingen krijgt: ${links.preferencesUrl}`);
		expect(mail.html).toContain(links.unsubscribeUrl.replaceAll('&', '&#38;'));
		expect(mail.headers).toEqual({
			'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
	});
});

describe('notificationMail in English', () => {
	it("writes the line, the link text and the footer in the recipient's language", () => {
		const mail = notificationMail({
			to: 'ann@school.test',
			locale: 'en',
			notification: {
				kind: 'agreement_status',
				params: { organisation: 'Polder Biotech', request: 'Labo', status: 'accepted' }
			},
			link: 'http://127.0.0.1:4173/afspraken/abc',
			...links
		});
		expect(mail.subject).toBe('Groeistoot: Polder Biotech accepted the agreement about “Labo”');
		expect(mail.text).toContain('See it on Groeistoot:\nhttp://127.0.0.1:4173/afspraken/abc');
		expect(mail.text).toContain(
			`No more e-mails about this kind of notification: ${links.unsubscribeUrl}`
		);
		expect(mail.text).not.toMatch(/aanvaard|Bekijk|Kies|Geen/);
	});
});

describe('digestMail', () => {
	const items = [
		{
			id: 1,
			kind: 'agreement_message',
			params: { organisation: 'Academie', request: 'Bericht één' },
			link: '/afspraken/a',
			created_at: '2026-11-24T09:00:00Z'
		},
		{
			id: 2,
			kind: 'agreement_status',
			params: { organisation: 'School', request: 'Labo', status: 'accepted' },
			link: '/afspraken/b',
			created_at: '2026-11-25T09:00:00Z'
		},
		{
			id: 3,
			kind: 'agreement_message',
			params: { organisation: 'Academie', request: 'Bericht <twee>' },
			link: '/afspraken/a',
			created_at: '2026-11-26T09:00:00Z'
		}
	];

	it('groups the notifications by kind, in the order they first came', () => {
		expect(groupByKind(items).map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
			['agreement_message', [1, 3]],
			['agreement_status', [2]]
		]);
	});

	it('lists the week under Dutch headings, each with its link, and can be unsubscribed from', () => {
		const mail = digestMail({
			to: 'ann@school.test',
			origin: 'https://groeistoot.be',
			periodStart: '2026-11-23T07:00:00Z',
			periodEnd: '2026-11-30T07:00:00Z',
			items,
			...links
		});
		expect(mail.subject).toBe('Groeistoot: je weekoverzicht met 3 meldingen');
		expect(mail.text).toContain(
			'Dit gebeurde van maandag 23 november tot maandag 30 november bij je organisaties op Groeistoot.'
		);
		expect(mail.text).toMatch(
			/Nieuwe berichten bij een afspraak\n- Nieuw bericht van Academie over „Bericht één” \(di 24 november om 10:00\)\n {2}https:\/\/groeistoot\.be\/afspraken\/a\n- Nieuw bericht van Academie over „Bericht <twee>”/
		);
		expect(mail.text).toContain(
			'Een afspraak wordt aanvaard, geweigerd, ingetrokken of uitgevoerd'
		);
		expect(mail.html).toContain('<h2>Nieuwe berichten bij een afspraak</h2>');
		expect(mail.html).toContain('Bericht &#60;twee&#62;');
		expect(mail.text).toContain('School heeft de afspraak over „Labo” aanvaard');
		expect(mail.text).toContain(`Geen wekelijks overzicht meer: ${links.unsubscribeUrl}`);
		expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
	});

	it('says "1 melding" for one', () => {
		const mail = digestMail({
			to: 'a@b.test',
			origin: 'https://g.be',
			periodStart: '2026-11-23T07:00:00Z',
			periodEnd: '2026-11-30T07:00:00Z',
			items: items.slice(0, 1),
			...links
		});
		expect(mail.subject).toBe('Groeistoot: je weekoverzicht met 1 melding');
	});
});

describe('digestMail in English', () => {
	it('has English headings, days and lines, with no Dutch word', () => {
		const mail = digestMail({
			to: 'ann@school.test',
			locale: 'en',
			origin: 'https://groeistoot.be',
			periodStart: '2026-11-23T07:00:00Z',
			periodEnd: '2026-11-30T07:00:00Z',
			items: [
				{
					id: 1,
					kind: 'agreement_proposed',
					params: { organisation: 'Polder Biotech', offer: 'Mentoren', request: 'Robotica' },
					link: '/afspraken/a',
					created_at: '2026-11-24T09:00:00Z'
				}
			],
			...links
		});
		expect(mail.subject).toBe('Groeistoot: your weekly digest with 1 notification');
		expect(mail.text).toContain('from Monday 23 November to Monday 30 November');
		expect(mail.text).toContain(
			'- New proposal from Polder Biotech: “Mentoren” for “Robotica” (Tue 24 November at 10:00)'
		);
		expect(mail.text).not.toMatch(/maandag|november|Nieuw|Kies|overzicht/);
	});
});

describe('digestMail with community news', () => {
	const region = {
		id: 'c1',
		name: 'Westhoek <regio>',
		kind: 'region',
		municipality_nis: null,
		slug: 'westhoek',
		new_members: 1,
		new_organisations: [],
		posts: [{ id: 'p1', title: 'Onze werkwijze', kind: 'good_practice' }],
		events: [
			{ id: 'e1', title: 'Volzette avond', starts_at: '2026-12-11T18:00:00Z', places_left: 0 },
			{ id: 'e2', title: 'Open avond', starts_at: '2026-12-12T18:00:00Z', places_left: null }
		],
		requests: []
	};
	const week = { periodStart: '2026-11-23T07:00:00Z', periodEnd: '2026-11-30T07:00:00Z' };

	it('links to a region, a good practice and events, says full, and escapes names', () => {
		const mail = digestMail({
			to: 'a@b.test',
			origin: 'https://g.be',
			...week,
			items: [],
			community: [region],
			...links
		});
		expect(mail.subject).toBe('Groeistoot: deze week in je communities');
		expect(mail.text).toContain(
			'Westhoek <regio>\nNaar de community: https://g.be/regios/westhoek\n1 nieuw lid'
		);
		expect(mail.text).toContain(
			'- Goede praktijk: Onze werkwijze\n  https://g.be/goede-praktijken/p1'
		);
		expect(mail.text).toMatch(
			/- Volzette avond \(.+, volzet\)\n {2}https:\/\/g\.be\/evenementen\/e1/
		);
		expect(mail.text).toMatch(/- Open avond \([^,]+\)\n/);
		expect(mail.text).not.toContain('Open vragen in de buurt');
		expect(mail.text).toContain('omdat je lid bent van een community');
		expect(mail.html).toContain('Westhoek &#60;regio&#62;');
	});

	it('follows the week’s notifications when there are both', () => {
		const mail = digestMail({
			to: 'a@b.test',
			origin: 'https://g.be',
			...week,
			items: [
				{
					id: 1,
					kind: 'agreement_message',
					params: { organisation: 'Academie', request: 'Labo' },
					link: '/afspraken/x',
					created_at: '2026-11-25T10:00:00Z'
				}
			],
			community: [region],
			...links
		});
		expect(mail.subject).toBe('Groeistoot: je weekoverzicht met 1 melding');
		expect(mail.text.indexOf('Nieuwe berichten bij een afspraak')).toBeLessThan(
			mail.text.indexOf('In je communities')
		);
		expect(mail.text).toContain('omdat je ervoor koos in je meldingen');
	});
});
