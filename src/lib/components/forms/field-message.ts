// Ids that tie a field to its hint and error, so screen readers read them with the field.
export function describedBy(
	id: string,
	hint?: string,
	error?: string,
	/** Another id read between the hint and the error, such as a character count. */
	between?: string
): string | undefined {
	return (
		[hint ? `${id}-hint` : null, between ?? null, error ? `${id}-error` : null]
			.filter(Boolean)
			.join(' ') || undefined
	);
}
