// The Dutch words in matching reasons, in one place (to move into Paraglide messages later).

export const WEEKDAY_NAMES: Record<number, string> = {
	1: 'maandag',
	2: 'dinsdag',
	3: 'woensdag',
	4: 'donderdag',
	5: 'vrijdag',
	6: 'zaterdag',
	7: 'zondag'
};

export const DOMAIN_NAMES: Record<string, string> = {
	techniek: 'techniek',
	programmeren: 'programmeren',
	natuur: 'natuur',
	sterrenkunde: 'sterrenkunde',
	wiskunde_natuurwetenschappen: 'wiskunde en natuurwetenschappen',
	life_sciences: 'life sciences',
	andere: 'andere'
};

export const ROOM_TYPE_NAMES: Record<string, string> = {
	klaslokaal: 'klaslokaal',
	labo_wetenschappen: 'labo wetenschappen',
	ict_lokaal: 'ICT-lokaal',
	werkplaats_makerspace: 'werkplaats/makerspace',
	sporthal: 'sporthal',
	aula: 'aula',
	andere: 'lokaal'
};

export const labels = {
	nearby: 'minder dan 1 km',
	inArea: 'in het werkgebied',
	free: 'vrij',
	noCommonTime: 'geen gemeenschappelijk moment',
	partlyFree: (percent: number) => `${percent}% van de gevraagde tijd`,
	ages: (from: number, to: number) => `${from}–${to} jaar`,
	agesMismatch: 'andere leeftijden',
	places: (capacity: number) => `plaats voor ${capacity}`,
	tooSmall: (capacity: number, needed: number) => `plaats voor ${capacity} (nodig: ${needed})`,
	people: (count: number) => (count === 1 ? '1 persoon' : `${count} personen`),
	tooFewPeople: (count: number, needed: number) =>
		`${count === 1 ? '1 persoon' : `${count} personen`} (nodig: ${needed})`,
	items: (count: number) => `${count} stuks`,
	amount: (euro: string) => `€ ${euro}`,
	amountShort: (euro: string, needed: string) => `€ ${euro} (nodig: € ${needed})`,
	accessible: 'toegankelijk',
	visit: 'bedrijfsbezoek of workshop'
} as const;
