// Ids that tie a field to its hint and error, so screen readers read them with the field.
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
	return (
		[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
		undefined
	);
}
