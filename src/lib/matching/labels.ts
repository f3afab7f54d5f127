// The words in matching reasons, through Paraglide (Dutch first; the request's language decides).
import { m } from '$lib/paraglide/messages';
import { domainLabel, type Domain } from '$lib/vocabulary';

export { weekdayName } from '$lib/exchange-vocabulary';

/** "programmeren", lower-case as it reads inside a sentence; an unknown code as it is. */
export function domainName(domain: string): string {
	return domain in domainLabel ? domainLabel[domain as Domain]().toLocaleLowerCase('nl') : domain;
}

const people = (count: number) =>
	count === 1 ? m.mt_one_person() : m.mt_people({ count: String(count) });

export const labels = {
	get nearby() {
		return m.mt_nearby();
	},
	get inArea() {
		return m.mt_in_area();
	},
	get free() {
		return m.mt_free();
	},
	get noCommonTime() {
		return m.mt_no_common_time();
	},
	partlyFree: (percent: number) => m.mt_partly_free({ percent: String(percent) }),
	ages: (from: number, to: number) => m.mt_ages({ from: String(from), to: String(to) }),
	get agesMismatch() {
		return m.mt_ages_mismatch();
	},
	places: (capacity: number) => m.mt_places({ capacity: String(capacity) }),
	tooSmall: (capacity: number, needed: number) =>
		m.mt_too_small({ capacity: String(capacity), needed: String(needed) }),
	people,
	tooFewPeople: (count: number, needed: number) =>
		m.mt_too_few_people({ people: people(count), needed: String(needed) }),
	items: (count: number) => m.mt_items({ count: String(count) }),
	amount: (euro: string) => m.mt_amount({ euro }),
	amountShort: (euro: string, needed: string) => m.mt_amount_short({ euro, needed }),
	get accessible() {
		return m.mt_accessible();
	}
};
