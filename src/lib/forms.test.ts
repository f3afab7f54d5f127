import { describe, expect, it } from 'vitest';
import { text, texts, typeable } from './forms';

describe('form values', () => {
	it('drop control characters nobody can type, keeping tabs and line breaks', () => {
		expect(typeable('a\u0000b\u001bc\u007f')).toBe('abc');
		expect(typeable('regel 1\r\nregel\t2')).toBe('regel 1\r\nregel\t2');
		expect(typeable('STEM-academie 🚀 Gent')).toBe('STEM-academie 🚀 Gent');
	});

	it('read one value or all values of a field as clean text', () => {
		const form = new FormData();
		form.append('name', 'De\u0000 Uitvinders');
		form.append('domains', 'techniek');
		form.append('domains', 'program\u0000meren');
		form.append('file', new Blob(['x']), 'x.txt');
		expect(text(form, 'name')).toBe('De Uitvinders');
		expect(text(form, 'absent')).toBe('');
		expect(text(form, 'file')).toBe('');
		expect(texts(form, 'domains')).toEqual(['techniek', 'programmeren']);
		expect(texts(form, 'file')).toEqual([]);
	});
});
