// What the public pages show, as the queries in $lib/server/db return it; shared with the components.
import type { Picture } from '$lib/pictures';
import type {
	ActivityStatus,
	Domain,
	Format,
	Language,
	OrganisationKind,
	PartnerType,
	QualityLabel,
	StemLetter
} from '$lib/vocabulary';

/** Where something is, with what a page needs to link to `/gemeenten/[nis]`. */
export type Place = { nis: string; name: string; provinceNl: string | null };

export type StemProfile = {
	letters: StemLetter[];
	accents: StemLetter[];
	creativeLink: boolean;
};

export type AcademySummary = {
	id: string;
	name: string;
	slug: string;
	place: Place;
	stem: StemProfile;
	domains: Domain[];
	ageMin: number | null;
	ageMax: number | null;
	upcomingActivityCount: number;
	verified: boolean;
	/** Null (or left out) when the academy has no logo: cards show its initials. */
	logo?: Picture | null;
	/** Set while the academy holds a valid quality label (expiresOn null: no expiry known). */
	qualityLabel?: { expiresOn: string | null } | null;
};

export type OrganisationSummary = {
	id: string;
	kind: OrganisationKind;
	name: string;
	slug: string;
	partnerType: PartnerType | null;
	place: Place;
	/** The start of the description, for a card. */
	excerpt: string;
	verified: boolean;
	/** Null (or left out) when the organisation has no logo: cards show its initials. */
	logo?: Picture | null;
};

export type PublicContact = {
	website: string | null;
	email: string | null;
	phone: string | null;
};

export type OrganisationPage = OrganisationSummary & {
	description: string;
	contact: PublicContact;
	streetAddress: string | null;
	postalCode: string | null;
};

export type ActivitySummary = {
	id: string;
	title: string;
	format: Format;
	domains: Domain[];
	ageMin: number;
	ageMax: number;
	startDate: string;
	endDate: string;
	sessionCount: number;
	priceEur: number;
	status: ActivityStatus;
	place: Place;
	/** Missing when the activity is shown on its own academy's page. */
	academy?: { name: string; slug: string };
	/** Null (or left out) when the activity has no photo: cards show its S/T/E/M tiles. */
	photo?: Picture | null;
};

export type ActivityPage = ActivitySummary & {
	academy: { name: string; slug: string };
	description: string;
	venueName: string | null;
	venueAddress: string | null;
	capacity: number | null;
	reducedPriceEur: number | null;
	registrationUrl: string | null;
};

export type AcademyPage = OrganisationPage & {
	stem: StemProfile;
	domains: Domain[];
	ageMin: number | null;
	ageMax: number | null;
	languages: Language[];
	officiallyRecognised: boolean;
	qualityLabel: QualityLabel;
	/** The valid quality label with its last day, or null (none, or expired). */
	validQualityLabel: { expiresOn: string | null } | null;
	activities: ActivitySummary[];
};

export type Paged<T> = { rows: T[]; total: number };

/** An academy on a municipality page: a card with its STEM letters and domains. */
export type LocalOrganisation = OrganisationSummary & {
	stem: StemProfile;
	domains: Domain[];
	/** Set while an academy holds a valid quality label (as AcademySummary's). */
	qualityLabel?: { expiresOn: string | null } | null;
};

export type NearbyAcademy = LocalOrganisation & { distanceKm: number };
export type NearbyActivity = ActivitySummary & { distanceKm: number };
export type NearbyMunicipality = Place & { distanceKm: number; academyCount: number };

export type MunicipalityInfo = Place & { region: string; lat: number; lng: number };

export type MunicipalityPage = {
	municipality: MunicipalityInfo;
	academies: LocalOrganisation[];
	schools: LocalOrganisation[];
	companies: LocalOrganisation[];
	partners: LocalOrganisation[];
	activities: ActivitySummary[];
	activityCount: number;
	nearby: {
		academies: NearbyAcademy[];
		activities: NearbyActivity[];
		municipalities: NearbyMunicipality[];
	};
};
