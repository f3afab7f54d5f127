// A form's fields bound to what was typed and what is wrong with it, so that each field is written once
// with only what is its own: <TextField {...field('title')} label={…} required />.
type TextField<Values> = {
	[K in keyof Values]: Values[K] extends string ? K : never;
}[keyof Values] &
	string;

export function fieldProps<Values extends object>(
	values: Values,
	errors?: Partial<Record<string, string>>
) {
	return (name: TextField<Values>) => ({
		name,
		value: values[name] as string,
		error: errors?.[name]
	});
}
