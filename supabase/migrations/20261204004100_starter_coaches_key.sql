-- starter_coaches had (municipality_nis, academy_id) as its primary key, both foreign keys: PostgREST then
-- reads it as a join table between organisations and municipalities, and every embed of municipalities in
-- organisations (and back) became ambiguous. A key of its own and the pair unique keep the same rule.

alter table public.starter_coaches drop constraint starter_coaches_pkey;
alter table public.starter_coaches add column id uuid not null default gen_random_uuid();
alter table public.starter_coaches add constraint starter_coaches_pkey primary key (id);
alter table public.starter_coaches
	add constraint starter_coaches_once unique (municipality_nis, academy_id);

comment on column public.starter_coaches.id is 'Identifier (so that PostgREST does not read this table as a join table).';

create index starter_coaches_municipality_nis_idx on public.starter_coaches (municipality_nis);

notify pgrst, 'reload schema';
