// Agreements: the thread's message form, the fulfilment form, and which buttons each side may use.
import type { AgreementStatus } from '$lib/exchange-vocabulary';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { optionalWholeNumber, plainText } from './fields';

export const MESSAGE_MAX = 4000;
export const THANK_YOU_MAX = 1000;
/** Generous upper bound for what was given; the database only refuses negative numbers. */
export const GIVEN_MAX = 100000;

export const messageSchema = z.object({
	body: plainText(MESSAGE_MAX, () => m.ag_error_message_too_long({ max: MESSAGE_MAX })).refine(
		(body) => body.length > 0,
		{ error: () => m.ag_error_message_required() }
	)
});

export type MessageValues = { body: string };

export const fulfilSchema = z.object({
	givenSessions: optionalWholeNumber({ min: 0, max: GIVEN_MAX }),
	givenHours: optionalWholeNumber({ min: 0, max: GIVEN_MAX }),
	givenItems: optionalWholeNumber({ min: 0, max: GIVEN_MAX }),
	thankYou: plainText(THANK_YOU_MAX, () =>
		m.ag_error_thank_you_too_long({ max: THANK_YOU_MAX })
	).transform((value) => (value === '' ? null : value))
});

/** The optional reason that goes with declining or withdrawing; kept in the history. */
export const NOTE_MAX = 1000;
export const noteSchema = z.object({
	note: plainText(NOTE_MAX, () => m.ag_error_note_too_long({ max: NOTE_MAX })).transform((value) =>
		value === '' ? undefined : value
	)
});

export type FulfilValues = Record<
	'givenSessions' | 'givenHours' | 'givenItems' | 'thankYou',
	string
>;

/** What a button asks the database for. */
export const AGREEMENT_ACTIONS = ['accept', 'decline', 'withdraw', 'fulfil'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export const statusForAction: Record<AgreementAction, AgreementStatus> = {
	accept: 'accepted',
	decline: 'declined',
	withdraw: 'withdrawn',
	fulfil: 'fulfilled'
};

/**
 * The buttons the signed-in person may use, mirroring set_agreement_status(): the side that did not propose
 * accepts or declines; the proposer withdraws a proposal; either side withdraws an accepted agreement; the
 * academy marks it fulfilled. The database decides again; this only hides buttons that would be refused.
 */
export function allowedActions(agreement: {
	status: AgreementStatus;
	academyId: string;
	providerId: string;
	proposedBy: string;
	mySides: readonly string[];
	/** A person's agreement ("Ik wil helpen"): the person proposed it and is the other side. */
	helper?: object | null;
	isHelper?: boolean;
}): AgreementAction[] {
	const mine = (id: string) => agreement.mySides.includes(id);
	const onAcademy = mine(agreement.academyId);
	if (agreement.helper)
		return personActions(agreement.status, onAcademy, agreement.isHelper === true);
	const onProvider = mine(agreement.providerId);
	const proposer = agreement.proposedBy;
	const other = proposer === agreement.academyId ? agreement.providerId : agreement.academyId;
	switch (agreement.status) {
		case 'proposed':
			return [
				...(mine(other) ? (['accept', 'decline'] as const) : []),
				...(mine(proposer) ? (['withdraw'] as const) : [])
			];
		case 'accepted':
			return [
				...(onAcademy ? (['fulfil'] as const) : []),
				...(onAcademy || onProvider ? (['withdraw'] as const) : [])
			];
		default:
			return [];
	}
}

/** On a person's agreement the person proposed: the academy answers, the person withdraws. */
function personActions(
	status: AgreementStatus,
	onAcademy: boolean,
	isHelper: boolean
): AgreementAction[] {
	switch (status) {
		case 'proposed':
			return [
				...(onAcademy ? (['accept', 'decline'] as const) : []),
				...(isHelper ? (['withdraw'] as const) : [])
			];
		case 'accepted':
			return [
				...(onAcademy ? (['fulfil'] as const) : []),
				...(onAcademy || isHelper ? (['withdraw'] as const) : [])
			];
		default:
			return [];
	}
}

/** The side a person writes for in the thread: the academy when they belong to both. */
export function writingSide(agreement: {
	academyId: string;
	providerId: string;
	mySides: readonly string[];
}): string | null {
	if (agreement.mySides.includes(agreement.academyId)) return agreement.academyId;
	if (agreement.mySides.includes(agreement.providerId)) return agreement.providerId;
	return null;
}
