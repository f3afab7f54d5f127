-- The quality label: an academy assesses itself against six fixed criteria with evidence (text and up to
-- five links) and submits the application; network staff review each criterion (ok or needs work, with a
-- comment) and either award the label with an expiry date or ask for changes. A renewal is a new
-- application while the label is still valid: the label stays until the new decision or its expiry. Every
-- step is kept as an event. The current label is mirrored onto academy_profiles (quality_label,
-- quality_label_expires_on), which everyone reads and whose changes reach the search documents through the
-- existing outbox trigger; expire_quality_labels() takes expired labels off (the app's hourly jobs run it).

/**
 * quality_applications
 * One application of an academy for the label (a round): draft → submitted → changes_requested →
 * submitted … → awarded. At most one open (draft, submitted, changes_requested) per academy. Written only by
 * the functions below; read by the academy's members and network staff.
 */
create table public.quality_applications (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	status text not null default 'draft',
	created_by uuid references auth.users (id) on delete set null,
	submitted_at timestamptz,
	awarded_at timestamptz,
	awarded_by uuid references auth.users (id) on delete set null,
	expires_on date,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint quality_applications_status_known check (
		status in ('draft', 'submitted', 'changes_requested', 'awarded')
	),
	constraint quality_applications_award_complete check (
		(status = 'awarded') = (awarded_at is not null and expires_on is not null)
	)
);

alter table public.quality_applications enable row level security;

comment on table public.quality_applications is
	'An academy''s application for the quality label (one round): draft, submitted, changes_requested or awarded; an awarded one is valid until expires_on (after it: expired). At most one open application per academy. Written only by save_quality_application(), submit_quality_application() and review_quality_application(); read by the academy''s members and network staff.';
comment on column public.quality_applications.id is 'Identifier.';
comment on column public.quality_applications.organisation_id is 'The academy.';
comment on column public.quality_applications.status is 'draft, submitted, changes_requested or awarded.';
comment on column public.quality_applications.created_by is 'Who started it.';
comment on column public.quality_applications.submitted_at is 'When it was last submitted for review.';
comment on column public.quality_applications.awarded_at is 'When the label was awarded.';
comment on column public.quality_applications.awarded_by is 'The staff member who awarded it.';
comment on column public.quality_applications.expires_on is 'The last day the awarded label is valid.';
comment on column public.quality_applications.created_at is 'When it was started.';
comment on column public.quality_applications.updated_at is 'When it last changed.';

create index quality_applications_organisation_idx on public.quality_applications (organisation_id, created_at desc);
create index quality_applications_status_idx on public.quality_applications (status, submitted_at);
create index quality_applications_created_by_idx on public.quality_applications (created_by);
create index quality_applications_awarded_by_idx on public.quality_applications (awarded_by);
-- One open application per academy: a second start or a concurrent one is refused by this index.
create unique index quality_applications_one_open on public.quality_applications (organisation_id)
	where status in ('draft', 'submitted', 'changes_requested');

create trigger quality_applications_set_updated_at
	before update on public.quality_applications
	for each row execute function private.set_updated_at();

create policy "members and network staff can read the academy's applications"
	on public.quality_applications for select
	to authenticated
	using (private.is_org_member(organisation_id) or (select public.is_network_staff()));

revoke insert, update, delete, truncate on public.quality_applications from anon, authenticated;
grant select on public.quality_applications to authenticated;

/**
 * quality_assessments
 * Per application and criterion: the academy's self-assessment with its evidence (text, up to five links)
 * and the staff's review (ok or needs_work, a comment). Written only by the functions below.
 */
create table public.quality_assessments (
	application_id uuid not null references public.quality_applications (id) on delete cascade,
	criterion text not null,
	self_assessment text not null default '',
	links text[] not null default '{}',
	verdict text,
	review_comment text not null default '',
	reviewed_by uuid references auth.users (id) on delete set null,
	reviewed_at timestamptz,
	updated_at timestamptz not null default now(),
	primary key (application_id, criterion),
	constraint quality_assessments_criterion_known check (
		criterion in (
			'stem_integration', 'declared_accents', 'creative_link', 'safeguarding', 'inclusion_plan',
			'evaluation'
		)
	),
	constraint quality_assessments_self_assessment_length check (char_length(self_assessment) <= 3000),
	constraint quality_assessments_links_at_most_5 check (cardinality(links) <= 5),
	constraint quality_assessments_links_format check (private.are_web_links(links)),
	constraint quality_assessments_verdict_known check (verdict in ('ok', 'needs_work')),
	constraint quality_assessments_review_comment_length check (char_length(review_comment) <= 2000)
);

alter table public.quality_assessments enable row level security;

comment on table public.quality_assessments is
	'Per application and criterion (stem_integration, declared_accents, creative_link, safeguarding, inclusion_plan, evaluation): the academy''s self-assessment with evidence (text and up to five http(s) links) and network staff''s review (ok or needs_work with a comment). Written only by the quality label functions; read like its application.';
comment on column public.quality_assessments.application_id is 'The application.';
comment on column public.quality_assessments.criterion is 'The criterion (fixed vocabulary, $lib/quality-vocabulary.ts).';
comment on column public.quality_assessments.self_assessment is 'The academy''s self-assessment and evidence, at most 3000 characters.';
comment on column public.quality_assessments.links is 'Up to five http(s) links to evidence.';
comment on column public.quality_assessments.verdict is 'The review: ok or needs_work; null while not reviewed.';
comment on column public.quality_assessments.review_comment is 'The reviewer''s comment, at most 2000 characters.';
comment on column public.quality_assessments.reviewed_by is 'The staff member who reviewed it.';
comment on column public.quality_assessments.reviewed_at is 'When it was reviewed.';
comment on column public.quality_assessments.updated_at is 'When it last changed.';

create index quality_assessments_reviewed_by_idx on public.quality_assessments (reviewed_by);

create policy "readers of an application can read its assessments"
	on public.quality_assessments for select
	to authenticated
	using (application_id in (select a.id from public.quality_applications a));

revoke insert, update, delete, truncate on public.quality_assessments from anon, authenticated;
grant select on public.quality_assessments to authenticated;

/**
 * quality_events
 * The history of an application: who did what when (started, submitted, changes_requested, awarded).
 */
create table public.quality_events (
	id bigint generated always as identity primary key,
	application_id uuid not null references public.quality_applications (id) on delete cascade,
	action text not null,
	actor_id uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint quality_events_action_known check (
		action in ('started', 'submitted', 'changes_requested', 'awarded')
	)
);

alter table public.quality_events enable row level security;

comment on table public.quality_events is
	'The history of a quality label application: started, submitted, changes_requested, awarded, by whom and when. Written only by the quality label functions; read like its application.';
comment on column public.quality_events.id is 'Identifier, in order.';
comment on column public.quality_events.application_id is 'The application.';
comment on column public.quality_events.action is 'started, submitted, changes_requested or awarded.';
comment on column public.quality_events.actor_id is 'Who did it.';
comment on column public.quality_events.created_at is 'When.';

create index quality_events_application_idx on public.quality_events (application_id, id);
create index quality_events_actor_idx on public.quality_events (actor_id);

create policy "readers of an application can read its history"
	on public.quality_events for select
	to authenticated
	using (application_id in (select a.id from public.quality_applications a));

revoke insert, update, delete, truncate on public.quality_events from anon, authenticated;
grant select on public.quality_events to authenticated;

-- The current label, public: mirrored on the academy's profile ------------------------------------------

alter table public.academy_profiles
	add column quality_label_expires_on date;

comment on column public.academy_profiles.quality_label_expires_on is
	'The last day the awarded quality label is valid (null: no expiry known, e.g. set by set_quality_label()). Set by review_quality_application(); expire_quality_labels() takes the label off after it. The label shows only while quality_label is awarded and this date is not past.';

create index academy_profiles_quality_label_expires_idx on public.academy_profiles (quality_label_expires_on)
	where quality_label_expires_on is not null;

-- Notifications ----------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, position, admin_default, member_default)
values
	('quality_submitted', 45, 'email', 'email'),
	('quality_changes_requested', 46, 'email', 'app'),
	('quality_awarded', 47, 'email', 'app');

/**
 * notify_quality(application, kind)
 * quality_submitted reaches every network staff member; quality_changes_requested and quality_awarded the
 * academy's owners and admins. Each with the delivery their choice or role decides; never the actor.
 */
create function private.notify_quality(p_application_id uuid, p_kind text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_org public.organisations;
begin
	select o.* into v_org from public.quality_applications a
	join public.organisations o on o.id = a.organisation_id
	where a.id = p_application_id;
	if p_kind = 'quality_submitted' then
		insert into public.notifications (user_id, kind, params, link, delivery)
		select s.user_id, p_kind, jsonb_build_object('organisation', v_org.name),
			'/netwerk/kwaliteitslabel/' || p_application_id,
			private.notification_delivery(s.user_id, p_kind, 'admin')
		from public.network_staff s
		where s.user_id is distinct from (select auth.uid())
			and private.notification_delivery(s.user_id, p_kind, 'admin') <> 'none';
	else
		insert into public.notifications (user_id, kind, params, link, delivery)
		select ms.user_id, p_kind, jsonb_build_object('organisation', v_org.name),
			'/organisaties/' || v_org.slug || '/kwaliteitslabel',
			private.notification_delivery(ms.user_id, p_kind, ms.role)
		from public.memberships ms
		where ms.organisation_id = v_org.id and ms.role in ('owner', 'admin')
			and ms.user_id is distinct from (select auth.uid())
			and private.notification_delivery(ms.user_id, p_kind, ms.role) <> 'none';
	end if;
end;
$$;

comment on function private.notify_quality(uuid, text) is
	'Writes the notifications of a quality label step: quality_submitted to network staff, quality_changes_requested and quality_awarded to the academy''s owners and admins.';

-- Functions ----------------------------------------------------------------------------------------------

/**
 * save_quality_application(organisation, assessments)
 * An academy's owner or admin saves the self-assessment: into the open application (draft or
 * changes_requested), or a new draft when none is open (the first round or a renewal; it starts from the
 * previous round's texts). p_assessments: {criterion: {"self_assessment": text, "links": [text]}} for any
 * criteria. Returns the application's id.
 */
create function public.save_quality_application(p_organisation_id uuid, p_assessments jsonb)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_app public.quality_applications;
	v_previous uuid;
	v_item record;
begin
	if not exists (select 1 from public.organisations o where o.id = p_organisation_id and o.kind = 'academy') then
		raise exception using
			errcode = 'PT404', message = 'Die academie bestaat niet.', hint = 'quality_academy_not_found';
	end if;
	if not private.is_org_admin(p_organisation_id) then
		raise exception using
			errcode = '42501', message = 'Alleen eigenaars en beheerders van de academie kunnen het kwaliteitslabel aanvragen.', hint = 'quality_academy_admin_only';
	end if;
	if p_assessments is null or jsonb_typeof(p_assessments) <> 'object' then
		raise exception using
			errcode = '22023', message = 'Onbekend criterium.', hint = 'quality_assessments_criterion_known';
	end if;

	select a.* into v_app from public.quality_applications a
	where a.organisation_id = p_organisation_id and a.status in ('draft', 'submitted', 'changes_requested')
	for update;
	if found and v_app.status = 'submitted' then
		raise exception using
			errcode = 'PT409', message = 'De aanvraag wordt beoordeeld; je kunt ze nu niet aanpassen.', hint = 'quality_application_under_review';
	end if;
	if not found then
		select a.id into v_previous from public.quality_applications a
		where a.organisation_id = p_organisation_id order by a.created_at desc limit 1;
		insert into public.quality_applications (organisation_id, created_by)
		values (p_organisation_id, (select auth.uid()))
		returning * into v_app;
		insert into public.quality_assessments (application_id, criterion, self_assessment, links)
		select v_app.id, q.criterion, q.self_assessment, q.links
		from public.quality_assessments q where q.application_id = v_previous;
		insert into public.quality_events (application_id, action, actor_id)
		values (v_app.id, 'started', (select auth.uid()));
	end if;

	for v_item in select key, value from jsonb_each(p_assessments) loop
		if jsonb_typeof(v_item.value) <> 'object'
			or jsonb_typeof(coalesce(v_item.value -> 'links', '[]'::jsonb)) <> 'array' then
			raise exception using
				errcode = '22023', message = 'Onbekend criterium.', hint = 'quality_assessments_criterion_known';
		end if;
		insert into public.quality_assessments as q (application_id, criterion, self_assessment, links)
		values (
			v_app.id, v_item.key, coalesce(v_item.value ->> 'self_assessment', ''),
			coalesce(array(select jsonb_array_elements_text(v_item.value -> 'links')), '{}')
		)
		on conflict (application_id, criterion) do update set
			self_assessment = excluded.self_assessment,
			links = excluded.links,
			updated_at = now();
	end loop;
	update public.quality_applications set updated_at = now() where id = v_app.id;
	return v_app.id;
end;
$$;

comment on function public.save_quality_application(uuid, jsonb) is
	'An academy admin saves the self-assessment per criterion into the open application (draft or changes_requested) or a new draft (first round, renewal). Errors (hint): quality_academy_not_found, quality_academy_admin_only, quality_application_under_review, quality_assessments_* constraints.';

/**
 * submit_quality_application(application)
 * An academy admin submits the open application for review: every criterion needs a self-assessment. A
 * second submit (a double click, two tabs) is refused: the application is no longer open for it.
 */
create function public.submit_quality_application(p_application_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_app public.quality_applications;
begin
	select a.* into v_app from public.quality_applications a where a.id = p_application_id for update;
	if not found then
		raise exception using
			errcode = 'PT404', message = 'Die aanvraag bestaat niet.', hint = 'quality_application_not_found';
	end if;
	if not private.is_org_admin(v_app.organisation_id) then
		raise exception using
			errcode = '42501', message = 'Alleen eigenaars en beheerders van de academie kunnen het kwaliteitslabel aanvragen.', hint = 'quality_academy_admin_only';
	end if;
	if v_app.status not in ('draft', 'changes_requested') then
		raise exception using
			errcode = 'PT409', message = 'Deze aanvraag is al ingediend of beslist.', hint = 'quality_application_not_open';
	end if;
	if (select count(*) from public.quality_assessments q
		where q.application_id = v_app.id and btrim(q.self_assessment) <> '') < 6 then
		raise exception using
			errcode = '23514', message = 'Vul bij elk criterium je zelfevaluatie in.', hint = 'quality_application_incomplete';
	end if;
	update public.quality_applications set status = 'submitted', submitted_at = now() where id = v_app.id;
	insert into public.quality_events (application_id, action, actor_id)
	values (v_app.id, 'submitted', (select auth.uid()));
	perform private.notify_quality(v_app.id, 'quality_submitted');
end;
$$;

comment on function public.submit_quality_application(uuid) is
	'An academy admin submits an open application (every criterion filled in). Errors (hint): quality_application_not_found, quality_academy_admin_only, quality_application_not_open, quality_application_incomplete.';

/**
 * review_quality_application(application, reviews, decision, expires on)
 * Network staff review a submitted application: p_reviews {criterion: {"verdict": ok|needs_work,
 * "comment": text}} for every criterion; p_decision 'award' (every criterion ok, an expiry date after today
 * and at most five years ahead) or 'changes' (at least one needs_work). Awarding mirrors the label onto the
 * academy's profile (and so into search).
 */
create function public.review_quality_application(
	p_application_id uuid,
	p_reviews jsonb,
	p_decision text,
	p_expires_on date default null
)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_app public.quality_applications;
	v_item record;
begin
	if not (select public.is_network_staff()) then
		raise exception using
			errcode = '42501', message = 'Alleen netwerkmedewerkers beoordelen aanvragen.', hint = 'quality_staff_only';
	end if;
	select a.* into v_app from public.quality_applications a where a.id = p_application_id for update;
	if not found then
		raise exception using
			errcode = 'PT404', message = 'Die aanvraag bestaat niet.', hint = 'quality_application_not_found';
	end if;
	if v_app.status <> 'submitted' then
		raise exception using
			errcode = 'PT409', message = 'Deze aanvraag wacht niet (meer) op een beoordeling.', hint = 'quality_application_not_submitted';
	end if;
	if p_decision is null or p_decision not in ('award', 'changes') then
		raise exception using
			errcode = '22023', message = 'Kies toekennen of aanpassingen vragen.', hint = 'quality_decision_known';
	end if;
	if p_reviews is null or jsonb_typeof(p_reviews) <> 'object' then
		raise exception using
			errcode = '22023', message = 'Beoordeel elk criterium.', hint = 'quality_review_incomplete';
	end if;

	for v_item in select key, value from jsonb_each(p_reviews) loop
		if jsonb_typeof(v_item.value) <> 'object' then
			raise exception using
				errcode = '22023', message = 'Beoordeel elk criterium.', hint = 'quality_review_incomplete';
		end if;
		insert into public.quality_assessments as q (
			application_id, criterion, verdict, review_comment, reviewed_by, reviewed_at
		) values (
			v_app.id, v_item.key, v_item.value ->> 'verdict', coalesce(v_item.value ->> 'comment', ''),
			(select auth.uid()), now()
		)
		on conflict (application_id, criterion) do update set
			verdict = excluded.verdict,
			review_comment = excluded.review_comment,
			reviewed_by = excluded.reviewed_by,
			reviewed_at = excluded.reviewed_at,
			updated_at = now();
	end loop;
	if (select count(*) from public.quality_assessments q
		where q.application_id = v_app.id and q.verdict is not null and q.reviewed_at = now()) < 6 then
		raise exception using
			errcode = '22023', message = 'Beoordeel elk criterium.', hint = 'quality_review_incomplete';
	end if;

	if p_decision = 'award' then
		if exists (select 1 from public.quality_assessments q
			where q.application_id = v_app.id and q.verdict <> 'ok') then
			raise exception using
				errcode = '23514', message = 'Een label kan je alleen toekennen als elk criterium in orde is.', hint = 'quality_award_needs_all_ok';
		end if;
		if p_expires_on is null or p_expires_on <= private.today_in_belgium()
			or p_expires_on > private.today_in_belgium() + interval '5 years' then
			raise exception using
				errcode = '22023', message = 'Kies een vervaldatum na vandaag en binnen vijf jaar.', hint = 'quality_award_expiry_range';
		end if;
		update public.quality_applications set
			status = 'awarded', awarded_at = now(), awarded_by = (select auth.uid()), expires_on = p_expires_on
		where id = v_app.id;
		update public.academy_profiles set quality_label = 'awarded', quality_label_expires_on = p_expires_on
		where organisation_id = v_app.organisation_id;
		insert into public.quality_events (application_id, action, actor_id)
		values (v_app.id, 'awarded', (select auth.uid()));
		perform private.notify_quality(v_app.id, 'quality_awarded');
	else
		if not exists (select 1 from public.quality_assessments q
			where q.application_id = v_app.id and q.verdict = 'needs_work') then
			raise exception using
				errcode = '23514', message = 'Duid aan welk criterium werk nodig heeft.', hint = 'quality_changes_need_work';
		end if;
		update public.quality_applications set status = 'changes_requested' where id = v_app.id;
		insert into public.quality_events (application_id, action, actor_id)
		values (v_app.id, 'changes_requested', (select auth.uid()));
		perform private.notify_quality(v_app.id, 'quality_changes_requested');
	end if;
end;
$$;

comment on function public.review_quality_application(uuid, jsonb, text, date) is
	'Network staff review a submitted application per criterion and award the label (until p_expires_on) or ask for changes. Errors (hint): quality_staff_only, quality_application_not_found, quality_application_not_submitted, quality_decision_known, quality_review_incomplete, quality_award_needs_all_ok, quality_award_expiry_range, quality_changes_need_work, quality_assessments_* constraints.';

/**
 * expire_quality_labels()
 * Takes the label off the profiles whose label expired (before today in Belgium), so search no longer
 * finds them with the filter. Idempotent; returns how many it took off. Service role (the hourly jobs).
 */
create function public.expire_quality_labels()
returns integer
language sql
volatile
security definer
set search_path = ''
as $$
	with expired as (
		update public.academy_profiles p set quality_label = 'none', quality_label_expires_on = null
		where p.quality_label_expires_on < private.today_in_belgium()
		returning 1
	)
	select count(*)::integer from expired;
$$;

comment on function public.expire_quality_labels() is
	'Service role: removes expired quality labels from academy profiles (and so from search). Returns the count.';

revoke execute on function public.save_quality_application(uuid, jsonb) from public, anon;
revoke execute on function public.submit_quality_application(uuid) from public, anon;
revoke execute on function public.review_quality_application(uuid, jsonb, text, date) from public, anon;
revoke execute on function public.expire_quality_labels() from public, anon, authenticated;
grant execute on function public.save_quality_application(uuid, jsonb) to authenticated;
grant execute on function public.submit_quality_application(uuid) to authenticated;
grant execute on function public.review_quality_application(uuid, jsonb, text, date) to authenticated;
grant execute on function public.expire_quality_labels() to service_role;

revoke execute on function private.notify_quality(uuid, text) from public;
