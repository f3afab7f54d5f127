// A person's notifications (written by database triggers): the list, the unread count, marking read.
// RLS lets a person read only their own and change only read_at. The database keeps a kind and its
// parameters; the line is written here in the reader's language.
import { notificationText } from '$lib/notification-labels.js';
import type { Db } from '$lib/server/supabase';
import { fetchPage, type Page } from './paging';

export type Notification = {
	id: number;
	kind: string;
	title: string;
	link: string;
	readAt: string | null;
	createdAt: string;
};

/** The person's newest notifications, unread first. */
export async function listNotifications(
	db: Db,
	userId: string,
	limit = 100
): Promise<Notification[]> {
	const { data, error } = await db
		.from('notifications')
		.select('id, kind, title, params, link, read_at, created_at')
		.eq('user_id', userId)
		.order('created_at', { ascending: false })
		.order('id', { ascending: false })
		.limit(limit);
	if (error) throw error;
	const list = data.map((row) => ({
		id: row.id,
		kind: row.kind,
		title: notificationText(row),
		link: row.link,
		readAt: row.read_at,
		createdAt: row.created_at
	}));
	return [...list.filter((n) => !n.readAt), ...list.filter((n) => n.readAt)];
}

export const NOTIFICATIONS_PAGE_SIZE = 25;

/**
 * One page of the person's notifications: the unread ones first, then the read ones by when they were
 * read, each newest first.
 */
export async function listNotificationPage(
	db: Db,
	userId: string,
	page: number
): Promise<Page<Notification>> {
	const found = await fetchPage(page, NOTIFICATIONS_PAGE_SIZE, ({ from, to }) =>
		db
			.from('notifications')
			.select('id, kind, title, params, link, read_at, created_at', { count: 'exact' })
			.eq('user_id', userId)
			.order('read_at', { ascending: false, nullsFirst: true })
			.order('created_at', { ascending: false })
			.order('id', { ascending: false })
			.range(from, to)
	);
	return {
		...found,
		rows: found.rows.map((row) => ({
			id: row.id,
			kind: row.kind,
			title: notificationText(row),
			link: row.link,
			readAt: row.read_at,
			createdAt: row.created_at
		}))
	};
}

/** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: Db, userId: string, id: number): Promise<boolean> {
	const { data, error } = await db
		.from('notifications')
		.update({ read_at: new Date().toISOString() })
		.eq('user_id', userId)
		.eq('id', id)
		.is('read_at', null)
		.select('id');
	if (error) throw error;
	if (data.length > 0) return true;
	// Already read is fine (a double click); someone else's is not found.
	const { data: existing, error: readError } = await db
		.from('notifications')
		.select('id')
		.eq('user_id', userId)
		.eq('id', id)
		.maybeSingle();
	if (readError) throw readError;
	return existing !== null;
}

/** Marks every unread notification of the person read. */
export async function markAllRead(db: Db, userId: string): Promise<void> {
	const { error } = await db
		.from('notifications')
		.update({ read_at: new Date().toISOString() })
		.eq('user_id', userId)
		.is('read_at', null);
	if (error) throw error;
}
