import { describe, expect, it } from 'vitest';
import { offerCard, requestCard } from './exchange-cards';

// What the rows hold besides their card's fields: nothing of it may reach the card.
const rest = {
	description: 'Een lang verhaal dat geen kaart toont.',
	areaMunicipalities: ['44021', '44012'],
	slots: [{ weekday: 2, start: '16:00' }]
};

describe('offerCard and requestCard', () => {
	it('keep what an offer card shows and drop the rest of the row', () => {
		const card = {
			id: 'f1',
			kind: 'room',
			title: 'Labo na vieren',
			roomType: 'lab',
			capacity: 24,
			people: null,
			hoursPerYear: null,
			amountEur: null,
			termStart: '2027-01-04',
			domains: ['techniek'],
			municipalityName: 'Gent',
			organisation: { name: 'GO! Atheneum' }
		};
		const organisation = { ...card.organisation, slug: 'go-atheneum', kind: 'school' };
		expect(offerCard({ ...card, ...rest, organisation })).toEqual(card);
		expect(offerCard({ ...card, organisation: null }).organisation).toBeNull();
	});

	it('keep what a request card shows and drop the rest of the row', () => {
		const card = {
			id: 'f2',
			kind: 'volunteers',
			title: 'Twee mentoren',
			neededFrom: '2027-02-01',
			neededUntil: null,
			deadline: '2027-01-15',
			domains: ['programmeren'],
			municipalityName: 'Brugge',
			organisation: { name: 'Codeclub Brugge' }
		};
		const organisation = { ...card.organisation, slug: 'codeclub-brugge' };
		expect(requestCard({ ...card, ...rest, organisation })).toEqual(card);
	});
});
