import { z } from 'zod';
import { ErrorCode, type FieldError } from '../errors.js';
import { RequestId } from './wire-primitives.js';

/** Most field errors one error frame carries; the message says how many more there were. */
export const MAX_ERROR_DETAILS = 100;

const MAX_ERROR_MESSAGE = 2000;

const FieldErrorSchema = z.object({ path: z.string().max(500), message: z.string().max(1000) });

const codes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** `error`: either side reports a failure, tied to a request when it answers one. */
export const ErrorMessage = z.object({
  type: z.literal('error'),
  // A code added by a newer peer reads as `internal` rather than making the whole frame invalid,
  // which would leave the request it answers hanging.
  code: z.enum(codes).catch(ErrorCode.internal),
  message: z.string().max(MAX_ERROR_MESSAGE),
  requestId: RequestId.optional(),
  details: z.array(FieldErrorSchema).max(MAX_ERROR_DETAILS).optional(),
});
/** `error`: either side reports a failure. */
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** A failure that is about to become an `error` frame. */
export interface WireError {
  code: ErrorCode;
  message: string;
  details?: FieldError[];
  requestId?: string;
}

/** Builds the `error` frame for a failure, trimmed to what the schema allows so it always sends. */
export function toErrorMessage(error: WireError): ErrorMessage {
  const frame: ErrorMessage = {
    type: 'error',
    code: error.code,
    message: truncate(error.message, MAX_ERROR_MESSAGE),
  };
  if (error.requestId !== undefined) frame.requestId = error.requestId;
  if (error.details !== undefined) {
    frame.details = error.details
      .slice(0, MAX_ERROR_DETAILS)
      .map((d) => ({ path: truncate(d.path, 500), message: truncate(d.message, 1000) }));
  }
  return frame;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
