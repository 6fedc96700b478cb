import type { ErrorMessage } from '@vantage/shared';
import { type ApiError, apiError, DesktopErrorCode } from '../../contract/index.js';

/** `relayUnavailable`: the relay is not connected, went away or did not answer in time. */
export function relayUnavailable(message: string): ApiError {
  return apiError(DesktopErrorCode.relayUnavailable, message);
}

/** The relay's `error` frame as the API's error, its code and field details kept. */
export function fromRelayError(frame: ErrorMessage): ApiError {
  const error: ApiError = { code: frame.code, message: frame.message };
  if (frame.details !== undefined && frame.details.length > 0) error.fields = frame.details;
  return error;
}

/** An error thrown by a store write, as the API reports it. */
export function storageError(error: unknown): ApiError {
  return apiError(
    DesktopErrorCode.storage,
    `the local database could not be written: ${(error as Error).message}`,
  );
}
