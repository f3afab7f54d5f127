// What an offer's and a request's card in a list show (offer-card.svelte, request-card.svelte). The public
// lists and the community pages get these fields straight from the database (server/db/list-cards.ts);
// offerCard() and requestCard() pick them out of whole rows, for the tests that compare those pages with
// the reads they replaced. A page's data goes to the browser a second time for hydration, where it is
// serialised and hashed for the page's CSP on every request: /aanbod sent each offer's description, area
// and slots there (30 kB of script for 24 cards), none of which a card shows.

/** What both kinds of card show. */
export type CardCommon = {
	id: string;
	kind: string;
	title: string;
	domains: readonly string[];
	municipalityName: string;
	organisation: { name: string } | null;
};

export type OfferCardData = CardCommon & {
	roomType: string | null;
	capacity: number | null;
	people: number | null;
	hoursPerYear: number | null;
	amountEur: number | null;
	termStart: string | null;
};

export type RequestCardData = CardCommon & {
	neededFrom: string | null;
	neededUntil: string | null;
	deadline: string | null;
};

/** The fields both cards show, and no more. */
function common(card: CardCommon): CardCommon {
	return {
		id: card.id,
		kind: card.kind,
		title: card.title,
		domains: card.domains,
		municipalityName: card.municipalityName,
		organisation: card.organisation && { name: card.organisation.name }
	};
}

/** An offer as its card shows it, and no more. */
export function offerCard(offer: OfferCardData): OfferCardData {
	return {
		...common(offer),
		roomType: offer.roomType,
		capacity: offer.capacity,
		people: offer.people,
		hoursPerYear: offer.hoursPerYear,
		amountEur: offer.amountEur,
		termStart: offer.termStart
	};
}

/** A request as its card shows it, and no more. */
export function requestCard(request: RequestCardData): RequestCardData {
	return {
		...common(request),
		neededFrom: request.neededFrom,
		neededUntil: request.neededUntil,
		deadline: request.deadline
	};
}
