import { z } from 'zod';

/**
 * Correlates a request with its reply. Chosen by the requester and echoed verbatim, so it only
 * has to be unique among that connection's pending requests.
 */
export const RequestId = z.string().min(1).max(100);

/** A point in time as epoch milliseconds. */
export const EpochMs = z.number().int().nonnegative();

/** A revision of the relay's monitor set; it grows by one with every change. */
export const Revision = z.number().int().nonnegative();

/** A position in the relay's result log; entries are numbered from 1, so 0 is "before the first". */
export const LogCursor = z.number().int().nonnegative();

/** Incident ids are chosen by the evaluator; the wire only bounds them. */
export const IncidentId = z.string().min(1).max(200);

/** A version string of a Vantage program, e.g. `0.4.1`. */
export const SoftwareVersion = z.string().min(1).max(50);

/** A display name shown in the desktop and in logs. */
export const DisplayName = z.string().trim().min(1).max(100);
