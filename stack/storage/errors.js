// @ts-check
// Supabase Storage's error responses: the HTTP status is 400 for every refusal (500 for a failure) and the
// body carries the real one as a string, `{ statusCode: '404', error, message }`, as supabase/storage's
// error handler renders them (403 for a missing or wrong role is the one sent as itself).

export class StorageError extends Error {
	/**
	 * @param {{ statusCode: number, code: string, error?: string, message: string, httpStatus?: number }} options
	 *   httpStatus: what the response is sent with, when it is not the usual 400
	 */
	constructor({ statusCode, code, error, message, httpStatus }) {
		super(message);
		this.statusCode = statusCode;
		this.code = code;
		this.error = error ?? code;
		this.httpStatus = httpStatus ?? (statusCode >= 500 ? 500 : 400);
	}

	render() {
		return {
			statusCode: String(this.statusCode),
			code: this.code,
			error: this.error,
			message: this.message
		};
	}
}

export const errors = {
	noSuchBucket: () =>
		new StorageError({
			statusCode: 404,
			code: 'NoSuchBucket',
			error: 'Bucket not found',
			message: 'Bucket not found'
		}),
	noSuchKey: () =>
		new StorageError({
			statusCode: 404,
			code: 'NoSuchKey',
			error: 'not_found',
			message: 'Object not found'
		}),
	/** @param {string} message */
	accessDenied: (message = 'Access denied') =>
		new StorageError({ statusCode: 403, code: 'AccessDenied', error: 'Unauthorized', message }),
	/** @param {string} message */
	roleDenied: (message) =>
		new StorageError({
			statusCode: 403,
			code: 'AccessDenied',
			error: 'Unauthorized',
			message,
			httpStatus: 403
		}),
	/** @param {string} message */
	invalidJwt: (message) =>
		new StorageError({ statusCode: 403, code: 'AccessDenied', error: 'Unauthorized', message }),
	alreadyExists: () =>
		new StorageError({
			statusCode: 409,
			code: 'ResourceAlreadyExists',
			error: 'Duplicate',
			message: 'The resource already exists'
		}),
	bucketNotEmpty: () =>
		new StorageError({
			statusCode: 409,
			code: 'ResourceNotEmpty',
			message: 'The bucket you tried to delete is not empty'
		}),
	/** @param {string} mimeType */
	invalidMimeType: (mimeType) =>
		new StorageError({
			statusCode: 415,
			code: 'InvalidMimeType',
			error: 'invalid_mime_type',
			message: `mime type ${mimeType} is not supported`
		}),
	entityTooLarge: () =>
		new StorageError({
			statusCode: 413,
			code: 'EntityTooLarge',
			error: 'Payload too large',
			message: 'The object exceeded the maximum allowed size'
		}),
	/** @param {string} key */
	invalidKey: (key) =>
		new StorageError({ statusCode: 400, code: 'InvalidKey', message: `Invalid key: ${key}` }),
	/** @param {string} parameter */
	missingParameter: (parameter) =>
		new StorageError({
			statusCode: 400,
			code: 'MissingParameter',
			message: `Missing Required Parameter ${parameter}`
		}),
	/** @param {string} message */
	invalidRequest: (message) =>
		new StorageError({ statusCode: 400, code: 'InvalidRequest', message }),
	noContent: () =>
		new StorageError({
			statusCode: 400,
			code: 'InvalidRequest',
			message: 'No content provided'
		}),
	notFound: () =>
		new StorageError({
			statusCode: 404,
			code: 'NotFound',
			error: 'Not Found',
			message: 'Route not found'
		}),
	internal: () =>
		new StorageError({
			statusCode: 500,
			code: 'InternalError',
			error: 'Internal',
			message: 'Internal Server Error'
		})
};

/**
 * A Postgres error as storage reports it: RLS refusals are AccessDenied, duplicates ResourceAlreadyExists.
 * @param {unknown} error
 */
export function fromDatabaseError(error) {
	const pgError = /** @type {{ code?: string, message?: string }} */ (error);
	if (pgError?.code === '42501') {
		return errors.accessDenied(
			pgError.message?.includes('row-level security')
				? 'new row violates row-level security policy'
				: pgError.message
		);
	}
	if (pgError?.code === '23505') return errors.alreadyExists();
	if (pgError?.code === '23503') return errors.noSuchBucket();
	return undefined;
}
