-- Posts in local STEM communities: announcements (hosts), questions and good practices (part D adds their
-- structured fields), shared to one or more communities, with comments. Moderation: reports by anyone
-- signed in, hide/restore with a reason, blocks, pins, each recorded in an audit trail; new accounts post
-- at a limited rate. Notifications tell an author about comments and moderation, hosts about reports.

/**
 * posts
 * What a person wrote for one or more communities (post_communities). A visible post of an active
 * community is public; a hidden one is read only by its author (with the reason), the hosts of its
 * communities and network staff. Written by create_post() (or part D's good practice function) and
 * edited by its author while visible; hidden and restored by the moderation functions.
 */
create table public.posts (
	id uuid primary key default gen_random_uuid(),
	author_id uuid default auth.uid() references auth.users (id) on delete set null,
	kind text not null,
	title text not null,
	body text not null,
	status text not null default 'visible',
	hidden_reason text,
	hidden_by uuid references auth.users (id) on delete set null,
	hidden_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint posts_kind_known check (kind in ('announcement', 'question', 'good_practice')),
	constraint posts_title_length check (char_length(title) between 3 and 140),
	constraint posts_title_trimmed check (title = btrim(title, E' \t\r\n')),
	constraint posts_body_length check (char_length(body) between 1 and 10000),
	constraint posts_status_known check (status in ('visible', 'hidden')),
	constraint posts_hidden_reason_given check (
		(status = 'hidden') = (hidden_reason is not null)
		and char_length(hidden_reason) between 3 and 500
	)
);

alter table public.posts enable row level security;

comment on table public.posts is
	'A post in one or more communities (post_communities): an announcement (hosts only), a question or a good practice. Body in markdown-lite. Visible posts of active communities are public; hidden ones are read by the author, the hosts of its communities and network staff. Authors keep no rights after account deletion: the post stays with author_id null.';
comment on column public.posts.id is 'Identifier.';
comment on column public.posts.author_id is 'Who wrote it; null once their account is deleted (the post stays, without them).';
comment on column public.posts.kind is 'announcement (hosts of every community it goes to), question or good_practice.';
comment on column public.posts.title is 'Title, 3 to 140 characters, trimmed.';
comment on column public.posts.body is 'Text in markdown-lite (links, lists, emphasis, paragraphs), 1 to 10000 characters.';
comment on column public.posts.status is 'visible or hidden (by a host or network staff, with a reason).';
comment on column public.posts.hidden_reason is 'Why a moderator hid it (3 to 500 characters); the author sees it.';
comment on column public.posts.hidden_by is 'The moderator who hid it.';
comment on column public.posts.hidden_at is 'When it was hidden.';
comment on column public.posts.created_at is 'When it was written.';
comment on column public.posts.updated_at is 'When it last changed.';

create index posts_author_id_created_at_idx on public.posts (author_id, created_at);
create index posts_hidden_by_idx on public.posts (hidden_by);
create index posts_created_at_idx on public.posts (created_at desc);

create trigger posts_set_updated_at
	before update on public.posts
	for each row execute function private.set_updated_at();

/**
 * post_communities
 * The communities a post is shared to, and when a host pinned it there.
 */
create table public.post_communities (
	post_id uuid not null references public.posts (id) on delete cascade,
	community_id uuid not null references public.communities (id) on delete cascade,
	pinned_at timestamptz,
	pinned_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (post_id, community_id)
);

alter table public.post_communities enable row level security;

comment on table public.post_communities is
	'The communities a post is shared to (its author must belong there and not be blocked), and when a host of the community pinned it there. Read with the post; written by create_post() and pin_post().';
comment on column public.post_communities.post_id is 'The post.';
comment on column public.post_communities.community_id is 'A community it is shared to.';
comment on column public.post_communities.pinned_at is 'When a host pinned it on this community''s page; null when not pinned.';
comment on column public.post_communities.pinned_by is 'The host who pinned it.';
comment on column public.post_communities.created_at is 'When it was shared there.';

create index post_communities_community_id_idx on public.post_communities (community_id, pinned_at, created_at);
create index post_communities_pinned_by_idx on public.post_communities (pinned_by);

/**
 * post_comments
 * Replies under a post, by members of one of its communities. Hidden like posts.
 */
create table public.post_comments (
	id uuid primary key default gen_random_uuid(),
	post_id uuid not null references public.posts (id) on delete cascade,
	author_id uuid default auth.uid() references auth.users (id) on delete set null,
	body text not null,
	status text not null default 'visible',
	hidden_reason text,
	hidden_by uuid references auth.users (id) on delete set null,
	hidden_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint post_comments_body_length check (char_length(body) between 1 and 4000),
	constraint post_comments_status_known check (status in ('visible', 'hidden')),
	constraint post_comments_hidden_reason_given check (
		(status = 'hidden') = (hidden_reason is not null)
		and char_length(hidden_reason) between 3 and 500
	)
);

alter table public.post_comments enable row level security;

comment on table public.post_comments is
	'A comment under a post, by a member (or host) of one of its communities who is not blocked there. Visible comments are read by whoever reads the post; hidden ones by their author, the hosts and staff. Kept with author_id null after account deletion.';
comment on column public.post_comments.id is 'Identifier.';
comment on column public.post_comments.post_id is 'The post.';
comment on column public.post_comments.author_id is 'Who wrote it; null once their account is deleted.';
comment on column public.post_comments.body is 'Text in markdown-lite, 1 to 4000 characters.';
comment on column public.post_comments.status is 'visible or hidden.';
comment on column public.post_comments.hidden_reason is 'Why a moderator hid it; the author sees it.';
comment on column public.post_comments.hidden_by is 'The moderator who hid it.';
comment on column public.post_comments.hidden_at is 'When it was hidden.';
comment on column public.post_comments.created_at is 'When it was written.';
comment on column public.post_comments.updated_at is 'When it last changed.';

create index post_comments_post_id_created_at_idx on public.post_comments (post_id, created_at);
create index post_comments_author_id_created_at_idx on public.post_comments (author_id, created_at);
create index post_comments_hidden_by_idx on public.post_comments (hidden_by);

create trigger post_comments_set_updated_at
	before update on public.post_comments
	for each row execute function private.set_updated_at();

/**
 * post_reports
 * A signed-in reader's report of a post or one of its comments, with a reason, for the hosts.
 */
create table public.post_reports (
	id uuid primary key default gen_random_uuid(),
	reporter_id uuid default auth.uid() references auth.users (id) on delete set null,
	post_id uuid not null references public.posts (id) on delete cascade,
	comment_id uuid references public.post_comments (id) on delete cascade,
	reason text not null,
	status text not null default 'open',
	handled_by uuid references auth.users (id) on delete set null,
	handled_at timestamptz,
	created_at timestamptz not null default now(),
	constraint post_reports_reason_length check (char_length(btrim(reason)) between 3 and 500),
	constraint post_reports_status_known check (status in ('open', 'handled')),
	constraint post_reports_handled_when check ((status = 'handled') = (handled_at is not null))
);

alter table public.post_reports enable row level security;

comment on table public.post_reports is
	'A report of a post (comment_id null) or of one of its comments, with the reporter''s reason: open until a host or staff member hides the post or comment or dismisses the report. Read by the reporter, the hosts of the post''s communities and network staff.';
comment on column public.post_reports.id is 'Identifier.';
comment on column public.post_reports.reporter_id is 'Who reported; null once their account is deleted.';
comment on column public.post_reports.post_id is 'The post reported, or the post of the comment reported.';
comment on column public.post_reports.comment_id is 'The comment reported; null for the post itself.';
comment on column public.post_reports.reason is 'Why, 3 to 500 characters.';
comment on column public.post_reports.status is 'open or handled.';
comment on column public.post_reports.handled_by is 'The moderator who handled it.';
comment on column public.post_reports.handled_at is 'When it was handled.';
comment on column public.post_reports.created_at is 'When it was reported.';

create index post_reports_post_id_status_idx on public.post_reports (post_id, status);
create index post_reports_comment_id_idx on public.post_reports (comment_id);
create index post_reports_reporter_id_idx on public.post_reports (reporter_id);
create index post_reports_handled_by_idx on public.post_reports (handled_by);
create unique index post_reports_open_once on public.post_reports (
	reporter_id, post_id, coalesce(comment_id, '00000000-0000-0000-0000-000000000000'::uuid)
) where status = 'open';

/**
 * moderation_events
 * The audit trail of moderation: who did what to which post, comment or person, in which community,
 * and why. Append-only; written only by the moderation functions.
 */
create table public.moderation_events (
	id bigint generated always as identity primary key,
	community_id uuid references public.communities (id) on delete cascade,
	actor_id uuid references auth.users (id) on delete set null,
	action text not null,
	post_id uuid references public.posts (id) on delete set null,
	comment_id uuid references public.post_comments (id) on delete set null,
	user_id uuid references auth.users (id) on delete set null,
	report_id uuid references public.post_reports (id) on delete set null,
	reason text,
	created_at timestamptz not null default now(),
	constraint moderation_events_action_known check (
		action in ('hide', 'restore', 'block', 'unblock', 'dismiss_report', 'pin', 'unpin')
	),
	constraint moderation_events_reason_length check (char_length(reason) <= 500)
);

alter table public.moderation_events enable row level security;

comment on table public.moderation_events is
	'Audit trail of moderation: who (actor_id) did what (hide, restore, block, unblock, dismiss_report, pin, unpin) to which post, comment or person, in which community (for hide and restore: every community the post is shared to, one row each), and why. Append-only, written by the moderation functions; read by the hosts of the community and network staff.';
comment on column public.moderation_events.id is 'Identifier, in order.';
comment on column public.moderation_events.community_id is 'The community it concerns.';
comment on column public.moderation_events.actor_id is 'The host or staff member; null once their account is deleted.';
comment on column public.moderation_events.action is 'hide, restore, block, unblock, dismiss_report, pin or unpin.';
comment on column public.moderation_events.post_id is 'The post concerned (also for a comment).';
comment on column public.moderation_events.comment_id is 'The comment concerned.';
comment on column public.moderation_events.user_id is 'The person blocked or unblocked.';
comment on column public.moderation_events.report_id is 'The report dismissed.';
comment on column public.moderation_events.reason is 'The reason given, at most 500 characters.';
comment on column public.moderation_events.created_at is 'When.';

create index moderation_events_community_id_idx on public.moderation_events (community_id, id desc);
create index moderation_events_actor_id_idx on public.moderation_events (actor_id);
create index moderation_events_post_id_idx on public.moderation_events (post_id);
create index moderation_events_comment_id_idx on public.moderation_events (comment_id);
create index moderation_events_user_id_idx on public.moderation_events (user_id);
create index moderation_events_report_id_idx on public.moderation_events (report_id);

-- Helpers for the policies ---------------------------------------------------------------------------

/**
 * post_is_public(post)
 * Whether a post is shared to at least one active community (read without the policies, which ask).
 */
create function private.post_is_public(p_post_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (
		select 1 from public.post_communities pc
		join public.communities c on c.id = pc.community_id and c.status = 'active'
		where pc.post_id = p_post_id
	);
end;
$$;

comment on function private.post_is_public(uuid) is 'True when the post is shared to an active community. For policies.';

/**
 * hosts_post(post)
 * Whether the signed-in person hosts a community the post is shared to (or is network staff): they may
 * read it hidden, read its reports and moderate it.
 */
create function private.hosts_post(p_post_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return public.is_network_staff() or exists (
		select 1 from public.post_communities pc
		where pc.post_id = p_post_id and pc.community_id in (select private.hosted_community_ids())
	);
end;
$$;

comment on function private.hosts_post(uuid) is
	'True when the signed-in person hosts a community the post is shared to, or is network staff. For policies and the moderation functions.';

/**
 * can_comment_on(post)
 * Whether the signed-in person may comment: the post is visible and they belong to (or host) one of its
 * active communities without being blocked there.
 */
create function private.can_comment_on(p_post_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (
		select 1 from public.posts p
		join public.post_communities pc on pc.post_id = p.id
		join public.communities c on c.id = pc.community_id and c.status = 'active'
		where p.id = p_post_id and p.status = 'visible'
			and (private.is_community_member(pc.community_id) or private.is_community_host(pc.community_id))
			and not private.is_blocked_from(pc.community_id)
	);
end;
$$;

comment on function private.can_comment_on(uuid) is
	'True when the post is visible and the signed-in person belongs to or hosts one of its active communities without being blocked there. For policies.';

/**
 * can_post_to(community, kind)
 * Whether the signed-in person may share a post of this kind to the community: it is active, they
 * belong to it or host it and are not blocked there; announcements only by its hosts.
 */
create function private.can_post_to(p_community_id uuid, p_kind text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (select 1 from public.communities c where c.id = p_community_id and c.status = 'active')
		and not private.is_blocked_from(p_community_id)
		and case when p_kind = 'announcement' then private.is_community_host(p_community_id)
			else private.is_community_member(p_community_id) or private.is_community_host(p_community_id) end;
end;
$$;

comment on function private.can_post_to(uuid, text) is
	'True when the signed-in person may share a post of the kind to the community (active, member or host, not blocked; announcements: hosts only). For policies and create_post().';

grant execute on function private.post_is_public(uuid) to anon, authenticated, service_role;
grant execute on function private.hosts_post(uuid) to authenticated, service_role;
grant execute on function private.can_comment_on(uuid) to authenticated, service_role;
grant execute on function private.can_post_to(uuid, text) to authenticated, service_role;

-- Rate limits for new accounts -------------------------------------------------------------------------

/**
 * check_posting_rate()
 * How many posts or comments a person may write in 24 hours: 3 posts and 10 comments while their account
 * is younger than 7 days, 30 and 200 after.
 */
create function private.check_posting_rate()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	account_created timestamptz;
	is_new boolean;
	written integer;
	allowed integer;
begin
	if new.author_id is null then
		return new;
	end if;
	select u.created_at into account_created from auth.users u where u.id = new.author_id;
	is_new := account_created is null or account_created > now() - interval '7 days';
	-- One writer at a time per person, so two tabs cannot both pass the count.
	perform pg_advisory_xact_lock(hashtextextended('posting:' || new.author_id::text, 0));
	if tg_table_name = 'posts' then
		allowed := case when is_new then 3 else 30 end;
		select count(*) into written from public.posts p
		where p.author_id = new.author_id and p.created_at > now() - interval '24 hours';
		if written >= allowed and is_new then
			raise exception using errcode = 'PT429',
				message = 'Een nieuw account plaatst hoogstens 3 berichten per dag.', hint = 'post_rate_new_account';
		elsif written >= allowed then
			raise exception using errcode = 'PT429',
				message = 'Je plaatst hoogstens 30 berichten per dag.', hint = 'post_rate';
		end if;
	else
		allowed := case when is_new then 10 else 200 end;
		select count(*) into written from public.post_comments c
		where c.author_id = new.author_id and c.created_at > now() - interval '24 hours';
		if written >= allowed and is_new then
			raise exception using errcode = 'PT429',
				message = 'Een nieuw account plaatst hoogstens 10 reacties per dag.',
				hint = 'post_comment_rate_new_account';
		elsif written >= allowed then
			raise exception using errcode = 'PT429',
				message = 'Je plaatst hoogstens 200 reacties per dag.', hint = 'post_comment_rate';
		end if;
	end if;
	return new;
end;
$$;

comment on function private.check_posting_rate() is
	'Trigger: refuses a post or comment past the day''s limit (last 24 hours): 3 posts and 10 comments for accounts younger than 7 days, 30 and 200 after (PT429, hints post_rate_new_account, post_rate, post_comment_rate_new_account, post_comment_rate).';

create trigger posts_check_posting_rate
	before insert on public.posts
	for each row execute function private.check_posting_rate();

create trigger post_comments_check_posting_rate
	before insert on public.post_comments
	for each row execute function private.check_posting_rate();

-- Policies ---------------------------------------------------------------------------------------------

create policy "everyone can read visible posts of active communities"
	on public.posts for select
	to anon, authenticated
	using (status = 'visible' and private.post_is_public(id));

create policy "authors can read their own posts"
	on public.posts for select
	to authenticated
	using (author_id = (select auth.uid()));

create policy "hosts and staff can read every post of their communities"
	on public.posts for select
	to authenticated
	using (private.hosts_post(id));

create policy "people can write posts as themselves"
	on public.posts for insert
	to authenticated
	with check (author_id = (select auth.uid()) and status = 'visible' and hidden_reason is null);

create policy "authors can edit their own visible posts"
	on public.posts for update
	to authenticated
	using (author_id = (select auth.uid()) and status = 'visible')
	with check (author_id = (select auth.uid()) and status = 'visible');

revoke update, delete, truncate on public.posts from anon, authenticated;
revoke insert on public.posts from anon;
grant update (title, body) on public.posts to authenticated;

create policy "everyone can read where readable posts are shared"
	on public.post_communities for select
	to anon, authenticated
	using (post_id in (select p.id from public.posts p));

create policy "authors can share their posts to communities they may post to"
	on public.post_communities for insert
	to authenticated
	with check (
		pinned_at is null
		and exists (
			select 1 from public.posts p
			where p.id = post_id and p.author_id = (select auth.uid()) and p.status = 'visible'
				and private.can_post_to(community_id, p.kind)
		)
	);

revoke update, delete, truncate on public.post_communities from anon, authenticated;
revoke insert on public.post_communities from anon;

create policy "everyone can read visible comments on readable posts"
	on public.post_comments for select
	to anon, authenticated
	using (status = 'visible' and post_id in (select p.id from public.posts p));

create policy "authors can read their own comments"
	on public.post_comments for select
	to authenticated
	using (author_id = (select auth.uid()));

create policy "hosts and staff can read every comment of their communities"
	on public.post_comments for select
	to authenticated
	using (private.hosts_post(post_id));

create policy "members can comment on visible posts of their communities"
	on public.post_comments for insert
	to authenticated
	with check (
		author_id = (select auth.uid()) and status = 'visible' and hidden_reason is null
		and private.can_comment_on(post_id)
	);

create policy "authors can edit their own visible comments"
	on public.post_comments for update
	to authenticated
	using (author_id = (select auth.uid()) and status = 'visible')
	with check (author_id = (select auth.uid()) and status = 'visible');

revoke update, delete, truncate on public.post_comments from anon, authenticated;
revoke insert on public.post_comments from anon;
grant update (body) on public.post_comments to authenticated;

create policy "reporters can read their own reports"
	on public.post_reports for select
	to authenticated
	using (reporter_id = (select auth.uid()));

create policy "hosts and staff can read the reports of their communities"
	on public.post_reports for select
	to authenticated
	using (private.hosts_post(post_id));

create policy "signed-in people can report what they can read"
	on public.post_reports for insert
	to authenticated
	with check (
		reporter_id = (select auth.uid()) and status = 'open' and handled_at is null
		and post_id in (select p.id from public.posts p)
		and (
			comment_id is null
			or exists (
				select 1 from public.post_comments c where c.id = comment_id and c.post_id = post_reports.post_id
			)
		)
	);

revoke update, delete, truncate on public.post_reports from anon, authenticated;
revoke insert on public.post_reports from anon;

create policy "hosts and staff can read the moderation of their communities"
	on public.moderation_events for select
	to authenticated
	using (
		community_id in (select private.hosted_community_ids())
		or (select public.is_network_staff())
	);

revoke all on public.moderation_events from anon;
revoke insert, update, delete, truncate on public.moderation_events from authenticated;

-- Functions the app calls ------------------------------------------------------------------------------

/**
 * create_post(kind, title, body, communities)
 * A post shared to one or more communities in one step (all or nothing). Security invoker: the policies
 * decide; the checks here only give the refusal its words.
 */
create function public.create_post(
	p_kind text,
	p_title text,
	p_body text,
	p_community_ids uuid[]
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
	v_id uuid;
	v_community uuid;
begin
	if auth.uid() is null then
		raise exception using errcode = '42501', message = 'Meld je aan om een bericht te plaatsen.',
			hint = 'post_sign_in';
	end if;
	if p_kind is null or p_kind not in ('announcement', 'question') then
		perform private.raise_rule('posts_kind_known', 'kind', 'Kies een soort bericht.', 'posts');
	end if;
	if coalesce(cardinality(p_community_ids), 0) = 0 then
		perform private.raise_rule('post_communities_given', 'communities', 'Kies minstens één community.',
			'post_communities');
	end if;
	if cardinality(p_community_ids) > 20 then
		perform private.raise_rule('post_communities_at_most_20', 'communities',
			'Deel een bericht met hoogstens 20 community''s.', 'post_communities');
	end if;
	foreach v_community in array p_community_ids loop
		if private.is_blocked_from(v_community) then
			raise exception using errcode = '42501', message = 'Je bent geblokkeerd in deze community.',
				hint = 'post_blocked';
		end if;
		if not private.can_post_to(v_community, p_kind) then
			if p_kind = 'announcement' and private.is_community_member(v_community) then
				raise exception using errcode = '42501',
					message = 'Enkel de hosts van een community plaatsen aankondigingen.',
					hint = 'post_announcement_hosts_only';
			end if;
			raise exception using errcode = '42501',
				message = 'Sluit eerst aan bij de community om er een bericht te plaatsen.',
				hint = 'post_members_only';
		end if;
	end loop;

	insert into public.posts (kind, title, body)
	values (p_kind, btrim(coalesce(p_title, ''), E' \t\r\n'), btrim(coalesce(p_body, ''), E' \t\r\n'))
	returning id into v_id;

	insert into public.post_communities (post_id, community_id)
	select v_id, c from (select distinct unnest(p_community_ids) as c) shared;

	return v_id;
end;
$$;

comment on function public.create_post(text, text, text, uuid[]) is
	'Writes a post (announcement or question) as the signed-in person and shares it to the given communities, all or nothing. Security invoker: the policies decide; refusals carry hints post_sign_in, post_blocked, post_members_only, post_announcement_hosts_only, post_communities_given, the posts constraints and the rate limits.';

revoke execute on function public.create_post(text, text, text, uuid[]) from public, anon;
grant execute on function public.create_post(text, text, text, uuid[]) to authenticated, service_role;

/**
 * moderation_reason(reason)
 * A moderator's reason, trimmed and 3 to 500 characters, or a refusal.
 */
create function private.moderation_reason(p_reason text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	v_reason text := btrim(coalesce(p_reason, ''), E' \t\r\n');
begin
	if char_length(v_reason) not between 3 and 500 then
		perform private.raise_rule('moderation_reason_length', 'reason',
			'Geef een reden van 3 tot 500 tekens.', 'moderation_events');
	end if;
	return v_reason;
end;
$$;

comment on function private.moderation_reason(text) is 'Trims a moderation reason and refuses one outside 3 to 500 characters (hint moderation_reason_length).';

/**
 * hide_post(post, comment, reason) / restore_post(post, comment)
 * A host of one of the post's communities (or staff) hides a post or one of its comments with a reason,
 * or shows it again. Open reports about it are handled with it; the audit trail gets one row per
 * community the post is in.
 */
create function public.hide_post(p_post_id uuid, p_reason text, p_comment_id uuid default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_reason text;
begin
	if not private.hosts_post(p_post_id) then
		raise exception using errcode = 'PT404',
			message = 'Dit bericht bestaat niet of je modereert deze community niet.', hint = 'post_host_only';
	end if;
	v_reason := private.moderation_reason(p_reason);
	if p_comment_id is null then
		update public.posts p
		set status = 'hidden', hidden_reason = v_reason, hidden_by = auth.uid(), hidden_at = now()
		where p.id = p_post_id;
		update public.post_reports r set status = 'handled', handled_by = auth.uid(), handled_at = now()
		where r.post_id = p_post_id and r.comment_id is null and r.status = 'open';
	else
		update public.post_comments c
		set status = 'hidden', hidden_reason = v_reason, hidden_by = auth.uid(), hidden_at = now()
		where c.id = p_comment_id and c.post_id = p_post_id;
		if not found then
			raise exception using errcode = 'PT404', message = 'Deze reactie bestaat niet.',
				hint = 'post_comment_not_found';
		end if;
		update public.post_reports r set status = 'handled', handled_by = auth.uid(), handled_at = now()
		where r.comment_id = p_comment_id and r.status = 'open';
	end if;
	insert into public.moderation_events (community_id, actor_id, action, post_id, comment_id, reason)
	select pc.community_id, auth.uid(), 'hide', p_post_id, p_comment_id, v_reason
	from public.post_communities pc where pc.post_id = p_post_id;
end;
$$;

comment on function public.hide_post(uuid, text, uuid) is
	'A host of one of the post''s communities or staff hides the post (or, with a comment id, that comment) with a reason the author sees; its open reports become handled; audit rows per community. PT404 post_host_only for anyone else.';

create function public.restore_post(p_post_id uuid, p_comment_id uuid default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if not private.hosts_post(p_post_id) then
		raise exception using errcode = 'PT404',
			message = 'Dit bericht bestaat niet of je modereert deze community niet.', hint = 'post_host_only';
	end if;
	if p_comment_id is null then
		update public.posts p
		set status = 'visible', hidden_reason = null, hidden_by = null, hidden_at = null
		where p.id = p_post_id;
	else
		update public.post_comments c
		set status = 'visible', hidden_reason = null, hidden_by = null, hidden_at = null
		where c.id = p_comment_id and c.post_id = p_post_id;
		if not found then
			raise exception using errcode = 'PT404', message = 'Deze reactie bestaat niet.',
				hint = 'post_comment_not_found';
		end if;
	end if;
	insert into public.moderation_events (community_id, actor_id, action, post_id, comment_id)
	select pc.community_id, auth.uid(), 'restore', p_post_id, p_comment_id
	from public.post_communities pc where pc.post_id = p_post_id;
end;
$$;

comment on function public.restore_post(uuid, uuid) is
	'A host of one of the post''s communities or staff shows a hidden post (or comment) again; audit rows per community. PT404 post_host_only for anyone else.';

/**
 * pin_post(post, community, pinned)
 * A host of the community (or staff) pins the post on its page or takes the pin away.
 */
create function public.pin_post(p_post_id uuid, p_community_id uuid, p_pinned boolean default true)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if not (private.is_community_host(p_community_id) or public.is_network_staff()) then
		raise exception using errcode = 'PT404',
			message = 'Dit bericht bestaat niet of je host deze community niet.', hint = 'post_host_only';
	end if;
	update public.post_communities pc
	set pinned_at = case when p_pinned then now() end, pinned_by = case when p_pinned then auth.uid() end
	where pc.post_id = p_post_id and pc.community_id = p_community_id;
	if not found then
		raise exception using errcode = 'PT404', message = 'Dit bericht staat niet in deze community.',
			hint = 'post_not_found';
	end if;
	insert into public.moderation_events (community_id, actor_id, action, post_id)
	values (p_community_id, auth.uid(), case when p_pinned then 'pin' else 'unpin' end, p_post_id);
end;
$$;

comment on function public.pin_post(uuid, uuid, boolean) is
	'A host of the community or staff pins the post on the community''s page (or unpins it); audit row. PT404 post_host_only for anyone else, post_not_found when the post is not in the community.';

/**
 * block_from_community(community, person, reason) / unblock_from_community(community, person)
 * A host (or staff) blocks a person from the community with a reason (their membership goes) or lifts
 * the block.
 */
create function public.block_from_community(p_community_id uuid, p_user_id uuid, p_reason text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_reason text;
begin
	if not (private.is_community_host(p_community_id) or public.is_network_staff()) then
		raise exception using errcode = 'PT404',
			message = 'Deze community bestaat niet of je host ze niet.', hint = 'post_host_only';
	end if;
	if p_user_id is null or p_user_id = auth.uid() then
		raise exception using errcode = '22023', message = 'Je kunt jezelf niet blokkeren.',
			hint = 'moderation_block_self';
	end if;
	if not exists (select 1 from auth.users u where u.id = p_user_id) then
		raise exception using errcode = 'PT404', message = 'Deze persoon bestaat niet.',
			hint = 'moderation_person_not_found';
	end if;
	v_reason := private.moderation_reason(p_reason);
	insert into public.community_blocks (community_id, user_id, reason, blocked_by)
	values (p_community_id, p_user_id, v_reason, auth.uid())
	on conflict (community_id, user_id) do update set reason = excluded.reason, blocked_by = excluded.blocked_by;
	delete from public.community_members cm
	where cm.community_id = p_community_id and cm.user_id = p_user_id;
	insert into public.moderation_events (community_id, actor_id, action, user_id, reason)
	values (p_community_id, auth.uid(), 'block', p_user_id, v_reason);
end;
$$;

comment on function public.block_from_community(uuid, uuid, text) is
	'A host of the community or staff blocks a person from it with a reason (writes community_blocks, removes their membership); audit row. PT404 post_host_only for anyone else; hints moderation_block_self, moderation_person_not_found, moderation_reason_length.';

create function public.unblock_from_community(p_community_id uuid, p_user_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if not (private.is_community_host(p_community_id) or public.is_network_staff()) then
		raise exception using errcode = 'PT404',
			message = 'Deze community bestaat niet of je host ze niet.', hint = 'post_host_only';
	end if;
	delete from public.community_blocks b where b.community_id = p_community_id and b.user_id = p_user_id;
	if not found then
		raise exception using errcode = 'PT404', message = 'Deze persoon is hier niet geblokkeerd.',
			hint = 'moderation_block_not_found';
	end if;
	insert into public.moderation_events (community_id, actor_id, action, user_id)
	values (p_community_id, auth.uid(), 'unblock', p_user_id);
end;
$$;

comment on function public.unblock_from_community(uuid, uuid) is
	'A host of the community or staff lifts a block (they may join again); audit row. PT404 post_host_only, moderation_block_not_found.';

/**
 * dismiss_report(report, reason)
 * A host of the post's communities (or staff) closes a report without hiding anything.
 */
create function public.dismiss_report(p_report_id uuid, p_reason text default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_report public.post_reports;
	v_reason text := nullif(btrim(coalesce(p_reason, ''), E' \t\r\n'), '');
begin
	select * into v_report from public.post_reports r where r.id = p_report_id for update;
	if not found or not private.hosts_post(v_report.post_id) then
		raise exception using errcode = 'PT404',
			message = 'Deze melding bestaat niet of je modereert deze community niet.', hint = 'post_host_only';
	end if;
	if v_reason is not null then
		v_reason := private.moderation_reason(v_reason);
	end if;
	if v_report.status <> 'open' then
		return;
	end if;
	update public.post_reports r set status = 'handled', handled_by = auth.uid(), handled_at = now()
	where r.id = p_report_id;
	insert into public.moderation_events (community_id, actor_id, action, post_id, comment_id, report_id, reason)
	select pc.community_id, auth.uid(), 'dismiss_report', v_report.post_id, v_report.comment_id, p_report_id,
		v_reason
	from public.post_communities pc where pc.post_id = v_report.post_id;
end;
$$;

comment on function public.dismiss_report(uuid, text) is
	'A host of the post''s communities or staff closes an open report without hiding (an optional note); audit rows per community. PT404 post_host_only for anyone else; idempotent for a handled report.';

revoke execute on function public.hide_post(uuid, text, uuid) from public, anon;
revoke execute on function public.restore_post(uuid, uuid) from public, anon;
revoke execute on function public.pin_post(uuid, uuid, boolean) from public, anon;
revoke execute on function public.block_from_community(uuid, uuid, text) from public, anon;
revoke execute on function public.unblock_from_community(uuid, uuid) from public, anon;
revoke execute on function public.dismiss_report(uuid, text) from public, anon;
grant execute on function public.hide_post(uuid, text, uuid) to authenticated, service_role;
grant execute on function public.restore_post(uuid, uuid) to authenticated, service_role;
grant execute on function public.pin_post(uuid, uuid, boolean) to authenticated, service_role;
grant execute on function public.block_from_community(uuid, uuid, text) to authenticated, service_role;
grant execute on function public.unblock_from_community(uuid, uuid) to authenticated, service_role;
grant execute on function public.dismiss_report(uuid, text) to authenticated, service_role;

-- Notifications ----------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, position, admin_default, member_default)
values
	('post_comment', 10, 'app', 'app'),
	('post_hidden', 11, 'email', 'email'),
	('post_report', 12, 'email', 'email');

/**
 * post_host_ids(post)
 * The people who host a community the post is shared to (role host, admins of a host organisation,
 * admins of an academy seated there): whom a report reaches.
 */
create function private.post_host_ids(p_post_id uuid)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
	select cm.user_id from public.post_communities pc
	join public.community_members cm on cm.community_id = pc.community_id
	where pc.post_id = p_post_id and cm.role = 'host' and cm.user_id is not null
	union
	select ms.user_id from public.post_communities pc
	join public.community_members cm on cm.community_id = pc.community_id and cm.role = 'host'
	join public.memberships ms on ms.organisation_id = cm.organisation_id and ms.role in ('owner', 'admin')
	where pc.post_id = p_post_id
	union
	select ms.user_id from public.post_communities pc
	join public.community_municipalities cmu on cmu.community_id = pc.community_id
	join public.organisations o on o.municipality_nis = cmu.municipality_nis and o.kind = 'academy'
	join public.memberships ms on ms.organisation_id = o.id and ms.role in ('owner', 'admin')
	where pc.post_id = p_post_id;
$$;

comment on function private.post_host_ids(uuid) is
	'The people hosting a community the post is shared to (whom a new report notifies).';

/**
 * notify_post_event()
 * Trigger: a comment tells the post's author (post_comment), hiding tells the author of what was hidden
 * (post_hidden, with the reason), a report tells the hosts (post_report).
 */
create function private.notify_post_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_post public.posts;
begin
	if tg_table_name = 'post_reports' then
		select * into v_post from public.posts p where p.id = new.post_id;
		insert into public.notifications (user_id, kind, params, link, delivery)
		select h.id, 'post_report', jsonb_build_object('post', v_post.title), '/moderatie',
			private.notification_delivery(h.id, 'post_report', 'admin')
		from private.post_host_ids(new.post_id) h(id)
		where h.id is distinct from new.reporter_id
			and private.notification_delivery(h.id, 'post_report', 'admin') <> 'none';
		return null;
	end if;

	if tg_table_name = 'post_comments' and tg_op = 'INSERT' then
		select * into v_post from public.posts p where p.id = new.post_id;
		if v_post.author_id is not null and v_post.author_id is distinct from new.author_id
			and private.notification_delivery(v_post.author_id, 'post_comment', 'member') <> 'none' then
			insert into public.notifications (user_id, kind, params, link, delivery)
			values (v_post.author_id, 'post_comment',
				jsonb_build_object('post', v_post.title,
					'person', coalesce((select pr.display_name from public.profiles pr where pr.id = new.author_id), '')),
				'/berichten/' || v_post.id,
				private.notification_delivery(v_post.author_id, 'post_comment', 'member'));
		end if;
		return null;
	end if;

	-- An update: hidden just now.
	if new.status = 'hidden' and old.status = 'visible' and new.author_id is not null
		and private.notification_delivery(new.author_id, 'post_hidden', 'member') <> 'none' then
		if tg_table_name = 'posts' then
			v_post := new;
		else
			select * into v_post from public.posts p where p.id = new.post_id;
		end if;
		insert into public.notifications (user_id, kind, params, link, delivery)
		values (new.author_id, 'post_hidden',
			jsonb_build_object('post', v_post.title, 'reason', new.hidden_reason,
				'what', case when tg_table_name = 'posts' then 'post' else 'comment' end),
			'/berichten/' || v_post.id,
			private.notification_delivery(new.author_id, 'post_hidden', 'member'));
	end if;
	return null;
end;
$$;

comment on function private.notify_post_event() is
	'Trigger: notifies a post''s author of a comment (post_comment), an author of their post or comment being hidden with the reason (post_hidden), and the hosts of a new report (post_report).';

create trigger post_comments_notify
	after insert on public.post_comments
	for each row execute function private.notify_post_event();

create trigger post_reports_notify
	after insert on public.post_reports
	for each row execute function private.notify_post_event();

create trigger posts_notify_hidden
	after update of status on public.posts
	for each row execute function private.notify_post_event();

create trigger post_comments_notify_hidden
	after update of status on public.post_comments
	for each row execute function private.notify_post_event();

revoke execute on all functions in schema private from public;
