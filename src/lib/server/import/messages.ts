// The words for each import problem, in the reader's language: what is wrong and what is expected. The row
// and the column travel beside the message (the page shows them in a table, the CLI as "rij 5, kolom …").
import { m } from '$lib/paraglide/messages';
import { ACCEPTED_LABELS, type Locale } from './columns';
import type { Problem } from './rows';

type Options = { locale: Locale };

/** The text of a problem in a locale. */
export function problemText(problem: Problem, locale: Locale): string {
	const options: Options = { locale };
	switch (problem.code) {
		case 'file_type':
			return m.im_file_type({}, options);
		case 'file_empty':
			return m.im_file_empty({}, options);
		case 'file_too_large':
			return m.im_file_too_large({ max: problem.max }, options);
		case 'file_unreadable':
			return m.im_file_unreadable({}, options);
		case 'too_many_rows':
			return m.im_too_many_rows({ max: problem.max }, options);
		case 'columns_missing':
			return m.im_columns_missing({ columns: problem.columns }, options);
		case 'columns_unknown':
			return m.im_columns_unknown({ columns: problem.columns }, options);
		case 'columns_repeated':
			return m.im_columns_repeated({ columns: problem.columns }, options);
		case 'municipality_columns':
			return m.im_municipality_columns({}, options);
		case 'required':
			return m.im_required({}, options);
		case 'text_length':
			return m.im_text_length({ min: problem.min, max: problem.max }, options);
		case 'integer':
			return m.im_integer(problem, options);
		case 'amount':
			return m.im_amount({ value: problem.value, max: amount(problem.max, locale) }, options);
		case 'coordinate':
			return m.im_coordinate(problem, options);
		case 'coordinates_both':
			return m.im_coordinates_both({}, options);
		case 'date':
			return m.im_date(problem, options);
		case 'end_before_start':
			return m.im_end_before_start({ start: problem.start }, options);
		case 'age_order':
			return m.im_age_order({ min: problem.min }, options);
		case 'domain':
			return m.im_domain(
				{ value: problem.value, expected: ACCEPTED_LABELS.domeinen.join(', ') },
				options
			);
		case 'domain_repeated':
			return m.im_domain_repeated(problem, options);
		case 'format':
			return m.im_format(
				{ value: problem.value, expected: ACCEPTED_LABELS.formaat.join(', ') },
				options
			);
		case 'status':
			return m.im_status(problem, options);
		case 'nis':
			return m.im_nis(problem, options);
		case 'municipality_missing':
			return m.im_municipality_missing({}, options);
		case 'reach_without_participants':
			return m.im_reach_without_participants({}, options);
		case 'reach_too_many':
			return m.im_reach_too_many({ participants: problem.participants }, options);
		case 'reach_draft':
			return m.im_reach_draft({}, options);
		case 'academy_unknown':
			return m.im_academy_unknown(problem, options);
		case 'academy_other':
			return m.im_academy_other(problem, options);
		case 'academy_missing':
			return m.im_academy_missing({}, options);
		case 'municipality_unknown':
			return m.im_municipality_unknown(problem, options);
		case 'municipality_merged':
			return m.im_municipality_merged(problem, options);
		case 'municipality_name_unknown':
			return m.im_municipality_name_unknown(problem, options);
		case 'municipality_name_ambiguous':
			return m.im_municipality_name_ambiguous(problem, options);
		case 'import_id_missing':
			return m.im_import_id_missing({}, options);
		case 'import_id_repeated':
			return m.im_import_id_repeated(problem, options);
		case 'status_published':
			return m.im_status_published({}, options);
		case 'reach_not_reportable':
			return m.im_reach_not_reportable({}, options);
	}
}

/** An amount as the reader writes it: 999999,99 in Dutch, 999999.99 in English. */
function amount(value: number, locale: Locale): string {
	const text = value.toFixed(2);
	return locale === 'nl' ? text.replace('.', ',') : text;
}
