-- Forgetting who made a row is not a change of the row. When an account is deleted, every "who" column
-- that points at it (created_by, recorded_by, reported_by, ...) becomes null, through the foreign keys'
-- `on delete set null` and through delete_own_account(). Those updates used to run the tables' validation
-- triggers again, which refuse rows that were valid when written but no longer are: a closed request
-- ("Deze vraag is afgesloten en kan niet meer veranderen."), a volunteer check seen more than 3 years ago,
-- a reach report of an activity whose start date moved. Then the account could not be deleted at all.
-- From now on those triggers run on insert, and on update only when something besides the "who" column
-- (and updated_at, which set_updated_at() fills before them) changes. An agreement also keeps its
-- updated_at, which orders both sides' lists, when only its proposer's account goes.

-- requests: validate_request() ------------------------------------------------------------------------

drop trigger requests_validate on public.requests;

create trigger requests_validate
	before insert on public.requests
	for each row execute function public.validate_request();

create trigger requests_validate_changes
	before update on public.requests
	for each row
	when ((to_jsonb(old) - 'created_by' - 'updated_at') is distinct from (to_jsonb(new) - 'created_by' - 'updated_at'))
	execute function public.validate_request();

-- offers: validate_offer() ----------------------------------------------------------------------------

drop trigger offers_validate on public.offers;

create trigger offers_validate
	before insert on public.offers
	for each row execute function public.validate_offer();

create trigger offers_validate_changes
	before update on public.offers
	for each row
	when ((to_jsonb(old) - 'created_by' - 'updated_at') is distinct from (to_jsonb(new) - 'created_by' - 'updated_at'))
	execute function public.validate_offer();

-- volunteer_checks: validate_volunteer_check() --------------------------------------------------------

drop trigger volunteer_checks_validate on public.volunteer_checks;

create trigger volunteer_checks_validate
	before insert on public.volunteer_checks
	for each row execute function public.validate_volunteer_check();

create trigger volunteer_checks_validate_changes
	before update on public.volunteer_checks
	for each row
	when ((to_jsonb(old) - 'recorded_by') is distinct from (to_jsonb(new) - 'recorded_by'))
	execute function public.validate_volunteer_check();

-- reach_reports: require_reportable_activity() --------------------------------------------------------

drop trigger reach_reports_require_reportable_activity on public.reach_reports;

create trigger reach_reports_require_reportable_activity
	before insert on public.reach_reports
	for each row execute function public.require_reportable_activity();

create trigger reach_reports_require_reportable_activity_changes
	before update on public.reach_reports
	for each row
	when ((to_jsonb(old) - 'reported_by' - 'updated_at') is distinct from (to_jsonb(new) - 'reported_by' - 'updated_at'))
	execute function public.require_reportable_activity();

-- agreements: set_updated_at() ------------------------------------------------------------------------

drop trigger agreements_set_updated_at on public.agreements;

create trigger agreements_set_updated_at
	before update on public.agreements
	for each row
	when ((to_jsonb(old) - 'created_by') is distinct from (to_jsonb(new) - 'created_by'))
	execute function public.set_updated_at();
