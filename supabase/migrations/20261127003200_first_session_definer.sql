-- The first session's trigger speaks Dutch to the academy's members too: like the other validation
-- triggers it runs as its owner (raise_rule is not theirs to call), and it refuses a first session on an
-- agreement whose offer brings no people (a room's agreement uses booking_from).

/**
 * check_first_session()
 * Only the first session may change through this path: on an agreement about volunteers, expertise or a
 * visit, and not to a day long gone.
 */
create or replace function public.check_first_session()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.first_session_on is distinct from old.first_session_on
		and new.first_session_on is not null then
		if not exists (
			select 1 from public.offers o
			where o.id = new.offer_id and o.kind in ('volunteers', 'expertise', 'visit')
		) then
			perform public.raise_rule('agreements_first_session_people', 'first_session_on',
				'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek plan je een eerste sessie; bij een lokaal geldt de boekingsperiode.',
				tg_table_name);
		elsif new.first_session_on < public.today_in_belgium() - 365 then
			perform public.raise_rule('agreements_first_session_recent', 'first_session_on',
				'De eerste sessie kan niet meer dan een jaar geleden zijn.', tg_table_name);
		end if;
	end if;
	return new;
end;
$$;

comment on function public.check_first_session() is
	'Trigger: a first session only on an agreement about volunteers, expertise or a visit, and not more than a year ago (Dutch messages, 23514). security definer: raise_rule is not the caller''s.';

revoke execute on function public.check_first_session() from public, anon, authenticated;
