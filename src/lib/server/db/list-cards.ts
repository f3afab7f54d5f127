// The card rows of the public lists' page functions (active_offers_page(), live_requests_page(), migration
// 20261214000200) and of community_page()'s offers and requests (migration 20261215000100): what each card
// shows, in the database's names. Here what both kinds of card share.
import type { CardCommon } from '$lib/exchange-cards';

/** What every card row holds, whatever the card. */
export type CardRowBase = {
	id: string;
	kind: string;
	title: string;
	domains: string[];
	municipality_nis: string;
	municipality_name: string | null;
	organisation_name: string | null;
};

/** Those shared fields as the cards read them (src/lib/exchange-cards.ts). */
export function cardBase(row: CardRowBase): CardCommon {
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		domains: row.domains,
		municipalityName: row.municipality_name ?? row.municipality_nis,
		organisation: row.organisation_name === null ? null : { name: row.organisation_name }
	};
}
