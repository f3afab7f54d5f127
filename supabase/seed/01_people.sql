-- Demo data for local development and previews only (reference data such as municipalities lives in the
-- migrations). Every demo account signs in with the password `groeistoot-demo`.
-- Deterministic (fixed ids) and safe to run again: existing rows are left alone, profiles are reset.

create temporary table demo_people (
	id uuid primary key,
	email text not null unique,
	display_name text not null,
	personas text[] not null,
	municipality_nis text,
	bio text,
	visibility text not null,
	network_staff boolean not null default false
);

insert into demo_people (id, email, display_name, personas, municipality_nis, bio, visibility, network_staff)
values
	-- One account per persona, plus network staff.
	('d0000000-0000-4000-8000-000000000001', 'leerkracht@groeistoot.test', 'Sofie Claes', '{teacher}', '44021',
		'Leerkracht wetenschappen in het secundair in Gent. Ik help graag een academie met proefjes en practica.', 'members', false),
	('d0000000-0000-4000-8000-000000000002', 'vrijwilliger@groeistoot.test', 'Tom Jacobs', '{volunteer}', '24062',
		'Ingenieur op rust, geeft op woensdagnamiddag robotica aan kinderen van 10 tot 14 jaar.', 'public', false),
	('d0000000-0000-4000-8000-000000000003', 'coordinator@groeistoot.test', 'Els Maes', '{coordinator,volunteer}', '44021',
		'Coördinator van STEM-academie De Uitvinders in Gent. Altijd op zoek naar lokalen en mentoren.', 'public', false),
	('d0000000-0000-4000-8000-000000000004', 'bedrijf@groeistoot.test', 'Pieter Wouters', '{company_rep}', '34022',
		'HR-verantwoordelijke bij een technologiebedrijf in Kortrijk; onze ingenieurs willen jongeren inspireren.', 'members', false),
	('d0000000-0000-4000-8000-000000000005', 'school@groeistoot.test', 'Katrien Mertens', '{school_staff}', '31005',
		'Directeur van een secundaire school in Brugge. Ons labo en onze makerspace staan na de lesuren open.', 'members', false),
	('d0000000-0000-4000-8000-000000000006', 'netwerk@groeistoot.test', 'Lotte Willems', '{}', '21004',
		'Medewerker van het STEM-netwerk: verificatie van organisaties en opvolging van het bereik.', 'private', true),
	-- Other demo people across Flanders and Brussels.
	('d0000000-0000-4000-8000-000000000101', 'an.peeters@groeistoot.test', 'An Peeters', '{teacher}', '12025',
		'Leerkracht wiskunde, droomt van een wiskundeclub voor meisjes.', 'public', false),
	('d0000000-0000-4000-8000-000000000102', 'bart.janssens@groeistoot.test', 'Bart Janssens', '{volunteer}', '13040',
		'Programmeur, begeleidt een CoderDojo in Turnhout.', 'members', false),
	('d0000000-0000-4000-8000-000000000103', 'charlotte.goossens@groeistoot.test', 'Charlotte Goossens', '{coordinator}', '44021',
		'Trekt een academie rond sterrenkunde met een eigen telescoop.', 'public', false),
	('d0000000-0000-4000-8000-000000000104', 'dirk.vermeulen@groeistoot.test', 'Dirk Vermeulen', '{company_rep}', '46030',
		'Werkt bij een chemiebedrijf in de haven; wij bieden bedrijfsbezoeken aan.', 'members', false),
	('d0000000-0000-4000-8000-000000000105', 'eva.desmet@groeistoot.test', 'Eva De Smet', '{school_staff,teacher}', '41002',
		'ICT-coördinator en leerkracht informatica in Aalst.', 'members', false),
	('d0000000-0000-4000-8000-000000000106', 'frederik.vandamme@groeistoot.test', 'Frederik Van Damme', '{volunteer}', '35013',
		'Mariene bioloog, vertelt graag over de Noordzee.', 'public', false),
	('d0000000-0000-4000-8000-000000000107', 'griet.dewilde@groeistoot.test', 'Griet De Wilde', '{teacher,volunteer}', '45035',
		null, 'private', false),
	('d0000000-0000-4000-8000-000000000108', 'hans.vandenbroeck@groeistoot.test', 'Hans Vandenbroeck', '{company_rep}', '23094',
		'Verantwoordelijke maatschappelijk engagement bij een luchtvaartbedrijf.', 'public', false),
	('d0000000-0000-4000-8000-000000000109', 'ines.martens@groeistoot.test', 'Ines Martens', '{coordinator}', '71016',
		'Coördineert een techniekacademie in Genk voor kinderen uit de buurt.', 'public', false),
	('d0000000-0000-4000-8000-000000000110', 'jonas.verstraete@groeistoot.test', 'Jonas Verstraete', '{volunteer}', '36015',
		'Student elektromechanica, helpt bij elektronica-workshops.', 'members', false),
	('d0000000-0000-4000-8000-000000000111', 'karolien.dhondt@groeistoot.test', 'Karolien D''hondt', '{school_staff}', '43005',
		null, 'members', false),
	('d0000000-0000-4000-8000-000000000112', 'lars.wuyts@groeistoot.test', 'Lars Wuyts', '{teacher}', '13008',
		'Leerkracht fysica, bouwt raketten met water.', 'private', false),
	('d0000000-0000-4000-8000-000000000113', 'marie.vandevelde@groeistoot.test', 'Marie Van de Velde', '{volunteer,company_rep}', '44088',
		'Data-analist, zoekt een academie om één namiddag per maand te helpen.', 'public', false),
	('d0000000-0000-4000-8000-000000000114', 'nico.smets@groeistoot.test', 'Nico Smets', '{coordinator}', '72020',
		'Vrijwillige coördinator van een natuur- en milieuacademie.', 'members', false),
	('d0000000-0000-4000-8000-000000000115', 'olivia.vanacker@groeistoot.test', 'Olivia Van Acker', '{teacher}', '33011',
		'Leerkracht biologie, werkt graag buiten.', 'public', false),
	('d0000000-0000-4000-8000-000000000116', 'pieterjan.lambrecht@groeistoot.test', 'Pieter-Jan Lambrecht', '{company_rep}', '34040',
		'Zaakvoerder van een kmo in automatisering; kan materiaal schenken.', 'members', false),
	('d0000000-0000-4000-8000-000000000117', 'quinten.desmedt@groeistoot.test', 'Quinten De Smedt', '{volunteer}', '21009',
		'Doctoraatsstudent chemie in Brussel, geeft graag proefjesnamiddagen.', 'public', false),
	('d0000000-0000-4000-8000-000000000118', 'rania.elamrani@groeistoot.test', 'Rania El Amrani', '{coordinator,teacher}', '21015',
		'Coördineert een meertalige STEM-academie in Schaarbeek.', 'public', false),
	('d0000000-0000-4000-8000-000000000119', 'stijn.vanhove@groeistoot.test', 'Stijn Van Hove', '{school_staff}', '46021',
		'Technisch adviseur-coördinator, beheert de werkplaatsen van onze school.', 'members', false),
	('d0000000-0000-4000-8000-000000000120', 'tine.hermans@groeistoot.test', 'Tine Hermans', '{teacher}', '24020',
		null, 'members', false),
	('d0000000-0000-4000-8000-000000000121', 'ugo.deroover@groeistoot.test', 'Ugo De Roover', '{volunteer}', '12021',
		'Hobby-astronoom, komt met zijn telescoop naar je academie.', 'public', false),
	('d0000000-0000-4000-8000-000000000122', 'veerle.michiels@groeistoot.test', 'Veerle Michiels', '{coordinator}', '23088',
		'Coördinator van een academie die programmeren en kunst combineert.', 'members', false),
	('d0000000-0000-4000-8000-000000000123', 'wout.declercq@groeistoot.test', 'Wout De Clercq', '{company_rep,volunteer}', '31043',
		'Ingenieur bij een energiebedrijf, geeft workshops over windenergie.', 'public', false),
	('d0000000-0000-4000-8000-000000000124', 'xavier.nijs@groeistoot.test', 'Xavier Nijs', '{teacher}', '71072',
		'Leerkracht elektriciteit, wil leerlingen als jonge mentoren inzetten.', 'private', false),
	('d0000000-0000-4000-8000-000000000125', 'yasmine.bakkali@groeistoot.test', 'Yasmine Bakkali', '{volunteer}', '21001',
		'Softwareontwikkelaar, mentor voor meisjes die leren programmeren.', 'public', false),
	('d0000000-0000-4000-8000-000000000126', 'zoe.peeters@groeistoot.test', 'Zoë Peeters', '{school_staff,teacher}', '24107',
		'Leerkracht STEM in de eerste graad in Tienen.', 'members', false),
	('d0000000-0000-4000-8000-000000000127', 'arne.coppens@groeistoot.test', 'Arne Coppens', '{volunteer}', '42006',
		null, 'members', false),
	('d0000000-0000-4000-8000-000000000128', 'bieke.vanlaere@groeistoot.test', 'Bieke Vanlaere', '{coordinator}', '37022',
		'Coördineert een academie in Tielt die sinds de fusie meer dorpen bereikt.', 'public', false),
	('d0000000-0000-4000-8000-000000000129', 'cedric.gielen@groeistoot.test', 'Cedric Gielen', '{company_rep}', '73107',
		'Werkt bij een logistiek bedrijf, kan een bestelwagen en chauffeur lenen.', 'members', false),
	('d0000000-0000-4000-8000-000000000130', 'dorien.bogaerts@groeistoot.test', 'Dorien Bogaerts', '{teacher,coordinator}', '13011',
		'Leerkracht aardrijkskunde en trekker van een weer- en klimaatacademie.', 'public', false),
	('d0000000-0000-4000-8000-000000000131', 'emiel.devos@groeistoot.test', 'Emiel De Vos', '{volunteer}', '21013',
		'Gepensioneerd elektricien, repareert en bouwt graag samen met kinderen.', 'private', false),
	('d0000000-0000-4000-8000-000000000132', 'fien.aerts@groeistoot.test', 'Fien Aerts', '{teacher}', '73111',
		'Leerkracht in het basisonderwijs, zoekt een academie in de buurt voor haar leerlingen.', 'members', false);

-- Accounts the way GoTrue writes them for an email signup (token columns hold '' rather than null).
insert into auth.users (
	instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
	confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
	reauthentication_token, raw_app_meta_data, raw_user_meta_data, created_at, updated_at
)
select
	'00000000-0000-0000-0000-000000000000', p.id, 'authenticated', 'authenticated', p.email, pw.hash, now(),
	'', '', '', '', '', '',
	'{"provider":"email","providers":["email"]}',
	jsonb_build_object('display_name', p.display_name),
	now(), now()
from demo_people p
cross join (select extensions.crypt('groeistoot-demo', extensions.gen_salt('bf', 10)) as hash) pw
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select
	p.id::text, p.id,
	jsonb_build_object('sub', p.id::text, 'email', p.email, 'email_verified', true, 'phone_verified', false),
	'email', now(), now(), now()
from demo_people p
on conflict (provider_id, provider) do nothing;

-- The signup trigger created the profiles; fill them in.
update public.profiles pr
set display_name = p.display_name,
	personas = p.personas,
	municipality_nis = p.municipality_nis,
	bio = p.bio,
	visibility = p.visibility
from demo_people p
where pr.id = p.id;

insert into public.network_staff (user_id)
select p.id from demo_people p where p.network_staff
on conflict (user_id) do nothing;

drop table demo_people;
