-- Search outbox: the daily purge (in search_outbox_complete) looks for rows processed over a day ago in
-- every index at once, which the (index_uid, processed_at) index cannot answer without reading all of it.

create index search_outbox_processed_at_purge_idx on public.search_outbox (processed_at)
	where processed_at is not null;
