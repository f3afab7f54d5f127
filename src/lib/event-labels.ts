// What people read about events: the kinds, in the reader's language.
import { m } from '$lib/paraglide/messages';
import type { EventKind } from '$lib/schemas/event';

const kindLabels: Record<EventKind, () => string> = {
	meetup: m.ev_kind_meetup,
	info_session: m.ev_kind_info_session,
	open_school_day: m.ev_kind_open_school_day,
	other: m.ev_kind_other
};

export function eventKindLabel(kind: EventKind): string {
	return kindLabels[kind]();
}
