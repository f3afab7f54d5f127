-- Volunteer checks normalise names the way agreement_volunteers does (trimmed, inner whitespace collapsed
-- to one space), so "Jan  Peeters" on a check matches "Jan Peeters" on an agreement in
-- volunteer_session_checks (joined on lower(name)).

/**
 * validate_volunteer_check()
 * Trims the names and collapses their inner whitespace; the day seen is not in the future nor more than
 * 3 years ago; the agreement, when given, is one of the academy's. Only for those who keep the academy's
 * records (its owners and admins, or a script): anyone else is refused by the policies, and learns nothing
 * here about whose agreement an id is.
 */
create or replace function public.validate_volunteer_check()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if auth.uid() is not null and not public.is_org_admin(new.organisation_id) then
		return new;
	end if;
	new.volunteer_name := regexp_replace(btrim(new.volunteer_name, E' \t\r\n'), '\s+', ' ', 'g');
	new.seen_by_name := regexp_replace(btrim(new.seen_by_name, E' \t\r\n'), '\s+', ' ', 'g');
	if char_length(new.volunteer_name) < 2 then
		perform public.raise_rule('volunteer_checks_volunteer_name_length', 'volunteer_name',
			'Geef de naam van de vrijwilliger.', tg_table_name);
	elsif char_length(new.seen_by_name) < 2 then
		perform public.raise_rule('volunteer_checks_seen_by_name_length', 'seen_by_name',
			'Geef de naam van wie het uittreksel zag.', tg_table_name);
	elsif new.seen_on > public.today_in_belgium() then
		perform public.raise_rule('volunteer_checks_seen_on_not_future', 'seen_on',
			'De datum waarop het uittreksel gezien werd, kan niet in de toekomst liggen.', tg_table_name);
	elsif new.seen_on < public.today_in_belgium() - interval '3 years' then
		perform public.raise_rule('volunteer_checks_seen_on_recent', 'seen_on',
			'Dit uittreksel is ouder dan 3 jaar: vraag een recent uittreksel.', tg_table_name);
	elsif new.agreement_id is not null and not exists (
		select 1 from public.agreements a
		where a.id = new.agreement_id and a.academy_id = new.organisation_id
	) then
		perform public.raise_rule('volunteer_checks_agreement_of_academy', 'agreement_id',
			'Kies een afspraak van je eigen academie.', tg_table_name);
	end if;
	return new;
end;
$$;

comment on function public.validate_volunteer_check() is
	'Trigger: trims the names and collapses their inner whitespace (like agreement_volunteers), requires seen_on between 3 years ago and today (Belgium) and the agreement to be the academy''s own; Dutch messages (23514, the constraint as hint). Skipped for people who are not the academy''s owners or admins (the policies refuse them).';

revoke execute on function public.validate_volunteer_check() from public, anon, authenticated;

-- Checks recorded before: the same normalisation, without re-validating their (possibly old) day.
alter table public.volunteer_checks disable trigger volunteer_checks_validate;
update public.volunteer_checks
set
	volunteer_name = regexp_replace(volunteer_name, '\s+', ' ', 'g'),
	seen_by_name = regexp_replace(seen_by_name, '\s+', ' ', 'g')
where volunteer_name <> regexp_replace(volunteer_name, '\s+', ' ', 'g')
	or seen_by_name <> regexp_replace(seen_by_name, '\s+', ' ', 'g');
alter table public.volunteer_checks enable trigger volunteer_checks_validate;
