-- Good practices: a teacher, volunteer or academy shares what worked (a post of kind good_practice with its
-- structured side here), into one or more of their communities; together they form a library across
-- Flanders (/goede-praktijken) that anyone may read while the post is visible. Network staff feature the
-- best ones. Reach is a number of participants only: never anything about a child.

/**
 * are_web_links(links)
 * Whether every link is an http or https address without spaces, at most 300 characters (a check
 * constraint cannot hold a subquery).
 */
create function private.are_web_links(p_links text[])
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
	select array_position(p_links, null) is null
		and not exists (
			select 1 from unnest(p_links) as link
			where link !~* '^https?://[^[:space:]]+$' or char_length(link) > 300
		);
$$;

comment on function private.are_web_links(text[]) is
	'True when every element is an http(s) address without spaces of at most 300 characters.';

/**
 * good_practices
 * The structured side of a post of kind good_practice: S/T/E/M letters, domains, ages and format (the
 * activities' vocabularies), what worked, materials, up to five links and how many took part. Created
 * together with its post by share_good_practice() and changed by update_good_practice() (the author) and
 * feature_good_practice() (network staff); no direct writes. Read by everyone while its post is visible.
 */
create table public.good_practices (
	post_id uuid primary key references public.posts (id) on delete cascade,
	stem_letters text[] not null default '{}',
	domains text[] not null,
	age_min integer not null,
	age_max integer not null,
	format text not null,
	what_worked text not null default '',
	materials text not null default '',
	links text[] not null default '{}',
	participants integer,
	featured_at timestamptz,
	featured_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint good_practices_stem_letters_known check (
		stem_letters <@ array['S', 'T', 'E', 'M']::text[] and array_position(stem_letters, null) is null
	),
	constraint good_practices_stem_letters_distinct check (private.has_distinct_elements(stem_letters)),
	constraint good_practices_domains_known check (
		domains <@ array[
			'techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
			'life_sciences', 'andere'
		]::text[]
		and array_position(domains, null) is null
	),
	constraint good_practices_domains_not_empty check (cardinality(domains) >= 1),
	constraint good_practices_domains_distinct check (private.has_distinct_elements(domains)),
	constraint good_practices_format_known check (
		format in (
			'losse_activiteit', 'korte_reeks', 'lange_reeks_semester', 'lange_reeks_jaar',
			'kamp_zonder_overnachting', 'kamp_met_overnachting'
		)
	),
	constraint good_practices_ages_in_range check (
		age_min between 2 and 25 and age_max between 2 and 25 and age_min <= age_max
	),
	constraint good_practices_what_worked_length check (char_length(what_worked) <= 3000),
	constraint good_practices_materials_length check (char_length(materials) <= 2000),
	constraint good_practices_links_at_most_5 check (cardinality(links) <= 5),
	constraint good_practices_links_format check (private.are_web_links(links)),
	constraint good_practices_participants_range check (participants between 0 and 100000),
	constraint good_practices_featured_by_with_featured_at check (featured_by is null or featured_at is not null)
);

alter table public.good_practices enable row level security;

comment on table public.good_practices is
	'The structured side of a good practice (a post of kind good_practice): STEM letters, domains, ages, format, what worked, materials, links and reach (a number of participants, never data about a child). Created with its post by share_good_practice(), changed by update_good_practice() (author) and feature_good_practice() (network staff). Everyone reads it while the post is visible.';
comment on column public.good_practices.post_id is 'The post it belongs to (kind good_practice): title and body are there; deleted with it.';
comment on column public.good_practices.stem_letters is 'Which of S, T, E, M it works on (any, none).';
comment on column public.good_practices.domains is 'At least one domain (the activities'' vocabulary).';
comment on column public.good_practices.age_min is 'Youngest age it was for (2 to 25).';
comment on column public.good_practices.age_max is 'Oldest age it was for (2 to 25, at least age_min).';
comment on column public.good_practices.format is 'The format (the activities'' vocabulary): losse_activiteit, korte_reeks, ...';
comment on column public.good_practices.what_worked is 'What worked and why, at most 3000 characters.';
comment on column public.good_practices.materials is 'Materials needed, at most 2000 characters.';
comment on column public.good_practices.links is 'Up to five http(s) links (worksheets, videos), each at most 300 characters.';
comment on column public.good_practices.participants is 'Reach: how many took part, 0 to 100000, or null when not told. An aggregate only.';
comment on column public.good_practices.featured_at is 'When network staff featured it (shown first in the library); null when not featured.';
comment on column public.good_practices.featured_by is 'The staff member who featured it.';
comment on column public.good_practices.created_at is 'When it was shared.';
comment on column public.good_practices.updated_at is 'When it last changed.';

create index good_practices_featured_idx on public.good_practices (featured_at desc nulls last, created_at desc);
create index good_practices_featured_by_idx on public.good_practices (featured_by);
create index good_practices_domains_idx on public.good_practices using gin (domains);
create index good_practices_format_idx on public.good_practices (format);

create trigger good_practices_set_updated_at
	before update on public.good_practices
	for each row execute function private.set_updated_at();

/**
 * is_post_author(post)
 * Whether the signed-in person wrote the post.
 */
create function private.is_post_author(p_post_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.posts p where p.id = p_post_id and p.author_id = (select auth.uid())
	);
$$;

comment on function private.is_post_author(uuid) is 'True when the signed-in person wrote the post. For update_good_practice().';

grant execute on function private.is_post_author(uuid) to authenticated, service_role;

-- The posts' own policies decide: visible posts of active communities are public (the library), hidden
-- ones are read by their author, the hosts of their communities and network staff.
create policy "everyone can read the good practices of readable posts"
	on public.good_practices for select
	to anon, authenticated
	using (post_id in (select p.id from public.posts p));

revoke insert, update, delete, truncate on public.good_practices from anon, authenticated;
grant select on public.good_practices to anon, authenticated;

/**
 * check_good_practice_communities(communities)
 * Refuses an empty list and any community the signed-in person does not belong to or is blocked from.
 */
create function private.check_good_practice_communities(p_community_ids uuid[])
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if coalesce(cardinality(p_community_ids), 0) = 0 then
		raise exception using
			errcode = '22023',
			message = 'Kies minstens één community.',
			hint = 'good_practice_community_required';
	end if;
	if cardinality(p_community_ids) > 20 or exists (
		select 1 from unnest(p_community_ids) as c (id)
		where c.id is null or not private.can_post_to(c.id, 'good_practice')
	) then
		raise exception using
			errcode = '42501',
			message = 'Je kunt alleen delen in een community waar je lid van bent.',
			hint = 'good_practice_community_member';
	end if;
end;
$$;

comment on function private.check_good_practice_communities(uuid[]) is
	'Raises good_practice_community_required for no community and good_practice_community_member for one the caller may not post to (not a member or host, blocked, or not active).';

/**
 * share_good_practice(title, body, communities, letters, domains, ages, format, what worked, materials,
 * links, participants)
 * Creates the post (kind good_practice), shares it to the given communities of the signed-in person and
 * stores its structured side, all in one transaction. Returns the post's id.
 */
create function public.share_good_practice(
	p_title text,
	p_body text,
	p_community_ids uuid[],
	p_stem_letters text[],
	p_domains text[],
	p_age_min integer,
	p_age_max integer,
	p_format text,
	p_what_worked text default '',
	p_materials text default '',
	p_links text[] default '{}',
	p_participants integer default null
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	new_id uuid;
begin
	if (select auth.uid()) is null then
		raise exception using
			errcode = '42501',
			message = 'Meld je aan om een goede praktijk te delen.',
			hint = 'good_practice_sign_in';
	end if;
	perform private.check_good_practice_communities(p_community_ids);

	insert into public.posts (author_id, kind, title, body)
	values ((select auth.uid()), 'good_practice', p_title, p_body)
	returning id into new_id;

	insert into public.post_communities (post_id, community_id)
	select distinct new_id, c.id from unnest(p_community_ids) as c (id);

	insert into public.good_practices (
		post_id, stem_letters, domains, age_min, age_max, format, what_worked, materials, links, participants
	) values (
		new_id, coalesce(p_stem_letters, '{}'), coalesce(p_domains, '{}'), p_age_min, p_age_max, p_format,
		coalesce(p_what_worked, ''), coalesce(p_materials, ''), coalesce(p_links, '{}'), p_participants
	);
	return new_id;
end;
$$;

comment on function public.share_good_practice(text, text, uuid[], text[], text[], integer, integer, text, text, text, text[], integer) is
	'Shares a good practice: its post (kind good_practice), the communities it goes to (the caller''s own, at least one) and its structured side, in one transaction. Returns the post id.';

/**
 * update_good_practice(post, title, body, letters, domains, ages, format, what worked, materials, links,
 * participants)
 * The author changes their good practice: the post's title and body and the structured side together.
 */
create function public.update_good_practice(
	p_post_id uuid,
	p_title text,
	p_body text,
	p_stem_letters text[],
	p_domains text[],
	p_age_min integer,
	p_age_max integer,
	p_format text,
	p_what_worked text default '',
	p_materials text default '',
	p_links text[] default '{}',
	p_participants integer default null
)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if not exists (select 1 from public.good_practices g where g.post_id = p_post_id) then
		raise exception using
			errcode = 'PT404', message = 'Die goede praktijk bestaat niet.', hint = 'good_practice_not_found';
	end if;
	if not private.is_post_author(p_post_id) then
		raise exception using
			errcode = '42501',
			message = 'Alleen wie de goede praktijk deelde, kan ze aanpassen.',
			hint = 'good_practice_author_only';
	end if;
	if not exists (select 1 from public.posts p where p.id = p_post_id and p.status = 'visible') then
		raise exception using
			errcode = '42501',
			message = 'Een verborgen goede praktijk kan je niet meer aanpassen.',
			hint = 'good_practice_hidden';
	end if;

	update public.posts set title = p_title, body = p_body
	where id = p_post_id;

	update public.good_practices set
		stem_letters = coalesce(p_stem_letters, '{}'),
		domains = coalesce(p_domains, '{}'),
		age_min = p_age_min,
		age_max = p_age_max,
		format = p_format,
		what_worked = coalesce(p_what_worked, ''),
		materials = coalesce(p_materials, ''),
		links = coalesce(p_links, '{}'),
		participants = p_participants
	where post_id = p_post_id;
end;
$$;

comment on function public.update_good_practice(uuid, text, text, text[], text[], integer, integer, text, text, text, text[], integer) is
	'The author changes a good practice: title, body and structured side in one transaction.';

/**
 * feature_good_practice(post, featured)
 * Network staff feature a good practice (first in the library) or take the feature away.
 */
create function public.feature_good_practice(p_post_id uuid, p_featured boolean)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if not (select public.is_network_staff()) then
		raise exception using
			errcode = '42501',
			message = 'Alleen netwerkmedewerkers kunnen een goede praktijk uitlichten.',
			hint = 'good_practice_staff_only';
	end if;
	update public.good_practices set
		featured_at = case when p_featured then coalesce(featured_at, now()) end,
		featured_by = case when p_featured then coalesce(featured_by, (select auth.uid())) end
	where post_id = p_post_id;
	if not found then
		raise exception using
			errcode = 'PT404', message = 'Die goede praktijk bestaat niet.', hint = 'good_practice_not_found';
	end if;
end;
$$;

comment on function public.feature_good_practice(uuid, boolean) is
	'Network staff feature (p_featured true) or unfeature a good practice.';

revoke execute on function public.share_good_practice(text, text, uuid[], text[], text[], integer, integer, text, text, text, text[], integer) from public, anon;
revoke execute on function public.update_good_practice(uuid, text, text, text[], text[], integer, integer, text, text, text, text[], integer) from public, anon;
revoke execute on function public.feature_good_practice(uuid, boolean) from public, anon;
grant execute on function public.share_good_practice(text, text, uuid[], text[], text[], integer, integer, text, text, text, text[], integer) to authenticated;
grant execute on function public.update_good_practice(uuid, text, text, text[], text[], integer, integer, text, text, text, text[], integer) to authenticated;
grant execute on function public.feature_good_practice(uuid, boolean) to authenticated;

revoke execute on function private.are_web_links(text[]) from public;
revoke execute on function private.check_good_practice_communities(uuid[]) from public;
grant execute on function private.are_web_links(text[]) to anon, authenticated, service_role;
