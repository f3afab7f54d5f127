// The "Hoe je meldingen krijgt" form: for each kind of notification a delivery, or `default` (no choice:
// the kind's default for the person's role). The kinds come from the database, so the schema is built per form.
import { DELIVERIES, deliveriesFor } from '$lib/notification-labels';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

export const CHOICES = ['default', ...DELIVERIES] as const;
export type Choice = (typeof CHOICES)[number];

export function notificationPreferencesSchema(kinds: readonly string[]) {
	return z.object(
		Object.fromEntries(
			kinds.map((kind) => [
				kind,
				z.enum(['default', ...deliveriesFor(kind)] as [Choice, ...Choice[]], {
					error: () => m.notif_prefs_choose()
				})
			])
		)
	);
}
