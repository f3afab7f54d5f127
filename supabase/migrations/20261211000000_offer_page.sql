-- An offer's page (/aanbod/[id], and its organisation's own page of it) in one call. The pages read the offer
-- with four embeds (organisation, municipality, weekly slots, unavailable dates); building that query cost
-- PostgREST ~3 ms of CPU a request (issue 15), while the lists already answer the same object through
-- private.offer_json(). Security invoker: the offer and every embedded table are read under the caller's RLS,
-- as the select was: active offers for everyone, all of their own organisation's for its members. Null for
-- an id nobody may read.
create function public.offer_page(p_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select private.offer_json(f) from public.offers f where f.id = p_id;
$$;

comment on function public.offer_page(uuid) is
	'One offer as its page reads it (private.offer_json(): the columns with organisation, municipality, slots and unavailable dates), under the caller''s RLS; null when the caller may not read it.';

revoke execute on function public.offer_page(uuid) from public;
grant execute on function public.offer_page(uuid) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
