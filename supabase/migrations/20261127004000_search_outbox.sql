-- Search: Postgres stays the source of truth and Meilisearch follows it through a transactional outbox.
-- Every change to a table that feeds a search document records, in the same transaction, which documents
-- must be rebuilt; a worker (src/lib/server/search/worker.js) claims those rows, reads the documents with
-- search_documents() and writes or deletes them in Meilisearch.

/**
 * search_outbox
 * One row per search document that must be (re)built: the index, the document's id and a version that
 * goes up with every change. Rows stay after processing (processed_at) and are purged a day later.
 * Only the service role and the functions below touch it.
 */
create table public.search_outbox (
	id bigint generated always as identity primary key,
	index_uid text not null,
	document_id uuid not null,
	version bigint not null default 1,
	enqueued_at timestamptz not null default now(),
	next_attempt_at timestamptz not null default now(),
	attempts integer not null default 0,
	leased_until timestamptz,
	leased_by text,
	last_error text,
	processed_at timestamptz,
	constraint search_outbox_document_key unique (index_uid, document_id),
	constraint search_outbox_index_uid_known check (
		index_uid in ('activities', 'organisations', 'offers', 'requests')
	),
	constraint search_outbox_attempts_not_negative check (attempts >= 0),
	constraint search_outbox_last_error_length check (char_length(last_error) <= 2000)
);

alter table public.search_outbox enable row level security;

comment on table public.search_outbox is
	'Search documents waiting to be written to (or deleted from) Meilisearch, filled by triggers in the same transaction as the change. Service role only: no policies for anon or authenticated.';
comment on column public.search_outbox.id is 'Identifier.';
comment on column public.search_outbox.index_uid is 'The Meilisearch index: activities, organisations, offers or requests.';
comment on column public.search_outbox.document_id is 'The document''s id: the id of the row it is built from.';
comment on column public.search_outbox.version is 'Goes up with every change; a worker completes a row only when the version it claimed is still current.';
comment on column public.search_outbox.enqueued_at is 'When the document last changed.';
comment on column public.search_outbox.next_attempt_at is 'Not claimed before this moment (backoff after a failure).';
comment on column public.search_outbox.attempts is 'Failed attempts since the last change.';
comment on column public.search_outbox.leased_until is 'A worker holds the row until then; after it, another worker may claim it.';
comment on column public.search_outbox.leased_by is 'The worker that holds (or last held) the row.';
comment on column public.search_outbox.last_error is 'The last failure, for people looking into a stuck document.';
comment on column public.search_outbox.processed_at is 'When the current version reached Meilisearch; null while waiting. Purged a day later.';

create index search_outbox_waiting_idx on public.search_outbox (next_attempt_at, id)
	where processed_at is null;
create index search_outbox_processed_at_idx on public.search_outbox (index_uid, processed_at)
	where processed_at is not null;
-- The daily purge (in search_outbox_complete) looks for rows processed over a day ago in every index at
-- once, which the (index_uid, processed_at) index cannot answer without reading all of it.
create index search_outbox_processed_at_purge_idx on public.search_outbox (processed_at)
	where processed_at is not null;

revoke all on public.search_outbox from public, anon, authenticated;
grant select, insert, update, delete on public.search_outbox to service_role;

/**
 * search_enqueue(index, ids)
 * Records that these documents must be rebuilt: a new row, or the existing one with its version raised
 * and its backoff and failures cleared. In the order of the ids, so that concurrent transactions lock
 * outbox rows in the same order.
 */
create function private.search_enqueue(p_index text, p_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	insert into public.search_outbox as box (index_uid, document_id)
	select p_index, ids.id
	from (select distinct unnest(p_ids) as id) ids
	where ids.id is not null
	order by ids.id
	on conflict (index_uid, document_id) do update set
		version = box.version + 1,
		enqueued_at = now(),
		next_attempt_at = now(),
		attempts = 0,
		last_error = null,
		processed_at = null;
$$;

comment on function private.search_enqueue(text, uuid[]) is
	'Marks search documents (index, ids) for rebuilding: inserts outbox rows or raises their version. For the enqueue trigger.';

-- Helpers for the documents ----------------------------------------------------------------------------

/**
 * search_label(vocabulary, code)
 * The Dutch word people read for a code (messages/nl.json), so that a text search finds it.
 */
create function private.search_label(p_vocabulary text, p_code text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	select '{
		"domain": {
			"techniek": "Techniek", "programmeren": "Programmeren", "natuur": "Natuur",
			"sterrenkunde": "Sterrenkunde", "wiskunde_natuurwetenschappen": "Wiskunde en natuurwetenschappen",
			"life_sciences": "Life sciences", "andere": "Andere"
		},
		"format": {
			"losse_activiteit": "Losse activiteit", "korte_reeks": "Korte reeks",
			"lange_reeks_semester": "Lange reeks (semester)", "lange_reeks_jaar": "Lange reeks (schooljaar)",
			"kamp_zonder_overnachting": "Kamp zonder overnachting",
			"kamp_met_overnachting": "Kamp met overnachting"
		},
		"organisation_kind": {
			"academy": "STEM-academie", "school": "School", "company": "Bedrijf", "partner": "Partner"
		},
		"partner_type": {
			"municipality_service": "Gemeentelijke dienst", "fablab": "FabLab", "library": "Bibliotheek",
			"museum": "Museum", "training_centre": "Opleidingscentrum", "other": "Andere partner"
		},
		"offer_kind": {
			"room": "Lokaal", "volunteers": "Vrijwilligers of mentoren", "materials": "Materiaal",
			"funding": "Geld", "visit": "Bedrijfsbezoek of workshop", "expertise": "Expertise"
		},
		"request_kind": {
			"venue": "Een lokaal", "volunteers": "Vrijwilligers of mentoren", "materials": "Materiaal",
			"funding": "Geld", "expertise": "Expertise"
		},
		"room_type": {
			"klaslokaal": "Klaslokaal", "labo_wetenschappen": "Labo wetenschappen", "ict_lokaal": "ICT-lokaal",
			"werkplaats_makerspace": "Werkplaats of makerspace", "sporthal": "Sporthal", "aula": "Aula",
			"andere": "Ander lokaal"
		}
	}'::jsonb -> p_vocabulary ->> p_code;
$$;

comment on function private.search_label(text, text) is
	'The Dutch label of a code in a vocabulary (domain, format, organisation_kind, partner_type, offer_kind, request_kind, room_type), for search keywords.';

/**
 * search_keywords(domains, words)
 * The Dutch labels of the domains followed by the other words, without empty ones.
 */
create function private.search_keywords(p_domains text[], p_words text[])
returns jsonb
language sql
immutable
parallel safe
set search_path = ''
as $$
	select coalesce(jsonb_agg(word order by position), '[]'::jsonb)
	from (
		select private.search_label('domain', d.code) as word, d.position
		from unnest(coalesce(p_domains, '{}')) with ordinality as d (code, position)
		union all
		select w.word, 1000 + w.position
		from unnest(coalesce(p_words, '{}')) with ordinality as w (word, position)
	) words
	where word is not null;
$$;

comment on function private.search_keywords(text[], text[]) is
	'Search keywords: the Dutch labels of the domains, then the given words; nulls left out.';

/**
 * search_ages(age_min, age_max)
 * Every age from age_min to age_max (an open end counts as 2 or 25), capped to 0..99; [] when neither
 * is known.
 */
create function private.search_ages(p_min integer, p_max integer)
returns jsonb
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case
		when p_min is null and p_max is null then '[]'::jsonb
		else coalesce(
			(
				select jsonb_agg(age order by age)
				from generate_series(
					greatest(coalesce(p_min, 2), 0), least(coalesce(p_max, 25), 99)
				) as age
			),
			'[]'::jsonb
		)
	end;
$$;

comment on function private.search_ages(integer, integer) is
	'Every age from p_min to p_max (an open end: 2 or 25), within 0..99; [] when both are null.';

/**
 * search_province(region, province_nl)
 * The province as people say it ("Oost-Vlaanderen"), or Brussel for the Brussels region.
 */
create function private.search_province(p_region text, p_province_nl text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case
		when p_region = 'BRU' then 'Brussel'
		else regexp_replace(p_province_nl, '^Provincie ', '')
	end;
$$;

comment on function private.search_province(text, text) is
	'Province name without "Provincie " (e.g. Oost-Vlaanderen), or Brussel for the Brussels region.';

/**
 * search_day_ts(day)
 * Epoch seconds of the day at 00:00 UTC, for sorting and range filters.
 */
create function private.search_day_ts(p_day date)
returns bigint
language sql
immutable
parallel safe
set search_path = ''
as $$
	select (p_day - date '1970-01-01')::bigint * 86400;
$$;

comment on function private.search_day_ts(date) is 'Epoch seconds of the date at 00:00 UTC; null for null.';

/**
 * search_documents(index, ids, after, limit)
 * The public search documents of an index (docs: /work/issue5-search.md), denormalised: for the given
 * ids (an id without a document must be deleted from the index), or, for a reindex, every document after
 * the cursor id, in id order, at most p_limit. Only what anyone may read: published activities, all
 * organisations (no private contact), active offers, open and in-progress requests. At most 5000 ids or
 * documents a call (the worker and the reindex ask for 1000 at most).
 */
create function public.search_documents(
	p_index text,
	p_ids uuid[] default null,
	p_after uuid default null,
	p_limit integer default 1000
)
returns setof jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	page_size integer := case when p_ids is null then greatest(coalesce(p_limit, 1000), 1) end;
begin
	if page_size > 5000 or cardinality(p_ids) > 5000 then
		raise exception using
			errcode = 'invalid_parameter_value',
			message = 'At most 5000 search documents a call.',
			hint = 'search_documents_at_most_5000';
	end if;
	if p_index = 'activities' then
		return query
		select jsonb_build_object(
			'id', a.id::text,
			'type', 'activity',
			'title', a.title,
			'description', left(a.description, 600),
			'path', '/activiteiten/' || a.id::text,
			'organisation_id', o.id::text,
			'organisation_name', o.name,
			'organisation_slug', o.slug,
			'municipality_nis', m.nis,
			'municipality', m.name_nl,
			'province', private.search_province(m.region, m.province_nl),
			'_geo', jsonb_build_object('lat', a.lat, 'lng', a.lng),
			'domains', to_jsonb(a.domains),
			'ages', private.search_ages(a.age_min, a.age_max),
			'stem', to_jsonb(coalesce(p.stem_letters, '{}')),
			'keywords', private.search_keywords(a.domains, array[private.search_label('format', a.format)]),
			'updated_ts', extract(epoch from a.updated_at)::bigint,
			'format', a.format,
			'start_date', a.start_date,
			'end_date', a.end_date,
			'start_ts', private.search_day_ts(a.start_date),
			'end_ts', private.search_day_ts(a.end_date),
			'price_eur', a.price_eur,
			'quality_label', coalesce(p.quality_label, 'none')
		)
		from public.activities a
		join public.organisations o on o.id = a.organisation_id
		join public.municipalities m on m.nis = a.municipality_nis
		left join public.academy_profiles p on p.organisation_id = a.organisation_id
		where a.status = 'published'
			and (p_ids is null or a.id = any (p_ids))
			and (p_after is null or a.id > p_after)
		order by a.id
		limit page_size;

	elsif p_index = 'organisations' then
		return query
		select jsonb_build_object(
			'id', o.id::text,
			'type', o.kind,
			'title', o.name,
			'description', left(o.description, 600),
			'path', case o.kind
				when 'academy' then '/academies/'
				when 'school' then '/scholen/'
				when 'company' then '/bedrijven/'
				else '/partners/'
			end || o.slug,
			'organisation_id', o.id::text,
			'organisation_name', o.name,
			'organisation_slug', o.slug,
			'municipality_nis', m.nis,
			'municipality', m.name_nl,
			'province', private.search_province(m.region, m.province_nl),
			'_geo', jsonb_build_object('lat', o.lat, 'lng', o.lng),
			'domains', to_jsonb(coalesce(p.domains, '{}')),
			'ages', private.search_ages(p.age_min, p.age_max),
			'stem', to_jsonb(coalesce(p.stem_letters, '{}')),
			'keywords', private.search_keywords(
				p.domains,
				array[private.search_label('organisation_kind', o.kind), private.search_label('partner_type', o.partner_type)]
					|| coalesce(
						(select array_agg(private.search_label('format', f) order by f) from unnest(upcoming.formats) f),
						'{}'
					)
			),
			'updated_ts', extract(epoch from greatest(o.updated_at, p.updated_at))::bigint,
			'partner_type', o.partner_type,
			'verified', o.verification_status = 'verified',
			'quality_label', p.quality_label,
			'formats', to_jsonb(coalesce(upcoming.formats, '{}'))
		)
		from public.organisations o
		join public.municipalities m on m.nis = o.municipality_nis
		left join public.academy_profiles p on p.organisation_id = o.id and o.kind = 'academy'
		left join lateral (
			select array_agg(distinct a.format order by a.format) as formats
			from public.activities a
			where o.kind = 'academy' and a.organisation_id = o.id and a.status = 'published'
				and a.end_date >= private.today_in_belgium()
		) upcoming on true
		where (p_ids is null or o.id = any (p_ids))
			and (p_after is null or o.id > p_after)
		order by o.id
		limit page_size;

	elsif p_index = 'offers' then
		return query
		select jsonb_build_object(
			'id', f.id::text,
			'type', 'offer',
			'title', f.title,
			'description', left(f.description, 600),
			'path', '/aanbod/' || f.id::text,
			'organisation_id', o.id::text,
			'organisation_name', o.name,
			'organisation_slug', o.slug,
			'municipality_nis', m.nis,
			'municipality', m.name_nl,
			'province', private.search_province(m.region, m.province_nl),
			'_geo', jsonb_build_object('lat', f.lat, 'lng', f.lng),
			'domains', to_jsonb(f.domains),
			'ages', private.search_ages(f.age_min, f.age_max),
			'stem', '[]'::jsonb,
			'keywords', private.search_keywords(
				f.domains,
				array[private.search_label('offer_kind', f.kind), private.search_label('room_type', f.room_type)]
			),
			'updated_ts', extract(epoch from f.updated_at)::bigint,
			'kind', f.kind,
			'room_type', f.room_type,
			'capacity', f.capacity,
			'weekdays', coalesce(
				(select jsonb_agg(distinct s.weekday order by s.weekday) from public.offer_slots s where s.offer_id = f.id),
				'[]'::jsonb
			),
			'conditions', to_jsonb(f.conditions),
			'term_start', f.term_start,
			'term_end', f.term_end,
			'radius_km', f.radius_km
		)
		from public.offers f
		join public.organisations o on o.id = f.organisation_id
		join public.municipalities m on m.nis = f.municipality_nis
		where f.status = 'active'
			and (p_ids is null or f.id = any (p_ids))
			and (p_after is null or f.id > p_after)
		order by f.id
		limit page_size;

	elsif p_index = 'requests' then
		return query
		select jsonb_build_object(
			'id', r.id::text,
			'type', 'request',
			'title', r.title,
			'description', left(r.description, 600),
			'path', '/vragen/' || r.id::text,
			'organisation_id', o.id::text,
			'organisation_name', o.name,
			'organisation_slug', o.slug,
			'municipality_nis', m.nis,
			'municipality', m.name_nl,
			'province', private.search_province(m.region, m.province_nl),
			'_geo', jsonb_build_object('lat', r.lat, 'lng', r.lng),
			'domains', to_jsonb(r.domains),
			'ages', private.search_ages(r.age_min, r.age_max),
			'stem', to_jsonb(coalesce(p.stem_letters, '{}')),
			'keywords', private.search_keywords(r.domains, array[private.search_label('request_kind', r.kind)]),
			'updated_ts', extract(epoch from r.updated_at)::bigint,
			'kind', r.kind,
			'status', r.status,
			'weekdays', coalesce(
				(select jsonb_agg(distinct s.weekday order by s.weekday) from public.request_slots s where s.request_id = r.id),
				'[]'::jsonb
			),
			'deadline', r.deadline,
			'deadline_ts', private.search_day_ts(r.deadline)
		)
		from public.requests r
		join public.organisations o on o.id = r.organisation_id
		join public.municipalities m on m.nis = r.municipality_nis
		left join public.academy_profiles p on p.organisation_id = r.organisation_id
		where r.status in ('open', 'in_progress')
			and (p_ids is null or r.id = any (p_ids))
			and (p_after is null or r.id > p_after)
		order by r.id
		limit page_size;

	else
		raise exception using
			errcode = 'invalid_parameter_value',
			message = format('Unknown search index %s.', p_index),
			hint = 'search_index_known';
	end if;
end;
$$;

comment on function public.search_documents(text, uuid[], uuid, integer) is
	'The public search documents of an index (activities, organisations, offers, requests): for p_ids, or every one after p_after in id order (at most p_limit). An id without a document is to be deleted from the index. Service role only.';

revoke execute on function public.search_documents(text, uuid[], uuid, integer) from public, anon, authenticated;
grant execute on function public.search_documents(text, uuid[], uuid, integer) to service_role;

-- The worker's side: claim, complete, fail, purge, requeue ---------------------------------------------

/**
 * search_outbox_claim(worker, limit, lease_seconds)
 * Takes up to p_limit waiting rows whose backoff has passed and that no other worker holds (skipping
 * rows another transaction is changing right now), and leases them to p_worker. Returns what was taken,
 * with the version to hand back to search_outbox_complete().
 */
create function public.search_outbox_claim(
	p_worker text,
	p_limit integer default 500,
	p_lease_seconds integer default 60
)
returns table (index_uid text, document_id uuid, version bigint, attempts integer)
language sql
volatile
security definer
set search_path = ''
as $$
	with picked as (
		select box.id
		from public.search_outbox box
		where box.processed_at is null
			and box.next_attempt_at <= now()
			and (box.leased_until is null or box.leased_until < now())
		order by box.next_attempt_at, box.id
		limit greatest(least(coalesce(p_limit, 500), 5000), 1)
		for update skip locked
	)
	update public.search_outbox box set
		leased_until = now() + make_interval(secs => greatest(coalesce(p_lease_seconds, 60), 1)),
		leased_by = p_worker
	from picked
	where box.id = picked.id
	returning box.index_uid, box.document_id, box.version, box.attempts;
$$;

comment on function public.search_outbox_claim(text, integer, integer) is
	'Leases up to p_limit waiting outbox rows to a worker (FOR UPDATE SKIP LOCKED) and returns index, document id, version and attempts. Service role only.';

/**
 * search_outbox_complete(worker, items)
 * Marks claimed rows processed, items being [{index_uid, document_id, version}]. A row whose version
 * moved on while the worker was busy, or that another worker took over after the lease ran out, is not
 * done: it waits again (with a raised version, so that a worker still busy with it does not complete it
 * either) and is processed once more. Also purges rows processed more than a day ago.
 */
create function public.search_outbox_complete(p_worker text, p_items jsonb)
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

comment on function public.search_outbox_complete(text, jsonb) is
	'Completes claimed outbox rows ([{index_uid, document_id, version}]) whose version is unchanged and whose lease the worker still holds; others are queued again. Purges rows processed over a day ago. Returns how many were completed. Service role only.';

/**
 * search_outbox_fail(worker, items, error)
 * Gives claimed rows back after a failure, items being [{index_uid, document_id, version,
 * retry_in_seconds}]: the attempt is counted, the error recorded and the row waits retry_in_seconds
 * (0 to 3600; the worker's capped exponential backoff) before it is claimed again. A row whose version
 * moved on while the worker was busy holds a newer change: it is tried again at once, its attempts not
 * counted against it.
 */
create function public.search_outbox_fail(p_worker text, p_items jsonb, p_error text)
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

comment on function public.search_outbox_fail(text, jsonb, text) is
	'Gives claimed outbox rows back after a failure: attempts + 1, last_error, next attempt after retry_in_seconds (capped at an hour). Service role only.';

/**
 * search_outbox_requeue(index, since)
 * After a reindex swapped in a new index: queues again every row of the index processed since p_since,
 * and gives every row a worker holds right now a new version, so that its completion queues it again
 * instead of marking done a document that may have gone into the old index.
 */
create function public.search_outbox_requeue(p_index text, p_since timestamptz)
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
 * search_reindex_begin()
 * The database's clock when a reindex begins: search_outbox_requeue() compares processed_at with it, so
 * the reindex takes its starting time from the database, not from its own clock.
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

/**
 * search_outbox_stats()
 * Per index: rows waiting, of which failing (attempts > 0), the oldest waiting change, and the last error.
 */
create function public.search_outbox_stats()
returns table (index_uid text, waiting bigint, failing bigint, oldest_waiting timestamptz, last_error text)
language sql
stable
security definer
set search_path = ''
as $$
	select
		box.index_uid,
		count(*) filter (where box.processed_at is null),
		count(*) filter (where box.processed_at is null and box.attempts > 0),
		min(box.enqueued_at) filter (where box.processed_at is null),
		(array_agg(box.last_error order by box.enqueued_at desc) filter (where box.last_error is not null))[1]
	from public.search_outbox box
	group by box.index_uid
	order by box.index_uid;
$$;

comment on function public.search_outbox_stats() is
	'Per index: waiting rows, failing rows, oldest waiting change and the latest error. Service role only.';

revoke execute on function public.search_outbox_claim(text, integer, integer) from public, anon, authenticated;
revoke execute on function public.search_outbox_complete(text, jsonb) from public, anon, authenticated;
revoke execute on function public.search_outbox_fail(text, jsonb, text) from public, anon, authenticated;
revoke execute on function public.search_outbox_requeue(text, timestamptz) from public, anon, authenticated;
revoke execute on function public.search_reindex_begin() from public, anon, authenticated;
revoke execute on function public.search_outbox_stats() from public, anon, authenticated;
grant execute on function public.search_outbox_claim(text, integer, integer) to service_role;
grant execute on function public.search_outbox_complete(text, jsonb) to service_role;
grant execute on function public.search_outbox_fail(text, jsonb, text) to service_role;
grant execute on function public.search_outbox_requeue(text, timestamptz) to service_role;
grant execute on function public.search_reindex_begin() to service_role;
grant execute on function public.search_outbox_stats() to service_role;

-- Documents that change with the calendar, not with a write ---------------------------------------------
-- An academy's document lists the formats of its upcoming activities. Once a day the worker asks for those
-- documents to be rebuilt; the first worker that asks on a day does it, the others find it done. (Ended
-- activities and requests past their deadline are left out by the search's own filters.)

/**
 * search_refresh_days
 * The days on which the calendar-bound documents were re-enqueued. Only the service role (through
 * search_refresh_daily()) writes here.
 */
create table public.search_refresh_days (
	day date primary key,
	enqueued integer not null,
	created_at timestamptz not null default now()
);

alter table public.search_refresh_days enable row level security;

comment on table public.search_refresh_days is
	'Days on which the search documents that change with the calendar (academies'' upcoming formats) were re-enqueued. No policies: only the service role and search_refresh_daily() use it.';
comment on column public.search_refresh_days.day is 'The day (Belgian calendar).';
comment on column public.search_refresh_days.enqueued is 'How many documents were enqueued.';
comment on column public.search_refresh_days.created_at is 'When.';

revoke all on public.search_refresh_days from anon, authenticated;

/**
 * search_refresh_daily()
 * On the first call of a day: enqueues every academy (its upcoming formats) and returns how many; later
 * calls that day return 0.
 */
create function public.search_refresh_daily()
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	academies uuid[];
begin
	insert into public.search_refresh_days (day, enqueued)
	values (private.today_in_belgium(), 0)
	on conflict (day) do nothing;
	if not found then
		return 0;
	end if;
	select coalesce(array_agg(o.id), '{}') into academies
	from public.organisations o where o.kind = 'academy';
	perform private.search_enqueue('organisations', academies);
	update public.search_refresh_days set enqueued = cardinality(academies)
	where day = private.today_in_belgium();
	return cardinality(academies);
end;
$$;

comment on function public.search_refresh_daily() is
	'Once a day (first call wins): re-enqueues the search documents that change with the calendar (academies). Returns how many; 0 when already done today. Service role only.';

revoke execute on function public.search_refresh_daily() from public, anon, authenticated;
grant execute on function public.search_refresh_daily() to service_role;

-- Triggers: every table that feeds a document ---------------------------------------------------------

/**
 * search_enqueue_changes(index, id column [, organisation column, watched columns, related index...])
 * Trigger for every table that feeds a search document, statement-level with transition tables (new_rows,
 * old_rows), so that a bulk change enqueues in one go. Its arguments say which documents a change touches:
 *   index, id column        the documents of `index` whose ids are in that column of the changed rows
 *                           (offers by id, offers by offer_id for their slots);
 *   organisation column,    also the documents of the related indexes about the rows' organisations: the
 *   watched columns,        organisation's own document for `organisations`, else the index's rows of
 *   related index...        that organisation (activities, offers, requests). Inserted and deleted rows
 *                           always count; an updated row only when one of the watched columns (comma-
 *                           separated) changed. The id column must then identify a row.
 * Every document is enqueued in one order, by index and then by id (search_enqueue() sorts the ids), so
 * that concurrent writes lock outbox rows in the same order and never wait for each other in a circle.
 */
create function private.search_enqueue_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	own_index text := tg_argv[0];
	id_column text := tg_argv[1];
	organisation_column text := tg_argv[2];
	watched text[] := string_to_array(tg_argv[3], ',');
	related text[] := tg_argv[4:];
	changed jsonb;
	organisations uuid[] := '{}';
	index_uid text;
	ids uuid[];
begin
	if tg_op = 'DELETE' then
		select jsonb_agg(to_jsonb(o)) into changed from old_rows o;
	else
		select jsonb_agg(to_jsonb(n)) into changed from new_rows n;
	end if;

	if organisation_column is not null and tg_op = 'UPDATE' then
		organisations := array(
			select (to_jsonb(n) ->> organisation_column)::uuid
			from new_rows n
			join old_rows o on to_jsonb(o) -> id_column = to_jsonb(n) -> id_column
			where exists (
				select 1 from unnest(watched) as w (name)
				where to_jsonb(n) -> w.name is distinct from to_jsonb(o) -> w.name
			)
		);
	elsif organisation_column is not null then
		organisations := array(
			select (row_now ->> organisation_column)::uuid from jsonb_array_elements(changed) as c (row_now)
		);
	end if;

	foreach index_uid in array array(select distinct i from unnest(own_index || related) as i order by i) loop
		ids := '{}';
		if index_uid = own_index then
			ids := array(select (row_now ->> id_column)::uuid from jsonb_array_elements(changed) as c (row_now));
		end if;
		if index_uid = any (related) and index_uid = 'organisations' then
			ids := ids || organisations;
		elsif index_uid = any (related) and cardinality(organisations) > 0 then
			execute format('select array(select t.id from public.%I t where t.organisation_id = any ($1))', index_uid)
				into strict ids using organisations;
		end if;
		perform private.search_enqueue(index_uid, ids);
	end loop;
	return null;
end;
$$;

comment on function private.search_enqueue_changes() is
	'Trigger (statement level): enqueues the search documents a change touches, from its arguments (index, id column, and optionally organisation column, watched columns and related indexes), all in one order (index, id).';

/**
 * watch_for_search(table, index, id column [, organisation column, watched columns, related index...])
 * Gives a table the three statement-level triggers (<table>_search_insert, _update and _delete) through
 * which its changes reach search_enqueue_changes(), with the rest of the arguments as its arguments.
 */
create function private.watch_for_search(p_table text, variadic p_arguments text[])
returns void
language plpgsql
set search_path = ''
as $$
declare
	arguments text := (select string_agg(quote_literal(a), ', ') from unnest(p_arguments) as a);
	change record;
begin
	for change in
		select * from (values
			('insert', 'referencing new table as new_rows'),
			('update', 'referencing old table as old_rows new table as new_rows'),
			('delete', 'referencing old table as old_rows')
		) as c (operation, transition_tables)
	loop
		execute format(
			'create trigger %I after %s on public.%I %s
			for each statement execute function private.search_enqueue_changes(%s)',
			p_table || '_search_' || change.operation, change.operation, p_table, change.transition_tables,
			arguments
		);
	end loop;
end;
$$;

comment on function private.watch_for_search(text, text[]) is
	'Creates the insert, update and delete triggers (statement level, transition tables) that call search_enqueue_changes() with the given arguments for a table.';

-- One line per table that feeds a document: its index, id column and (for the documents about its
-- organisation) organisation column, watched columns and related indexes.
select private.watch_for_search(
	'organisations', 'organisations', 'id', 'id', 'name,slug', 'activities', 'offers', 'requests'
);
select private.watch_for_search(
	'academy_profiles', 'organisations', 'organisation_id', 'organisation_id', 'stem_letters,quality_label',
	'activities', 'requests'
);
-- An academy's document lists the formats of its upcoming activities.
select private.watch_for_search(
	'activities', 'activities', 'id', 'organisation_id', 'status,format,end_date', 'organisations'
);
select private.watch_for_search('offers', 'offers', 'id');
-- The weekdays of an offer or request come from its slots.
select private.watch_for_search('offer_slots', 'offers', 'offer_id');
select private.watch_for_search('requests', 'requests', 'id');
select private.watch_for_search('request_slots', 'requests', 'request_id');

revoke execute on all functions in schema private from public;

-- An existing database fills its indexes: every row that may feed a document, once.
select private.search_enqueue('organisations', array(select o.id from public.organisations o));
select private.search_enqueue('activities', array(select a.id from public.activities a));
select private.search_enqueue('offers', array(select f.id from public.offers f));
select private.search_enqueue('requests', array(select r.id from public.requests r));
