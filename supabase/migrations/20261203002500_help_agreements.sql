-- "Ik wil helpen": a person answers an academy's request for volunteers or expertise directly, without a
-- company's pledge. That is an agreement whose other side is the person (helper_id) instead of an offer and
-- its organisation, with the same history, thread, notifications and statuses, and with safeguarding: the
-- person is named (their profile's display name) and the academy records a recent extract from the
-- criminal record (model 2) before it can set the first session.
--
-- Agreements between organisations do not change: their rows, functions and notifications behave as before.

/**
 * agreements: the person as the other side
 * Either an offer and its organisation (offer_id, provider_id, proposed_by_organisation) or a person
 * (helper_id), never both. A person's agreement has no offer: offer_id null is what marks it, also after the
 * person's account is gone (helper_id set null, the agreement withdrawn and kept for the academy's history).
 */
alter table public.agreements
	alter column offer_id drop not null,
	alter column provider_id drop not null,
	alter column proposed_by_organisation drop not null,
	add column helper_id uuid references auth.users (id) on delete set null,
	add column helper_availability text,
	add constraint agreements_other_side check (
		(offer_id is null) = (provider_id is null)
		and (offer_id is null) = (proposed_by_organisation is null)
		and (offer_id is null or helper_id is null)
	),
	add constraint agreements_helper_availability_length check (
		char_length(helper_availability) between 1 and 300
	),
	add constraint agreements_helper_availability_only_for_people check (
		helper_availability is null or offer_id is null
	);

comment on column public.agreements.offer_id is
	'The offer that answers it; null on a person''s agreement ("Ik wil helpen"), where helper_id is the other side.';
comment on column public.agreements.provider_id is
	'The school, company or partner (the offer''s organisation), copied for the policies; null on a person''s agreement.';
comment on column public.agreements.proposed_by_organisation is
	'Which of the two organisations proposed it (academy_id or provider_id); null on a person''s agreement (the person proposed it).';
comment on column public.agreements.helper_id is
	'A person''s agreement ("Ik wil helpen"): the person who offered to help, named on the agreement by their display name. Null on agreements between organisations, and once the person''s account is gone (the agreement is then withdrawn).';
comment on column public.agreements.helper_availability is
	'A person''s agreement: when they can help, in their own words (1 to 300 characters), optional.';

create index agreements_helper_id_idx on public.agreements (helper_id);
-- A person has one live agreement per request: a second "Ik wil helpen" (or a double submit) is refused.
create unique index agreements_one_live_help on public.agreements (request_id, helper_id)
	where helper_id is not null and status in ('proposed', 'accepted');

comment on table public.agreements is
	'An agreement between an academy (its request) and either a school, company or partner (its offer) or a person who helps ("Ik wil helpen", helper_id). Created by propose_agreement() or offer_help(), status changed by set_agreement_status() only: proposed -> accepted | declined (the other side) | withdrawn (the proposer); accepted -> fulfilled (the academy) | withdrawn (either side). Read by the members of both organisations, the helper, and network staff.';

/**
 * agreement_messages: the person's side
 * A person who helps writes for no organisation: organisation_id null is the person's side.
 */
alter table public.agreement_messages alter column organisation_id drop not null;

comment on column public.agreement_messages.organisation_id is
	'The side the author wrote for (the agreement''s academy or provider); null for the person of a person''s agreement.';

comment on column public.agreement_events.organisation_id is
	'The side that acted (the academy or the provider); null for the person of a person''s agreement.';

/**
 * person_name_key(person)
 * A person's display name the way safeguarding records compare names: trimmed, inner spaces collapsed,
 * lower case (as volunteer_checks and agreement_volunteers normalise them). Null without a profile.
 */
create function private.person_name_key(p_user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
	select lower(regexp_replace(btrim(p.display_name, E' \t\r\n'), '\s+', ' ', 'g'))
	from public.profiles p
	where p.id = p_user_id;
$$;

comment on function private.person_name_key(uuid) is
	'A person''s display name trimmed, spaces collapsed, lower case: how volunteer checks name them. Owner only (triggers and functions that run as the owner).';

/**
 * has_recent_check(academy, person, day)
 * Whether the academy recorded an extract (model 2) for the person (by name) that is recent today and still
 * counts on the given day: seen at most 3 years before it, the rule volunteer_session_checks applies.
 */
create function private.has_recent_check(p_academy_id uuid, p_user_id uuid, p_day date)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1
		from public.volunteer_checks c
		where c.organisation_id = p_academy_id
			and lower(c.volunteer_name) = private.person_name_key(p_user_id)
			and (c.seen_on + interval '3 years')::date >= private.today_in_belgium()
			and (c.seen_on + interval '3 years')::date >= coalesce(p_day, private.today_in_belgium())
	);
$$;

comment on function private.has_recent_check(uuid, uuid, date) is
	'True when the academy recorded a check for the person''s display name that is not older than 3 years today nor on the given day. Owner only (check_first_session).';

-- Policies -------------------------------------------------------------------------------------------

create policy "helpers can read their own agreements"
	on public.agreements for select
	to authenticated
	using (helper_id = (select auth.uid()));

-- The history, the thread and the bookings are read through the agreement's own policies (their policies
-- ask whether the agreement is readable), so the helper reads those of their agreements too.

create policy "helpers can write in the thread of their own agreements"
	on public.agreement_messages for insert
	to authenticated
	with check (
		author = (select auth.uid())
		and organisation_id is null
		and exists (
			select 1 from public.agreements a
			where a.id = agreement_id and a.helper_id = (select auth.uid())
		)
	);

create policy "helpers can read the request of their agreements"
	on public.requests for select
	to authenticated
	using (
		exists (
			select 1 from public.agreements a
			where a.request_id = requests.id and a.helper_id = (select auth.uid())
		)
	);

-- Safeguarding names the person: the academy reads the profile of whoever offered to help, whatever its
-- visibility.
create policy "academies can read the profiles of people who offer help"
	on public.profiles for select
	to authenticated
	using (
		exists (
			select 1 from public.agreements a
			where a.helper_id = profiles.id and a.academy_id in (select private.my_organisation_ids())
		)
	);

/**
 * check_agreement_message()
 * As before for the two organisations; on a person's agreement the sides are the academy and the person
 * (organisation_id null), and the person writes only for themselves.
 */
create or replace function private.check_agreement_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	sides record;
begin
	new.body := btrim(replace(coalesce(new.body, ''), E'\r\n', E'\n'), E' \t\r\n');
	if new.body = '' then
		perform private.raise_rule('agreement_messages_body_length', 'body', 'Schrijf een bericht.', tg_table_name);
	elsif char_length(new.body) > 4000 then
		perform private.raise_rule('agreement_messages_body_length', 'body',
			'Een bericht is hoogstens 4000 tekens lang.', tg_table_name);
	end if;
	select a.academy_id, a.provider_id, a.helper_id into sides
	from public.agreements a
	where a.id = new.agreement_id
		and (
			auth.uid() is null
			or a.academy_id in (select private.my_organisation_ids())
			or a.provider_id in (select private.my_organisation_ids())
			or a.helper_id = auth.uid()
		);
	if found and new.organisation_id is null and sides.helper_id is null then
		perform private.raise_rule('agreement_messages_organisation_is_a_party', 'organisation_id',
			'Je schrijft namens een van de twee organisaties van de afspraak.', tg_table_name);
	elsif found and new.organisation_id is not null
		and new.organisation_id is distinct from sides.academy_id
		and new.organisation_id is distinct from sides.provider_id then
		perform private.raise_rule('agreement_messages_organisation_is_a_party', 'organisation_id',
			'Je schrijft namens een van de twee organisaties van de afspraak.', tg_table_name);
	end if;
	return new;
end;
$$;

/**
 * offer_help(request, message, availability)
 * "Ik wil helpen": the signed-in person offers to help with an academy's open request for volunteers or
 * expertise. Makes a proposed agreement with the person as the other side, its event and the first message.
 * One live agreement per person and request: a second one (or a double submit) is refused with the id of
 * the live one in the message's detail.
 */
create function public.offer_help(
	p_request_id uuid,
	p_message text default null,
	p_availability text default null
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	person uuid := auth.uid();
	request public.requests;
	message text := nullif(btrim(replace(coalesce(p_message, ''), E'\r\n', E'\n'), E' \t\r\n'), '');
	availability text := nullif(regexp_replace(btrim(coalesce(p_availability, ''), E' \t\r\n'), '\s+', ' ', 'g'), '');
	existing uuid;
	new_id uuid;
begin
	if person is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om je hulp aan te bieden.', hint = 'agreement_sign_in';
	end if;

	select * into request from public.requests r where r.id = p_request_id;
	if request.id is null or request.status not in ('open', 'in_progress') then
		raise exception using
			errcode = 'PT404', message = 'Deze vraag bestaat niet.', hint = 'request_not_found';
	elsif private.is_org_member(request.organisation_id) then
		raise exception using
			errcode = '42501',
			message = 'Je hoort zelf bij deze academie: je hoeft je hulp niet aan te bieden.',
			hint = 'agreements_help_not_own_academy';
	elsif request.kind not in ('volunteers', 'expertise') then
		raise exception using
			errcode = '23514',
			message = 'Enkel bij een vraag naar vrijwilligers of expertise kan je zelf je hulp aanbieden.',
			hint = 'agreements_help_request_kind', constraint = 'agreements_help_request_kind';
	elsif message is null then
		raise exception using
			errcode = '23514', message = 'Schrijf kort hoe je wil helpen.',
			hint = 'agreement_messages_body_length', constraint = 'agreement_messages_body_length',
			column = 'body';
	elsif char_length(message) > 4000 then
		raise exception using
			errcode = '23514', message = 'Een bericht is hoogstens 4000 tekens lang.',
			hint = 'agreement_messages_body_length', constraint = 'agreement_messages_body_length',
			column = 'body';
	elsif char_length(availability) > 300 then
		raise exception using
			errcode = '23514', message = 'Wanneer je kan, vertel je in hoogstens 300 tekens.',
			hint = 'agreements_helper_availability_length',
			constraint = 'agreements_helper_availability_length', column = 'helper_availability';
	end if;

	begin
		insert into public.agreements (request_id, academy_id, helper_id, helper_availability, created_by)
		values (p_request_id, request.organisation_id, person, availability, person)
		returning id into new_id;
	exception when unique_violation then
		select a.id into existing
		from public.agreements a
		where a.request_id = p_request_id and a.helper_id = person and a.status in ('proposed', 'accepted');
		raise exception using
			errcode = 'PT409',
			message = 'Je bood al je hulp aan voor deze vraag: je vindt het voorstel bij je afspraken.',
			detail = existing::text,
			hint = 'agreements_one_live_help', constraint = 'agreements_one_live_help';
	end;

	insert into public.agreement_events (agreement_id, status, organisation_id, actor)
	values (new_id, 'proposed', null, person);
	insert into public.agreement_messages (agreement_id, author, organisation_id, body)
	values (new_id, person, null, message);
	return new_id;
end;
$$;

comment on function public.offer_help(uuid, text, text) is
	'"Ik wil helpen": the signed-in person offers to help with an open request for volunteers or expertise of an academy they are not a member of; returns the new agreement''s id (status proposed, with its event and the message). Errors (SQLSTATE, hint): 42501 agreement_sign_in or agreements_help_not_own_academy, PT404 request_not_found (unknown or closed), 23514 agreements_help_request_kind, agreement_messages_body_length or agreements_helper_availability_length (Dutch), PT409 agreements_one_live_help (the live agreement''s id in the detail).';

revoke execute on function public.offer_help(uuid, text, text) from public, anon;
grant execute on function public.offer_help(uuid, text, text) to authenticated, service_role;

/**
 * set_agreement_status(...) for both kinds of agreement
 * The organisations' version stays as it was, now in private; the public function sends a person's
 * agreement to set_help_agreement_status() and every other to it.
 */
alter function public.set_agreement_status(uuid, text, text, integer, integer, integer, text)
	rename to set_organisations_agreement_status;
alter function public.set_organisations_agreement_status(uuid, text, text, integer, integer, integer, text)
	set schema private;
revoke execute on function private.set_organisations_agreement_status(uuid, text, text, integer, integer, integer, text)
	from public, anon, authenticated, service_role;

comment on function private.set_organisations_agreement_status(uuid, text, text, integer, integer, integer, text) is
	'set_agreement_status() for an agreement between two organisations (unchanged from the exchange''s migration). Owner only: called by public.set_agreement_status().';

/**
 * set_help_agreement_status(agreement, status, note, given_sessions, given_hours, given_items, thank_you)
 * A person's agreement changes like an organisations' one, with the person as the side that proposed:
 *   proposed -> accepted | declined   by the academy;
 *   proposed -> withdrawn             by the person;
 *   accepted -> fulfilled             by the academy (with what was given and a thank-you note);
 *   accepted -> withdrawn             by either side.
 * The same status again changes nothing. Accepting moves an open request to in progress; withdrawing an
 * accepted one moves it back to open when nothing else is accepted for it.
 */
create function private.set_help_agreement_status(
	p_agreement_id uuid,
	p_status text,
	p_note text,
	p_given_sessions integer,
	p_given_hours integer,
	p_given_items integer,
	p_thank_you text
)
returns public.agreements
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	person uuid := auth.uid();
	agreement public.agreements;
	request public.requests;
	on_academy_side boolean;
	is_helper boolean;
	acting_side uuid;
	note text := nullif(btrim(coalesce(p_note, ''), E' \t\r\n'), '');
	thanks text := nullif(btrim(replace(coalesce(p_thank_you, ''), E'\r\n', E'\n'), E' \t\r\n'), '');
begin
	select * into agreement from public.agreements a where a.id = p_agreement_id for update;
	on_academy_side := found and private.is_org_member(agreement.academy_id);
	is_helper := found and agreement.helper_id = person;
	if not (on_academy_side or is_helper) then
		raise exception using
			errcode = 'PT404', message = 'Deze afspraak bestaat niet.', hint = 'agreement_not_found';
	end if;

	if agreement.status = p_status then
		return agreement;
	end if;

	if note is not null and char_length(note) > 1000 then
		raise exception using
			errcode = '23514', message = 'Een opmerking is hoogstens 1000 tekens lang.',
			hint = 'agreement_events_note_length', constraint = 'agreement_events_note_length', column = 'note';
	end if;

	if agreement.status = 'proposed' and p_status in ('accepted', 'declined') then
		if not on_academy_side then
			raise exception using
				errcode = '42501',
				message = case p_status
					when 'accepted' then 'Enkel de andere partij kan dit voorstel aanvaarden.'
					else 'Enkel de andere partij kan dit voorstel weigeren.'
				end,
				hint = 'agreements_answered_by_the_other_side';
		end if;
		acting_side := agreement.academy_id;
	elsif agreement.status = 'proposed' and p_status = 'withdrawn' then
		if not is_helper then
			raise exception using
				errcode = '42501',
				message = 'Enkel wie het voorstel deed, kan het intrekken.',
				hint = 'agreements_withdrawn_by_the_proposer';
		end if;
		acting_side := null;
	elsif agreement.status = 'accepted' and p_status = 'fulfilled' then
		if not on_academy_side then
			raise exception using
				errcode = '42501',
				message = 'Enkel de academie kan de afspraak als uitgevoerd markeren.',
				hint = 'agreements_fulfilled_by_the_academy';
		end if;
		acting_side := agreement.academy_id;
	elsif agreement.status = 'accepted' and p_status = 'withdrawn' then
		acting_side := case when on_academy_side then agreement.academy_id end;
	else
		raise exception using
			errcode = '23514',
			message = case agreement.status
				when 'declined' then 'Deze afspraak werd geweigerd en kan niet meer veranderen.'
				when 'withdrawn' then 'Deze afspraak werd ingetrokken en kan niet meer veranderen.'
				when 'fulfilled' then 'Deze afspraak is uitgevoerd en kan niet meer veranderen.'
				when 'accepted' then 'Een aanvaarde afspraak kan enkel uitgevoerd of ingetrokken worden.'
				else 'Een voorstel wordt eerst aanvaard voor het uitgevoerd kan worden.'
			end,
			hint = 'agreements_status_transition', constraint = 'agreements_status_transition',
			column = 'status';
	end if;

	if p_status = 'fulfilled' then
		if coalesce(p_given_sessions, 0) < 0 or coalesce(p_given_hours, 0) < 0 or coalesce(p_given_items, 0) < 0 then
			raise exception using
				errcode = '23514', message = 'Wat gegeven werd, kan niet negatief zijn.',
				hint = 'agreements_given_not_negative', constraint = 'agreements_given_not_negative';
		elsif char_length(thanks) > 1000 then
			raise exception using
				errcode = '23514', message = 'Een bedankje is hoogstens 1000 tekens lang.',
				hint = 'agreements_thank_you_length', constraint = 'agreements_thank_you_length', column = 'thank_you';
		end if;
	end if;

	select * into request from public.requests r where r.id = agreement.request_id for update;

	if p_status = 'accepted' then
		if request.status not in ('open', 'in_progress') then
			raise exception using
				errcode = '23514',
				message = 'Deze vraag is afgesloten: het voorstel kan niet meer aanvaard worden.',
				hint = 'agreements_request_open', constraint = 'agreements_request_open';
		end if;
		if request.status = 'open' then
			update public.requests r set status = 'in_progress' where r.id = request.id;
		end if;
	elsif p_status = 'withdrawn' and agreement.status = 'accepted' then
		perform private.reopen_request_without(request, agreement.id);
	end if;

	update public.agreements a
	set status = p_status,
		given_sessions = case when p_status = 'fulfilled' then p_given_sessions else a.given_sessions end,
		given_hours = case when p_status = 'fulfilled' then p_given_hours else a.given_hours end,
		given_items = case when p_status = 'fulfilled' then p_given_items else a.given_items end,
		thank_you = case when p_status = 'fulfilled' then thanks else a.thank_you end
	where a.id = agreement.id
	returning * into agreement;

	insert into public.agreement_events (agreement_id, status, organisation_id, actor, note)
	values (agreement.id, p_status, acting_side, person, note);

	return agreement;
end;
$$;

comment on function private.set_help_agreement_status(uuid, text, text, integer, integer, integer, text) is
	'set_agreement_status() for a person''s agreement: the academy accepts, declines or fulfils; the person withdraws a proposal; either side withdraws an accepted one; writes the event. Owner only: called by public.set_agreement_status().';

/**
 * reopen_request_without(request, agreement)
 * A request in progress goes back to open when no agreement but the given one is accepted or fulfilled.
 */
create function private.reopen_request_without(p_request public.requests, p_agreement_id uuid)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	update public.requests r set status = 'open'
	where r.id = p_request.id
		and r.status = 'in_progress'
		and not exists (
			select 1 from public.agreements a
			where a.request_id = r.id and a.id <> p_agreement_id and a.status in ('accepted', 'fulfilled')
		);
$$;

comment on function private.reopen_request_without(public.requests, uuid) is
	'Moves a request in progress back to open when no other agreement is accepted or fulfilled for it. Owner only.';

create function public.set_agreement_status(
	p_agreement_id uuid,
	p_status text,
	p_note text default null,
	p_given_sessions integer default null,
	p_given_hours integer default null,
	p_given_items integer default null,
	p_thank_you text default null
)
returns public.agreements
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if auth.uid() is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om een afspraak te wijzigen.', hint = 'agreement_sign_in';
	end if;
	if p_status is null or p_status not in ('accepted', 'declined', 'withdrawn', 'fulfilled') then
		raise exception using
			errcode = '22023',
			message = 'Een afspraak kan aanvaard, geweigerd, ingetrokken of uitgevoerd worden.',
			hint = 'agreements_status_known',
			column = 'status';
	end if;
	if exists (select 1 from public.agreements a where a.id = p_agreement_id and a.offer_id is null) then
		return private.set_help_agreement_status(p_agreement_id, p_status, p_note, p_given_sessions,
			p_given_hours, p_given_items, p_thank_you);
	end if;
	return private.set_organisations_agreement_status(p_agreement_id, p_status, p_note,
		p_given_sessions, p_given_hours, p_given_items, p_thank_you);
end;
$$;

comment on function public.set_agreement_status(uuid, text, text, integer, integer, integer, text) is
	'Changes an agreement''s status, only by the right side (accept/decline: the side that did not propose; withdraw a proposal: the proposer; fulfilled: the academy, with given_* and thank_you; withdraw an accepted one: either side), writes the event, books a room''s sessions on accept. On a person''s agreement the person is the side that proposed. Same status again: no-op. Errors (SQLSTATE, hint): 42501 agreement_sign_in or the side rule (agreements_answered_by_the_other_side, agreements_withdrawn_by_the_proposer, agreements_fulfilled_by_the_academy), PT404 agreement_not_found (not a party or unknown), 22023 agreements_status_known, 23514 the rule''s constraint name (transition not allowed, request closed, offer not active, negative amounts; Dutch), 23P01 room_bookings_no_overlap.';

revoke execute on function public.set_agreement_status(uuid, text, text, integer, integer, integer, text) from public, anon;
grant execute on function public.set_agreement_status(uuid, text, text, integer, integer, integer, text) to authenticated, service_role;

/**
 * check_first_session()
 * As before for organisations' agreements. On a person's agreement a first session needs the person's
 * recent extract (model 2) recorded by the academy, still counting on that day.
 */
create or replace function private.check_first_session()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.first_session_on is distinct from old.first_session_on
		and new.first_session_on is not null then
		if new.offer_id is not null and not exists (
			select 1 from public.offers o
			where o.id = new.offer_id and o.kind in ('volunteers', 'expertise', 'visit')
		) then
			perform private.raise_rule('agreements_first_session_people', 'first_session_on',
				'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek plan je een eerste sessie; bij een lokaal geldt de boekingsperiode.',
				tg_table_name);
		elsif new.first_session_on < private.today_in_belgium() - 365 then
			perform private.raise_rule('agreements_first_session_recent', 'first_session_on',
				'De eerste sessie kan niet meer dan een jaar geleden zijn.', tg_table_name);
		elsif new.offer_id is null
			and not private.has_recent_check(new.academy_id, new.helper_id, new.first_session_on) then
			perform private.raise_rule('agreements_first_session_check', 'first_session_on',
				'Noteer eerst dat je een recent uittreksel uit het strafregister (model 2) van deze persoon zag: het moet nog gelden op de dag van de eerste sessie.',
				tg_table_name);
		end if;
	end if;
	return new;
end;
$$;

comment on function private.check_first_session() is
	'Trigger: a first session only on an agreement about volunteers, expertise or a visit or a person''s agreement, not more than a year ago, and on a person''s agreement only with a recent check of that person that still counts on that day (Dutch messages, 23514).';

/**
 * helper_gone()
 * When the person of an agreement deletes their account (helper_id set null by the foreign key), a live
 * agreement is withdrawn in the same step: the academy sees it in the history as withdrawn by a deleted
 * user, and the request goes back to open when nothing else is accepted.
 */
create function private.helper_gone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if old.helper_id is not null and new.helper_id is null and old.status in ('proposed', 'accepted') then
		new.status := 'withdrawn';
	end if;
	return new;
end;
$$;

comment on function private.helper_gone() is
	'Trigger: a person''s live agreement becomes withdrawn when the person''s account goes (helper_id set null).';

create trigger agreements_helper_gone
	before update of helper_id on public.agreements
	for each row execute function private.helper_gone();

create function private.helper_gone_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	request public.requests;
begin
	insert into public.agreement_events (agreement_id, status, organisation_id, actor)
	values (new.id, 'withdrawn', null, null);
	if old.status = 'accepted' then
		select * into request from public.requests r where r.id = new.request_id for update;
		perform private.reopen_request_without(request, new.id);
	end if;
	return null;
end;
$$;

comment on function private.helper_gone_history() is
	'Trigger: after a person''s live agreement was withdrawn because their account went, writes the event (actor null) and reopens the request when nothing else is accepted.';

create trigger agreements_helper_gone_history
	after update of helper_id on public.agreements
	for each row
	when (old.helper_id is not null and new.helper_id is null and old.status in ('proposed', 'accepted'))
	execute function private.helper_gone_history();

/**
 * notify_person(person, except, kind, params, agreement)
 * A notification for the person of a person's agreement (unless they caused it or chose none), delivered
 * like an organisation's owners and admins get theirs: the agreement is theirs to answer.
 */
create function private.notify_person(
	p_user_id uuid,
	p_except uuid,
	p_kind text,
	p_params jsonb,
	p_agreement_id uuid
)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	insert into public.notifications (user_id, kind, params, link, agreement_id, delivery)
	select p_user_id, p_kind, p_params, '/afspraken/' || p_agreement_id, p_agreement_id, chosen.delivery
	from (select private.notification_delivery(p_user_id, p_kind, 'owner') as delivery) chosen
	where p_user_id is not null
		and p_user_id is distinct from p_except
		and chosen.delivery <> 'none';
$$;

comment on function private.notify_person(uuid, uuid, text, jsonb, uuid) is
	'Writes a notification (kind, params, link to the agreement, delivery as for an owner) for one person, unless it is the given person or they chose none for the kind.';

/**
 * notify_agreement_event()
 * After a status event: the other side hears of it. On a person's agreement the other side of the academy
 * is the person, and the academy's members hear what the person did (params.person: the person's name).
 */
create or replace function private.notify_agreement_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	agreement record;
	other_side uuid;
	acting_name text;
begin
	select a.academy_id, a.provider_id, a.offer_id, a.helper_id, r.title as request_title,
		o.title as offer_title, academy.name as academy_name
	into agreement
	from public.agreements a
	join public.requests r on r.id = a.request_id
	join public.organisations academy on academy.id = a.academy_id
	left join public.offers o on o.id = a.offer_id
	where a.id = new.agreement_id;
	if not found then
		return null;
	end if;

	if agreement.offer_id is null then
		if new.organisation_id = agreement.academy_id then
			perform private.notify_person(agreement.helper_id, new.actor,
				case when new.status = 'proposed' then 'agreement_proposed' else 'agreement_status' end,
				jsonb_strip_nulls(jsonb_build_object('organisation', agreement.academy_name,
					'request', agreement.request_title, 'status', new.status)),
				new.agreement_id);
		else
			acting_name := (select p.display_name from public.profiles p where p.id = agreement.helper_id);
			perform private.notify_organisation(agreement.academy_id, new.actor,
				case when new.status = 'proposed' then 'agreement_proposed' else 'agreement_status' end,
				jsonb_strip_nulls(jsonb_build_object('organisation', acting_name, 'person', acting_name,
					'request', agreement.request_title, 'status', new.status)),
				new.agreement_id);
		end if;
		return null;
	end if;

	other_side := case when new.organisation_id = agreement.academy_id then agreement.provider_id
		else agreement.academy_id end;
	select org.name into acting_name from public.organisations org where org.id = new.organisation_id;

	if new.status = 'proposed' then
		perform private.notify_organisation(other_side, new.actor, 'agreement_proposed',
			jsonb_strip_nulls(jsonb_build_object('organisation', acting_name,
				'offer', agreement.offer_title, 'request', agreement.request_title)),
			new.agreement_id);
	else
		perform private.notify_organisation(other_side, new.actor, 'agreement_status',
			jsonb_strip_nulls(jsonb_build_object('organisation', acting_name,
				'request', agreement.request_title, 'status', new.status)),
			new.agreement_id);
	end if;
	return null;
end;
$$;

/**
 * notify_agreement_message()
 * After a message: the other side hears of it (on a person's agreement: the person or the academy).
 */
create or replace function private.notify_agreement_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	agreement record;
	writer_name text;
begin
	select a.academy_id, a.provider_id, a.offer_id, a.helper_id, r.title as request_title
	into agreement
	from public.agreements a
	join public.requests r on r.id = a.request_id
	where a.id = new.agreement_id;
	if not found then
		return null;
	end if;

	if agreement.offer_id is null then
		if new.organisation_id = agreement.academy_id then
			select org.name into writer_name from public.organisations org where org.id = new.organisation_id;
			perform private.notify_person(agreement.helper_id, new.author, 'agreement_message',
				jsonb_strip_nulls(jsonb_build_object('organisation', writer_name,
					'request', agreement.request_title)),
				new.agreement_id);
		else
			writer_name := (select p.display_name from public.profiles p where p.id = agreement.helper_id);
			perform private.notify_organisation(agreement.academy_id, new.author, 'agreement_message',
				jsonb_strip_nulls(jsonb_build_object('organisation', writer_name, 'person', writer_name,
					'request', agreement.request_title)),
				new.agreement_id);
		end if;
		return null;
	end if;

	select org.name into writer_name from public.organisations org where org.id = new.organisation_id;
	perform private.notify_organisation(
		case when new.organisation_id = agreement.academy_id then agreement.provider_id
			else agreement.academy_id end,
		new.author, 'agreement_message',
		jsonb_strip_nulls(jsonb_build_object('organisation', writer_name,
			'request', agreement.request_title)),
		new.agreement_id);
	return null;
end;
$$;

/**
 * rows_naming_person(account)
 * As before, and also the checks of the academies the person offered to help (their person's agreements):
 * those name them too, and go with their account.
 */
create or replace function private.rows_naming_person(p_user_id uuid)
returns table (source text, id uuid)
language sql
stable
set search_path = ''
as $$
	with person as (
		select lower(regexp_replace(btrim(p.display_name, E' \t\r\n'), '\s+', ' ', 'g')) as name_key
		from public.profiles p
		where p.id = p_user_id
	),
	own as (
		select ms.organisation_id from public.memberships ms where ms.user_id = p_user_id
	),
	their_agreements as (
		select a.id, a.academy_id
		from public.agreements a
		where a.academy_id in (select own.organisation_id from own)
			or a.provider_id in (select own.organisation_id from own)
	),
	academies as (
		select own.organisation_id as id from own
		union
		select their_agreements.academy_id from their_agreements
		union
		select a.academy_id from public.agreements a where a.helper_id = p_user_id
	)
	select 'agreement_volunteers', v.id
	from public.agreement_volunteers v, person
	where v.agreement_id in (select their_agreements.id from their_agreements)
		and lower(v.name) = person.name_key
	union all
	select 'volunteer_checks', c.id
	from public.volunteer_checks c, person
	where c.organisation_id in (select academies.id from academies)
		and lower(c.volunteer_name) = person.name_key;
$$;

comment on function private.rows_naming_person(uuid) is
	'The agreement_volunteers and volunteer_checks rows that name the person: their display name (normalised, case-insensitive) on the agreements of their organisations and the checks of their academies, of the academies those agreements are with, and of the academies they offered to help.';

/**
 * home_overview(limit)
 * As before, with people's agreements ("Ik wil helpen"): a person's proposal waits for the academy's answer
 * (proposer_name is the person, offer_title null), the person's own first sessions are upcoming for them
 * too, and `helping` lists the live agreements in which the signed-in person helps.
 */
create or replace function public.home_overview(p_limit integer default 5)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	with me as (
		select (select auth.uid()) as id,
			(now() at time zone 'Europe/Brussels')::date as today,
			least(greatest(coalesce(p_limit, 5), 1), 20) as lim
	),
	mine as (
		select o.id, o.slug, o.name, o.kind, ms.role
		from public.memberships ms
		join public.organisations o on o.id = ms.organisation_id
		where ms.user_id = (select me.id from me)
	),
	proposals as (
		select a.id, a.created_at, r.title as request_title, f.title as offer_title,
			coalesce(p.name, helper.display_name) as proposer_name, mine.name as organisation_name
		from public.agreements a
		join mine on mine.id in (a.academy_id, a.provider_id)
			and mine.id is distinct from a.proposed_by_organisation
		join public.requests r on r.id = a.request_id
		left join public.offers f on f.id = a.offer_id
		left join public.organisations p on p.id = a.proposed_by_organisation
		left join public.profiles helper on helper.id = a.helper_id
		where a.status = 'proposed'
	),
	open_requests as (
		select r.id, r.title, r.created_at
		from public.requests r
		join mine on mine.id = r.organisation_id
		where r.status = 'open'
		-- The newest few: matching is the costly part of the home.
		order by r.created_at desc
		limit 5
	),
	suggestions as (
		select r.id as request_id, r.title as request_title, count(*) as suggestion_count,
			min(s.title) as first_offer_title
		from open_requests r
		cross join lateral public.suggest_offers(r.id, 20) s
		where s.agreement_id is null
		group by r.id, r.title, r.created_at
	),
	unread as (
		select n.id, n.kind, n.title, n.params, n.link, n.created_at
		from public.notifications n
		where n.user_id = (select me.id from me) and n.read_at is null
	),
	bookings as (
		select b.id, b.agreement_id, b.day, lower(b.slot)::time as starts, upper(b.slot)::time as ends,
			f.title as offer_title, r.title as request_title
		from public.room_bookings b
		join public.agreements a on a.id = b.agreement_id
		join public.offers f on f.id = a.offer_id
		join public.requests r on r.id = a.request_id
		where b.day >= (select me.today from me)
			and (a.academy_id in (select mine.id from mine) or a.provider_id in (select mine.id from mine))
	),
	first_sessions as (
		select a.id, a.first_session_on as day, f.title as offer_title, r.title as request_title,
			academy.name as academy_name
		from public.agreements a
		left join public.offers f on f.id = a.offer_id
		join public.requests r on r.id = a.request_id
		join public.organisations academy on academy.id = a.academy_id
		where a.status = 'accepted'
			and a.first_session_on >= (select me.today from me)
			and (
				a.academy_id in (select mine.id from mine)
				or a.provider_id in (select mine.id from mine)
				or a.helper_id = (select me.id from me)
			)
	),
	helping as (
		select a.id, a.status, a.updated_at, a.first_session_on, r.title as request_title,
			academy.name as academy_name
		from public.agreements a
		join public.requests r on r.id = a.request_id
		join public.organisations academy on academy.id = a.academy_id
		where a.helper_id = (select me.id from me) and a.status in ('proposed', 'accepted')
	),
	volunteers as (
		select v.id, v.agreement_id, v.volunteer_name, v.state, v.first_session_on, mine.slug,
			mine.name as organisation_name
		from public.volunteer_session_checks v
		join mine on mine.id = v.organisation_id
		where v.state <> 'ok'
	),
	drafts as (
		select 'activity' as kind, x.id, x.title, mine.slug, mine.name as organisation_name,
			x.updated_at
		from public.activities x
		join mine on mine.id = x.organisation_id
		where x.status = 'draft'
		union all
		select 'offer', x.id, x.title, mine.slug, mine.name, x.updated_at
		from public.offers x
		join mine on mine.id = x.organisation_id
		where x.status = 'paused'
	)
	select case when (select me.id from me) is null then null else jsonb_build_object(
		'organisations', (
			select coalesce(jsonb_agg(jsonb_build_object(
				'id', mine.id, 'slug', mine.slug, 'name', mine.name, 'kind', mine.kind, 'role', mine.role
			) order by mine.name), '[]'::jsonb) from mine
		),
		'proposals', jsonb_build_object(
			'count', (select count(*) from proposals),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(p) order by p.created_at desc), '[]'::jsonb)
				from (select * from proposals order by created_at desc limit (select me.lim from me)) p
			)
		),
		'suggestions', jsonb_build_object(
			'count', (select coalesce(sum(suggestion_count), 0) from suggestions),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(s) order by s.suggestion_count desc, s.request_title), '[]'::jsonb)
				from (
					select * from suggestions
					order by suggestion_count desc, request_title
					limit (select me.lim from me)
				) s
			)
		),
		'unread', jsonb_build_object(
			'count', (select count(*) from unread),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(u) order by u.created_at desc, u.id desc), '[]'::jsonb)
				from (
					select * from unread order by created_at desc, id desc limit (select me.lim from me)
				) u
			)
		),
		'bookings', jsonb_build_object(
			'count', (select count(*) from bookings),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(b) order by b.day, b.starts), '[]'::jsonb)
				from (select * from bookings order by day, starts limit (select me.lim from me)) b
			)
		),
		'first_sessions', jsonb_build_object(
			'count', (select count(*) from first_sessions),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(s) order by s.day), '[]'::jsonb)
				from (select * from first_sessions order by day limit (select me.lim from me)) s
			)
		),
		'volunteers', jsonb_build_object(
			'count', (select count(*) from volunteers),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(v) order by v.first_session_on nulls last, v.volunteer_name), '[]'::jsonb)
				from (
					select * from volunteers
					order by first_session_on nulls last, volunteer_name
					limit (select me.lim from me)
				) v
			)
		),
		'helping', jsonb_build_object(
			'count', (select count(*) from helping),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(h) order by h.updated_at desc), '[]'::jsonb)
				from (select * from helping order by updated_at desc limit (select me.lim from me)) h
			)
		),
		'drafts', jsonb_build_object(
			'count', (select count(*) from drafts),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(d) order by d.updated_at desc), '[]'::jsonb)
				from (select * from drafts order by updated_at desc limit (select me.lim from me)) d
			)
		)
	) end;
$$;

comment on function public.home_overview(integer) is
	'The signed-in person''s home in one call: their organisations, proposals waiting for their answer (from organisations and from people who offered to help), the agreements in which they help as a person (helping), suggestions for their open requests, unread notifications, upcoming bookings and first sessions, volunteers without a valid check and their organisations'' drafts; each list at most p_limit (1..20) items with its count. Security invoker (RLS applies); null for anonymous callers.';

revoke execute on function public.home_overview(integer) from public, anon;
grant execute on function public.home_overview(integer) to authenticated;

revoke execute on all functions in schema private from public;
