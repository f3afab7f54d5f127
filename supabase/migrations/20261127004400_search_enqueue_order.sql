-- The enqueue triggers take outbox rows in one global order: by index (activities, offers, organisations,
-- requests) and, within an index, by id (search_enqueue sorts). An activity's trigger already locks its
-- activity's row before its academy's; renaming an academy (or changing its profile) took the academy's
-- row first and then its activities': an activity edit and a rename of the same academy at the same
-- moment could wait for each other in a circle, and Postgres would abort one of the two writes.

create or replace function public.search_enqueue_organisations()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	renamed uuid[];
begin
	if tg_op = 'INSERT' then
		perform public.search_enqueue('organisations', array(select n.id from new_rows n));
	elsif tg_op = 'UPDATE' then
		renamed := array(
			select n.id from new_rows n join old_rows o on o.id = n.id
			where n.name is distinct from o.name or n.slug is distinct from o.slug
		);
		if cardinality(renamed) > 0 then
			perform public.search_enqueue('activities',
				array(select a.id from public.activities a where a.organisation_id = any (renamed)));
			perform public.search_enqueue('offers',
				array(select f.id from public.offers f where f.organisation_id = any (renamed)));
		end if;
		perform public.search_enqueue('organisations', array(select n.id from new_rows n));
		if cardinality(renamed) > 0 then
			perform public.search_enqueue('requests',
				array(select r.id from public.requests r where r.organisation_id = any (renamed)));
		end if;
	else
		perform public.search_enqueue('organisations', array(select o.id from old_rows o));
	end if;
	return null;
end;
$$;

comment on function public.search_enqueue_organisations() is
	'Trigger: enqueues the organisations'' search documents, and on a change of name or slug those of their activities, offers and requests; indexes in alphabetical order, so concurrent writes lock outbox rows in one order.';

create or replace function public.search_enqueue_academy_profiles()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	changed uuid[];
begin
	if tg_op = 'INSERT' then
		perform public.search_enqueue('organisations', array(select n.organisation_id from new_rows n));
	elsif tg_op = 'UPDATE' then
		changed := array(
			select n.organisation_id from new_rows n join old_rows o on o.organisation_id = n.organisation_id
			where n.stem_letters is distinct from o.stem_letters or n.quality_label is distinct from o.quality_label
		);
		if cardinality(changed) > 0 then
			perform public.search_enqueue('activities',
				array(select a.id from public.activities a where a.organisation_id = any (changed)));
		end if;
		perform public.search_enqueue('organisations', array(select n.organisation_id from new_rows n));
		if cardinality(changed) > 0 then
			perform public.search_enqueue('requests',
				array(select r.id from public.requests r where r.organisation_id = any (changed)));
		end if;
	else
		perform public.search_enqueue('organisations', array(select o.organisation_id from old_rows o));
	end if;
	return null;
end;
$$;

comment on function public.search_enqueue_academy_profiles() is
	'Trigger: enqueues the academy''s search document, and on a change of STEM letters or quality label its activities and requests; indexes in alphabetical order, so concurrent writes lock outbox rows in one order.';
