import { describe, expect, it } from 'vitest';
import { composeEnvironments } from '../../scripts/test-auth-js.js';

const compose = `# docker-compose.yml
version: '3'
services:
  gotrue: # Signup enabled
    image: supabase/auth:v2.176.0
    ports:
      - '9999:9999'
    environment:
      GOTRUE_JWT_SECRET: '37c3'
      GOTRUE_JWT_EXP: 3600
      PORT: 9999
      GOTRUE_SMS_TWILIO_ACCOUNT_SID: '\${AUTH_JS_TEST_UNSET_VARIABLE}'
      GOTRUE_JWT_KEYS: '[{"kty":"oct","key_ops":["sign", "verify"]}]'
    depends_on:
      - db
  mail:
    image: phamhieu/inbucket:latest
    ports:
      - '2500:2500'
  db:
    image: supabase/postgres:15.8.1.100
    environment:
      POSTGRES_DB: postgres
`;

describe('composeEnvironments', () => {
	it('reads each auth service environment, unquoted, and skips services without a PORT', () => {
		const services = composeEnvironments(compose);
		expect([...services.keys()]).toEqual(['gotrue']);
		expect(services.get('gotrue')).toEqual({
			GOTRUE_JWT_SECRET: '37c3',
			GOTRUE_JWT_EXP: '3600',
			PORT: '9999',
			GOTRUE_SMS_TWILIO_ACCOUNT_SID: '',
			GOTRUE_JWT_KEYS: '[{"kty":"oct","key_ops":["sign", "verify"]}]'
		});
	});
});
