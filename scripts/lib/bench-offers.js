// @ts-check
// The generated offers of bench:matching and bench:community-offers, made from the seed's municipalities and
// organisations inside Postgres, one statement per size step (generate_series, a seeded
// random()), so that 500 000 of them load in about a minute instead of crossing the wire as JSON: kinds
// (rooms 45 %, volunteers 18, materials 12, expertise 10, visits 8, funding 7), places weighted by
// population, a point within a few km of the centroid (schools and companies are not all in the town
// centre), radii per kind or (8 %, funding 40 %) a list of the 3 to 10 nearest municipalities, and for
// rooms one to four weekly slots: after school, Wednesday afternoon or Saturday. Ids are md5('bench-offer-'
// || n), so every run and every size step makes the same offers.
export const PLACES_SQL = `
	create temp table bench_places as
	select p.nis, p.lat, p.lng,
		sum(p.population) over (order by p.nis) as cum,
		array(
			select q.nis from public.municipalities q
			where q.valid_to is null and q.region = 'VLG'
			order by (q.lat - p.lat) ^ 2 + ((q.lng - p.lng) * 0.63) ^ 2, q.nis
			limit 10
		) as near
	from (
		select nis, lat, lng, coalesce(population_2020, 1000) as population
		from public.municipalities where valid_to is null and region = 'VLG'
	) p;
	create index on bench_places (cum);
	analyze bench_places`;

export const OFFERS_SQL = `
	insert into public.offers (
		id, organisation_id, kind, title, status, municipality_nis, lat, lng, radius_km, area_municipalities,
		domains, age_min, age_max, room_type, capacity, accessible, conditions, fee_eur, term_start, term_end,
		people, hours_per_year, materials, quantity, amount_eur
	)
	select
		md5('bench-offer-' || n)::uuid,
		case when room then ($3::uuid[])[1 + floor(u[1] * cardinality($3::uuid[]))::int]
			else ($4::uuid[])[1 + floor(u[1] * cardinality($4::uuid[]))::int] end,
		kind,
		case when room then replace(room_type, '_', ' ') else kind end || ' ' || n,
		case when u[2] < 0.85 then 'active' when u[2] < 0.95 then 'paused' else 'withdrawn' end,
		nis,
		lat + (u[3] - 0.5) * 0.04,
		lng + (u[4] - 0.5) * 0.06,
		case when by_list and u[5] < 0.7 then null else radii[1 + floor(u[6] * cardinality(radii))::int] end,
		case when by_list then near[1:3 + floor(u[7] * 8)::int] else '{}' end,
		array(
			select distinct d
			from unnest((array[
				(array['techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
					'life_sciences'])[1 + floor(u[8] * 6)::int],
				(array['techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
					'life_sciences'])[1 + floor(u[9] * 6)::int],
				(array['techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
					'life_sciences'])[1 + floor(u[10] * 6)::int]
			])[1:floor(u[11] * 4)::int]) d
		),
		case when u[12] < 0.5 then 6 + floor(u[12] * 18)::int end,
		case when u[12] < 0.5 then 6 + floor(u[12] * 18)::int + 2 + floor(u[13] * 7)::int end,
		case when room then room_type end,
		case when room then (array[12, 16, 20, 24, 28, 30, 60, 120])[1 + floor(u[14] * 8)::int] end,
		case when room then u[15] < 0.6 end,
		case when room then array[(array['gratis', 'gratis', 'vergoeding'])[1 + floor(u[16] * 3)::int]]
			else '{}' end,
		case when room and u[17] < 0.3 then (array[25, 50, 75])[1 + floor(u[17] * 10)::int] end,
		case when room then (case when u[18] < 0.9 then date '2026-09-01' else date '2025-09-01' end) end,
		case when room then (case when u[18] < 0.9 then date '2027-06-30' else date '2026-06-30' end) end,
		case when kind in ('volunteers', 'expertise', 'visit') then 1 + floor(u[19] * 6)::int end,
		case when kind = 'volunteers' then (array[10, 20, 40, 80])[1 + floor(u[20] * 4)::int] end,
		case when kind = 'materials' then
			(array['laptops', 'microscopen', 'robotkits', '3D-printer'])[1 + floor(u[20] * 4)::int] end,
		case when kind = 'materials' then 1 + floor(u[19] * 30)::int end,
		case when kind = 'funding' then (array[500, 1000, 2500, 5000])[1 + floor(u[20] * 4)::int] end
	from (
		select g.n, g.u, k.kind, k.kind = 'room' as room,
			case when k.kind = 'funding' then g.u[21] < 0.4 else g.u[21] < 0.08 end as by_list,
			(array['klaslokaal', 'labo_wetenschappen', 'ict_lokaal', 'werkplaats_makerspace', 'sporthal',
				'aula'])[1 + floor(g.u[22] * 6)::int] as room_type,
			case k.kind
				when 'room' then array[5, 10, 10, 15, 15, 20, 25]
				when 'volunteers' then array[10, 20, 25, 30, 40, 50]
				when 'materials' then array[10, 25, 50, 75]
				when 'expertise' then array[15, 25, 30, 50]
				when 'visit' then array[10, 20, 30, 40]
				else array[25, 50, 100] end as radii,
			p.nis, p.lat, p.lng, p.near
		from (
			select n, array(select random() from generate_series(1, 24) where n is not null) as u
			from generate_series($1::int, $2::int) n
		) g
		cross join lateral (
			select case
				when g.u[23] < 0.45 then 'room' when g.u[23] < 0.63 then 'volunteers'
				when g.u[23] < 0.75 then 'materials' when g.u[23] < 0.85 then 'expertise'
				when g.u[23] < 0.93 then 'visit' else 'funding' end as kind
		) k
		cross join lateral (
			select b.nis, b.lat, b.lng, b.near from bench_places b
			where b.cum >= g.u[24] * (select max(cum) from bench_places)
			order by b.cum limit 1
		) p
	) o`;
