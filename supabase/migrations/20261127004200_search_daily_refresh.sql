-- Some search documents change with the calendar, not with a write: an academy's document lists the
-- formats of its upcoming activities. Once a day the worker asks for those documents to be rebuilt; the
-- first worker that asks on a day does it, the others find it done. (Ended activities and requests past
-- their deadline are left out by the search's own filters.)

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
	values (public.today_in_belgium(), 0)
	on conflict (day) do nothing;
	if not found then
		return 0;
	end if;
	select coalesce(array_agg(o.id), '{}') into academies
	from public.organisations o where o.kind = 'academy';
	perform public.search_enqueue('organisations', academies);
	update public.search_refresh_days set enqueued = cardinality(academies)
	where day = public.today_in_belgium();
	return cardinality(academies);
end;
$$;

comment on function public.search_refresh_daily() is
	'Once a day (first call wins): re-enqueues the search documents that change with the calendar (academies). Returns how many; 0 when already done today. Service role only.';

revoke execute on function public.search_refresh_daily() from public, anon, authenticated;
grant execute on function public.search_refresh_daily() to service_role;
