-- The search outbox, hardened after review:
-- * a reindex queued again only the rows processed since it began, so a change a worker was still writing
--   into the old index when the new one was swapped in (leased, not yet completed) was lost: now such rows
--   get a new version too, and their worker's completion sends them round again; and the reindex takes its
--   starting time from the database, not from its own clock;
-- * a failure of an older version no longer makes a newer change wait out the old one's backoff;
-- * completions lock their rows in a fixed order.

/**
 * search_reindex_begin()
 * The database's clock when a reindex begins: search_outbox_requeue() compares processed_at with it.
 */
create function public.search_reindex_begin()
returns timestamptz
language sql
volatile
security definer
set search_path = ''
as $$
	select now();
$$;

comment on function public.search_reindex_begin() is
	'The database time at which a reindex begins (for search_outbox_requeue). Service role only.';

revoke execute on function public.search_reindex_begin() from public, anon, authenticated;
grant execute on function public.search_reindex_begin() to service_role;

/**
 * search_outbox_requeue(index, since)
 * After a reindex swapped in a new index: queues again every row of the index processed since p_since,
 * and gives every row a worker holds right now a new version, so that its completion queues it again
 * instead of marking done a document that may have gone into the old index.
 */
create or replace function public.search_outbox_requeue(p_index text, p_since timestamptz)
returns integer
language sql
volatile
security definer
set search_path = ''
as $$
	with requeued as (
		update public.search_outbox box set
			processed_at = null,
			version = box.version + 1,
			next_attempt_at = case when box.processed_at is not null then now() else box.next_attempt_at end,
			attempts = case when box.processed_at is not null then 0 else box.attempts end
		where box.index_uid = p_index
			and (
				box.processed_at >= p_since
				or (box.processed_at is null and box.leased_by is not null)
			)
		returning 1
	)
	select count(*)::integer from requeued;
$$;

comment on function public.search_outbox_requeue(text, timestamptz) is
	'After a reindex: queues again the outbox rows of an index processed since p_since, and raises the version of rows a worker holds so they are processed again. Service role only.';

/**
 * search_outbox_fail(worker, items, error)
 * Gives claimed rows back after a failure (see 20261127004000). A row whose version moved on while the
 * worker was busy holds a newer change: it is tried again at once, its attempts not counted against it.
 */
create or replace function public.search_outbox_fail(p_worker text, p_items jsonb, p_error text)
returns integer
language sql
volatile
security definer
set search_path = ''
as $$
	with items as (
		select distinct on (item.index_uid, item.document_id)
			item.index_uid, item.document_id, item.version, item.retry_in_seconds
		from jsonb_to_recordset(p_items) as item (
			index_uid text, document_id uuid, version bigint, retry_in_seconds double precision
		)
		order by item.index_uid, item.document_id, item.version desc
	),
	failed as (
		update public.search_outbox box set
			attempts = case when box.version = items.version then box.attempts + 1 else 0 end,
			last_error = left(coalesce(p_error, 'unknown error'), 2000),
			next_attempt_at = case
				when box.version = items.version then now() + make_interval(
					secs => least(greatest(coalesce(items.retry_in_seconds, 1), 0), 3600)
				)
				else now()
			end,
			leased_until = null,
			leased_by = null
		from items
		where box.index_uid = items.index_uid and box.document_id = items.document_id
			and box.leased_by = p_worker and box.processed_at is null
		returning 1
	)
	select count(*)::integer from failed;
$$;

create or replace function public.search_outbox_complete(p_worker text, p_items jsonb)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	completed integer;
begin
	-- Lock the rows in one order (index, document), as the triggers' inserts do within a statement, so that
	-- a completion and a user's write that touch the same rows never wait for each other in a circle.
	perform 1
	from public.search_outbox box
	where (box.index_uid, box.document_id) in (
		select item.index_uid, item.document_id
		from jsonb_to_recordset(p_items) as item (index_uid text, document_id uuid)
	)
	order by box.index_uid, box.document_id
	for update;

	with items as (
		select distinct on (item.index_uid, item.document_id) item.index_uid, item.document_id, item.version
		from jsonb_to_recordset(p_items) as item (index_uid text, document_id uuid, version bigint)
		order by item.index_uid, item.document_id, item.version desc
	),
	done as (
		update public.search_outbox box set
			processed_at = case
				when box.version = items.version and box.leased_by = p_worker and box.processed_at is null
					then now()
			end,
			version = case
				when box.version = items.version and box.leased_by = p_worker then box.version
				else box.version + 1
			end,
			next_attempt_at = case
				when box.version = items.version and box.leased_by = p_worker then box.next_attempt_at
				else now()
			end,
			leased_until = case when box.leased_by = p_worker then null else box.leased_until end,
			leased_by = case when box.leased_by = p_worker then null else box.leased_by end,
			attempts = case when box.version = items.version and box.leased_by = p_worker then 0 else box.attempts end,
			last_error = case when box.version = items.version and box.leased_by = p_worker then null else box.last_error end
		from items
		where box.index_uid = items.index_uid and box.document_id = items.document_id
		returning box.processed_at
	)
	select count(*) filter (where processed_at is not null) into completed from done;

	delete from public.search_outbox box
	where box.processed_at < now() - interval '1 day';

	return completed;
end;
$$;

