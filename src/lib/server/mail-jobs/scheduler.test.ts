import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailJobs } from './scheduler.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

function jobs(overrides: Partial<Parameters<typeof createMailJobs>[0]> = {}) {
	const calls = { digest: 0, purge: 0 };
	const log = vi.fn();
	const mailJobs = createMailJobs({
		sendDigests: async () => {
			calls.digest += 1;
			return { failed: 0 };
		},
		// The next digest: Monday 7 December 08:00 in Brussels.
		nextDigestAt: async () => new Date('2026-12-07T07:00:00Z'),
		purge: async () => {
			calls.purge += 1;
		},
		log,
		...overrides
	});
	return { mailJobs, calls, log };
}

describe('createMailJobs', () => {
	it('sends due digests and purges at start, then purges daily', async () => {
		const { mailJobs, calls } = jobs();
		mailJobs.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toEqual({ digest: 1, purge: 1 });
		await vi.advanceTimersByTimeAsync(24 * HOUR);
		expect(calls.purge).toBe(2);
		await mailJobs.stop();
	});

	it('writes and mails event reminders at start, then hourly, and goes on after a failure', async () => {
		let reminders = 0;
		const { mailJobs, log } = jobs({
			remind: async () => {
				reminders += 1;
				if (reminders === 2) throw new Error('database away');
			}
		});
		mailJobs.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(reminders).toBe(1);
		await vi.advanceTimersByTimeAsync(HOUR - 1);
		expect(reminders).toBe(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(reminders).toBe(2);
		expect(log).toHaveBeenCalledWith('event reminders: database away');
		await vi.advanceTimersByTimeAsync(HOUR);
		expect(reminders).toBe(3);
		await mailJobs.stop();
	});

	it('asks again at least every 6 hours, and a second after the next digest is due', async () => {
		const { mailJobs, calls } = jobs();
		mailJobs.start();
		await vi.advanceTimersByTimeAsync(6 * HOUR - 1);
		expect(calls.digest).toBe(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(calls.digest).toBe(2);
		// Tuesday 12:00 + 138 h is Monday 06:00 UTC, the last 6-hour wait; then 1 h 1 s to 08:00:01 in Brussels.
		await vi.advanceTimersByTimeAsync(132 * HOUR);
		expect(calls.digest).toBe(24);
		await vi.advanceTimersByTimeAsync(HOUR);
		expect(calls.digest).toBe(24);
		await vi.advanceTimersByTimeAsync(1000);
		expect(calls.digest).toBe(25);
		await mailJobs.stop();
	});

	it('tries again after 15 minutes when a digest failed or the database was away', async () => {
		let attempt = 0;
		const { mailJobs, calls, log } = jobs({
			sendDigests: async () => {
				attempt += 1;
				calls.digest += 1;
				if (attempt === 1) throw new Error('database away');
				return { failed: attempt === 2 ? 1 : 0 };
			}
		});
		mailJobs.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(log).toHaveBeenCalledWith('weekly digest: database away; trying again in 15 min');
		await vi.advanceTimersByTimeAsync(15 * MINUTE);
		expect(calls.digest).toBe(2);
		await vi.advanceTimersByTimeAsync(15 * MINUTE);
		expect(calls.digest).toBe(3);
		await mailJobs.stop();
	});

	it('runs nothing more once stopped, and waits for the job in hand', async () => {
		let finish!: () => void;
		const { mailJobs, calls } = jobs({
			purge: () => new Promise<void>((resolve) => (finish = resolve))
		});
		mailJobs.start();
		await vi.advanceTimersByTimeAsync(0);
		let stopped = false;
		const stopping = mailJobs.stop().then(() => (stopped = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(stopped).toBe(false);
		finish();
		await stopping;
		await vi.advanceTimersByTimeAsync(7 * 24 * HOUR);
		expect(calls.digest).toBe(1);
	});
});
