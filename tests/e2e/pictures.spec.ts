// Pictures: an academy's admin uploads a logo on the edit page; the public page shows it with a srcset and
// shares it as og:image. A file of another type, or a too large one, gets its message next to the field.
// Visitors see the demo seed's pictures and the placeholders, and every public page has share tags.
import sharp from 'sharp';
import { expect, expectNoAxeViolations, newAccount, register, test } from './support';
import { createOrganisation, uniqueName } from './organisations-support';

const png = () =>
	sharp({ create: { width: 300, height: 200, channels: 3, background: '#1d4ed8' } })
		.png()
		.toBuffer();

test('an academy admin uploads a logo; the public page shows it with srcset and shares it', async ({
	page
}) => {
	// Three uploads, three pages checked with axe, and the public page twice.
	test.slow();
	await register(page, newAccount('Lotte Claes'));
	const name = uniqueName('Robotacademie Beeldig');
	const slug = await createOrganisation(page, { name });
	await page.goto(`/organisaties/${slug}/bewerken`);
	const logo = page.getByRole('region', { name: 'Logo' });
	await expect(logo.getByText('Nog geen logo: we tonen je initialen.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Another type: refused with 415 and the message next to the field, on the logo page.
	await logo.getByLabel('Nieuw logo').setInputFiles({
		name: 'logo.gif',
		mimeType: 'image/gif',
		buffer: Buffer.from('GIF89a')
	});
	const [refusedType] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		logo.getByRole('button', { name: 'Logo opladen' }).click()
	]);
	expect(refusedType.status()).toBe(415);
	await expect(page.getByLabel('Nieuw logo')).toHaveAccessibleDescription(
		/Dit bestand is geen PNG-, JPEG- of WebP-afbeelding\./
	);
	await expect(page.getByLabel('Nieuw logo')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	// Too large: refused with 413.
	await page.getByLabel('Nieuw logo').setInputFiles({
		name: 'groot.png',
		mimeType: 'image/png',
		buffer: Buffer.alloc(5 * 1024 * 1024 + 1)
	});
	const [refusedSize] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		page.getByRole('button', { name: 'Logo opladen' }).click()
	]);
	expect(refusedSize.status()).toBe(413);
	await expect(page.getByLabel('Nieuw logo')).toHaveAccessibleDescription(
		/Dit bestand is groter dan 5 MB\./
	);

	// A real PNG: stored, and back on the edit page with the new logo.
	await page.getByLabel('Nieuw logo').setInputFiles({
		name: 'logo.png',
		mimeType: 'image/png',
		buffer: await png()
	});
	await page.getByRole('button', { name: 'Logo opladen' }).click();
	await expect(page.getByRole('status')).toHaveText('Het logo is opgeslagen.');
	await expect(
		page.getByRole('region', { name: 'Logo' }).getByRole('button', { name: 'Logo vervangen' })
	).toBeVisible();

	await page.goto(`/academies/${slug}`);
	const image = page.getByRole('img', { name: `Logo van ${name}` });
	await expect(image).toHaveAttribute(
		'srcset',
		/organisation-logos\/.+-128\.webp 128w, .+-256\.webp 256w, .+-512\.webp 512w/
	);
	await expect(image).toHaveAttribute('width', '256');
	await expect(image).toHaveAttribute('height', '256');
	await expect
		.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
	expect(ogImage).toMatch(
		/^http:\/\/.+\/storage\/v1\/object\/public\/organisation-logos\/.+-512\.webp$/
	);
	expect(await image.getAttribute('srcset')).toContain(ogImage!);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', name);
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
	await expectNoAxeViolations(page);

	// Removed again: the page falls back to the initials and the default share image.
	await page.goto(`/organisaties/${slug}/bewerken`);
	await page.getByRole('button', { name: 'Logo verwijderen' }).click();
	await expect(page.getByRole('status')).toHaveText('Het logo is verwijderd.');
	await page.goto(`/academies/${slug}`);
	await expect(page.getByRole('img', { name: `Logo van ${name}` })).toHaveCount(0);
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
		'content',
		/\/og-default\.png$/
	);
});

test('visitors see the seeded pictures and placeholders, and every public page has share tags', async ({
	page,
	request
}) => {
	await page.goto('/academies/stem-academie-de-uitvinders');
	const logo = page.getByRole('img', { name: 'Logo van STEM-academie De Uitvinders' });
	await expect
		.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	const photo = page.getByRole('img', {
		name: 'Een tablet met blokjescode naast een schetsboek met ontwerpen voor een app'
	});
	await expect(photo).toHaveAttribute('loading', 'lazy');
	await expect(photo).toHaveAttribute('srcset', /480w, .+ 960w, .+ 1440w$/);

	await page.goto('/activiteiten/e1000000-0000-4000-8000-000000000001');
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
		'content',
		/activity-photos\/.+photo-demo-1440\.webp$/
	);
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
		'content',
		'summary_large_image'
	);

	const defaultImage = await request.get('/og-default.png');
	expect(defaultImage.status()).toBe(200);
	expect(defaultImage.headers()['content-type']).toBe('image/png');

	for (const path of [
		'/',
		'/academies',
		'/activiteiten',
		'/scholen',
		'/bedrijven',
		'/partners',
		'/aanbod',
		'/vragen',
		'/zoeken',
		'/gemeenten/44021',
		'/academies/coderdojo-turnhout'
	]) {
		await page.goto(path);
		const origin = new URL(page.url()).origin;
		await expect(page.locator('meta[property="og:url"]'), path).toHaveAttribute(
			'content',
			`${origin}${new URL(page.url()).pathname}`
		);
		await expect(page.locator('meta[property="og:image"]'), path).toHaveAttribute(
			'content',
			new RegExp(`^${origin}/og-default\\.png$`)
		);
		await expect(page.locator('meta[name="description"]'), path).toHaveCount(1);
		await expect(page.locator('meta[property="og:title"]'), path).toHaveCount(1);
		await expect(page.locator('title'), path).toHaveCount(1);
		await expect(page.locator('meta[property="og:locale"]'), path).toHaveAttribute(
			'content',
			'nl_BE'
		);
	}
});
