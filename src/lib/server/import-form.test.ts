import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from './import/activities';
import { checkedImportFile, packImportFile, uploadedImportFile } from './import-form';

const formOf = (entries: Record<string, string | File>) => {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) form.append(name, value);
	return form;
};

describe('uploadedImportFile', () => {
	it('takes a CSV or XLSX file by its name', async () => {
		const upload = await uploadedImportFile(
			formOf({ bestand: new File(['extern_id\r\n'], 'Activiteiten 2026.CSV') })
		);
		expect(upload.ok && upload.file.filename).toBe('Activiteiten 2026.CSV');
	});

	it('refuses no file, an empty one, another kind and one over the limit', async () => {
		const problem = async (value: string | File) => {
			const upload = await uploadedImportFile(formOf({ bestand: value }));
			return upload.ok ? 'ok' : upload.problem;
		};
		expect(await problem('activiteiten.csv')).toBe('required');
		expect(await problem(new File([], 'leeg.csv'))).toBe('required');
		expect(await problem(new File(['x'], 'notities.txt'))).toBe('type');
		expect(await problem(new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], 'groot.csv'))).toBe(
			'size'
		);
	});
});

describe('checkedImportFile', () => {
	it('gives back the bytes the check packed into the confirm form', () => {
		const data = new TextEncoder().encode('extern_id,titel\r\nrobot-1,Robots bouwen\r\n');
		const file = checkedImportFile(
			formOf({ bestand: packImportFile(data), bestandsnaam: 'a.csv' })
		);
		expect(file?.filename).toBe('a.csv');
		expect(new TextDecoder().decode(file?.data)).toBe(new TextDecoder().decode(data));
	});

	it('refuses a missing, malformed or unpacked field, a wrong name and more than the limit unpacked', () => {
		const packed = packImportFile(new TextEncoder().encode('x'));
		expect(checkedImportFile(formOf({ bestandsnaam: 'a.csv' }))).toBeUndefined();
		expect(checkedImportFile(formOf({ bestand: '%%%', bestandsnaam: 'a.csv' }))).toBeUndefined();
		expect(checkedImportFile(formOf({ bestand: 'eHl6', bestandsnaam: 'a.csv' }))).toBeUndefined();
		expect(checkedImportFile(formOf({ bestand: packed, bestandsnaam: 'a.exe' }))).toBeUndefined();
		const bomb = packImportFile(new Uint8Array(IMPORT_MAX_BYTES + 1));
		expect(checkedImportFile(formOf({ bestand: bomb, bestandsnaam: 'a.csv' }))).toBeUndefined();
	});
});
