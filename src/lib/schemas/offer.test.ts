import { describe, expect, it } from 'vitest';
import {
	MAX_SLOT_ROWS,
	SLOT_ROWS,
	emptyOfferValues,
	offerSchema,
	parseOffer,
	requestedSlotRows,
	resolveMunicipalityList,
	slotRowCount,
	slotValues,
	splitMunicipalityList,
	type OfferValues
} from './offer';

function lab(overrides: Partial<OfferValues> = {}): OfferValues {
	return {
		...emptyOfferValues('room', 'Alveringem'),
		title: 'Labo wetenschappen',
		roomType: 'labo_wetenschappen',
		capacity: '24',
		termStart: '2027-01-04',
		termEnd: '2027-06-30',
		slotDay0: '3',
		slotStart0: '13:00',
		slotEnd0: '17:00',
		...overrides
	};
}

const errorsOf = (values: OfferValues) => {
	const result = parseOffer(values);
	return result.success ? {} : result.errors;
};

describe('offerSchema', () => {
	it('accepts a room with a Wednesday-afternoon slot', () => {
		const result = offerSchema.parse(lab({ unavailableDates: '2027-02-17\n2027-02-17' }));
		expect(result.slots).toEqual([{ weekday: 3, startsAt: '13:00', endsAt: '17:00' }]);
		expect(result.room?.capacity).toBe(24);
		expect(result.pledge).toBeNull();
		expect(result.unavailableDates).toEqual(['2027-02-17']);
	});

	it('refuses an end before the start, zero capacity and a negative fee, in Dutch', () => {
		const errors = errorsOf(lab({ slotEnd0: '12:00', capacity: '0', feeEur: '-5' }));
		expect(errors.slotEnd0).toBe('Het einduur moet na het beginuur liggen.');
		expect(errors.capacity).toBe('De capaciteit moet groter zijn dan 0.');
		expect(errors.feeEur).toMatch(/0 euro of meer/);
	});

	it('needs the room fields and at least one slot for a room', () => {
		const errors = errorsOf(
			lab({ roomType: '', capacity: '', termStart: '', slotDay0: '', slotStart0: '', slotEnd0: '' })
		);
		expect(Object.keys(errors).sort()).toEqual(['capacity', 'roomType', 'slotDay0', 'termStart']);
	});

	it('refuses a term that ends before it starts and a bad date off', () => {
		const errors = errorsOf(lab({ termEnd: '2026-12-01', unavailableDates: '17/02/2027' }));
		expect(errors.termEnd).toBeTruthy();
		expect(errors.unavailableDates).toBeTruthy();
	});

	it('keeps pledge fields for pledges only and refuses a negative amount', () => {
		const funding = { ...emptyOfferValues('funding', 'Gent'), title: 'Steun', amountEur: '-100' };
		expect(errorsOf(funding).amountEur).toBe('Het bedrag moet groter zijn dan 0.');
		const ok = offerSchema.parse({ ...funding, amountEur: '2500,50', capacity: '5' });
		expect(ok.room).toBeNull();
		expect(ok.pledge?.amountEur).toBe(2500.5);
		expect(ok.slots).toEqual([]);
	});

	it('needs people for volunteers and a radius from 1 to 200 km', () => {
		const values = { ...emptyOfferValues('volunteers', 'Gent'), title: 'Mentoren', radiusKm: '0' };
		const errors = errorsOf(values);
		expect(errors.people).toBeTruthy();
		expect(errors.radiusKm).toBeTruthy();
	});
});

describe('the area of an offer', () => {
	it('takes a radius or chosen municipalities, and needs at least one', () => {
		expect(
			offerSchema.parse(lab({ radiusKm: '', areaMunicipalities: 'Gent' })).radiusKm
		).toBeNull();
		expect(errorsOf(lab({ radiusKm: '', areaMunicipalities: 'Gent' }))).toEqual({});
		expect(errorsOf(lab({ radiusKm: '', areaMunicipalities: ' \n ; ' })).radiusKm).toBe(
			'Kies een straal in km of de gemeenten die je bedient.'
		);
		expect(errorsOf(lab({ radiusKm: '0', areaMunicipalities: 'Gent' })).radiusKm).toBeDefined();
	});

	it('splits the typed list on lines, semicolons and commas, once per municipality', () => {
		expect(splitMunicipalityList('Gent\n  melle ;Merelbeke,, GENT\r\n\n')).toEqual([
			'Gent',
			'melle',
			'Merelbeke'
		]);
		expect(splitMunicipalityList('')).toEqual([]);
	});

	it('resolves each name to a code and lists what it does not know', () => {
		const codes: Record<string, string> = {
			gent: '44021',
			melle: '44043',
			'melle — oost-vlaanderen': '44043'
		};
		const resolve = (typed: string) => codes[typed.toLowerCase()];
		expect(
			resolveMunicipalityList('Gent\nMelle\nMelle — Oost-Vlaanderen\nAtlantis', resolve)
		).toEqual({
			nis: ['44021', '44043'],
			unknown: ['Atlantis'],
			tooMany: false
		});
	});
});

describe('growing slot rows', () => {
	it('counts at least the fixed rows and every row that was sent, up to the maximum', () => {
		expect(slotRowCount({})).toBe(SLOT_ROWS);
		expect(slotRowCount({ slotDay5: '', slotEnd6: '' })).toBe(7);
		expect(slotRowCount({ slotDay40: '' })).toBe(MAX_SLOT_ROWS);
	});

	it('asks for one more row when "nog een moment toevoegen" was pressed', () => {
		expect(requestedSlotRows('4', true)).toBe(5);
		expect(requestedSlotRows('6', false)).toBe(6);
		expect(requestedSlotRows('nonsense', false)).toBe(SLOT_ROWS);
		expect(requestedSlotRows('2', false)).toBe(SLOT_ROWS);
		expect(requestedSlotRows(String(MAX_SLOT_ROWS), true)).toBe(MAX_SLOT_ROWS);
	});

	it('parses slots typed in a fifth row and keeps them when editing', () => {
		const values = lab({
			slotDay4: '5',
			slotStart4: '09:00',
			slotEnd4: '11:00'
		} as Partial<OfferValues>);
		expect(offerSchema.parse(values).slots).toEqual([
			{ weekday: 3, startsAt: '13:00', endsAt: '17:00' },
			{ weekday: 5, startsAt: '09:00', endsAt: '11:00' }
		]);
		const bad = lab({
			slotDay4: '5',
			slotStart4: '11:00',
			slotEnd4: '09:00'
		} as Partial<OfferValues>);
		expect(errorsOf(bad).slotEnd4).toBe('Het einduur moet na het beginuur liggen.');
		const six = Array.from({ length: 6 }, (_, i) => ({
			weekday: i + 1,
			startsAt: '09:00',
			endsAt: '10:00'
		}));
		expect(slotRowCount(slotValues(six))).toBe(6);
	});
});
