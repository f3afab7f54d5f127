// How each kind of notification reaches a person: the kinds with their defaults, the person's choices and
// saving them (one transaction, save_notification_preferences). RLS: a person reads and writes only their own.
import { isDelivery, type Delivery } from '$lib/notification-labels';
import type { Choice } from '$lib/schemas/notification-preferences';
import type { Db } from '$lib/server/supabase';

export type NotificationKind = { kind: string; adminDefault: Delivery; memberDefault: Delivery };

const asDelivery = (value: string): Delivery => (isDelivery(value) ? value : 'app');

/** Every kind of notification, in the order the preferences page shows them. */
export async function listNotificationKinds(db: Db): Promise<NotificationKind[]> {
	const { data, error } = await db
		.from('notification_kinds')
		.select('kind, admin_default, member_default')
		.order('position');
	if (error) throw error;
	return data.map((row) => ({
		kind: row.kind,
		adminDefault: asDelivery(row.admin_default),
		memberDefault: asDelivery(row.member_default)
	}));
}

/** The person's choices by kind; a kind without a choice is `default`. */
export async function getNotificationChoices(
	db: Db,
	userId: string,
	kinds: readonly string[]
): Promise<Record<string, Choice>> {
	const { data, error } = await db
		.from('notification_preferences')
		.select('kind, delivery')
		.eq('user_id', userId);
	if (error) throw error;
	const chosen = new Map(data.map((row) => [row.kind, row.delivery]));
	return Object.fromEntries(
		kinds.map((kind) => {
			const delivery = chosen.get(kind);
			return [kind, isDelivery(delivery) ? delivery : 'default'];
		})
	);
}

/** Saves all choices at once; `default` removes a choice. */
export async function saveNotificationChoices(
	db: Db,
	choices: Record<string, Choice>
): Promise<void> {
	const { error } = await db.rpc('save_notification_preferences', { p_choices: choices });
	if (error) throw error;
}
