// What an offer's and a request's card in a list show (offer-card.svelte, request-card.svelte), picked out
// of the full rows. A list page's data goes to the browser a second time for hydration, where it is
// serialised and hashed for the page's CSP on every request: /aanbod sent each offer's description, area
// and slots there (30 kB of script for 24 cards), none of which a card shows.

export type OfferCardData = {
	id: string;
	kind: string;
	title: string;
	roomType: string | null;
	capacity: number | null;
	people: number | null;
	hoursPerYear: number | null;
	amountEur: number | null;
	termStart: string | null;
	domains: readonly string[];
	municipalityName: string;
	organisation: { name: string } | null;
};

export type RequestCardData = {
	id: string;
	kind: string;
	title: string;
	neededFrom: string | null;
	neededUntil: string | null;
	deadline: string | null;
	domains: readonly string[];
	municipalityName: string;
	organisation: { name: string } | null;
};

/** An offer as its card shows it, and no more. */
export function offerCard(offer: OfferCardData): OfferCardData {
	return {
		id: offer.id,
		kind: offer.kind,
		title: offer.title,
		roomType: offer.roomType,
		capacity: offer.capacity,
		people: offer.people,
		hoursPerYear: offer.hoursPerYear,
		amountEur: offer.amountEur,
		termStart: offer.termStart,
		domains: offer.domains,
		municipalityName: offer.municipalityName,
		organisation: offer.organisation && { name: offer.organisation.name }
	};
}

/** A request as its card shows it, and no more. */
export function requestCard(request: RequestCardData): RequestCardData {
	return {
		id: request.id,
		kind: request.kind,
		title: request.title,
		neededFrom: request.neededFrom,
		neededUntil: request.neededUntil,
		deadline: request.deadline,
		domains: request.domains,
		municipalityName: request.municipalityName,
		organisation: request.organisation && { name: request.organisation.name }
	};
}
