import { z } from 'zod';
import { ApiError } from './api-error.js';
import { ApiEvent } from './api-events.js';

// Frames of web mode's WebSocket (`/api/ws`): the renderer calls methods by name and receives
// their results under the call's id, and every live event, on one socket.

/** Largest frame the web server accepts from a renderer (an imported configuration is the big one). */
export const WEB_FRAME_MAX_BYTES = 64 * 1024 * 1024;

/** Renderer → core: call `method` with `input`; answered by a `result` frame with the same `id`. */
export const CallFrame = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  input: z.unknown().optional(),
});
/** Renderer → core: call a method. */
export type CallFrame = z.infer<typeof CallFrame>;

/** Core → renderer: the outcome of the call with `id`. */
export const ResultFrame = z.object({
  type: z.literal('result'),
  id: z.number().int().nonnegative(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]),
});
/** Core → renderer: the outcome of a call. */
export type ResultFrame = z.infer<typeof ResultFrame>;

/** Core → renderer: a live event. */
export const EventFrame = z.object({ type: z.literal('event'), event: ApiEvent });
/** Core → renderer: a live event. */
export type EventFrame = z.infer<typeof EventFrame>;

/** Core → renderer: a frame that was not a valid call (no id to answer under); the socket stays open. */
export const FrameErrorFrame = z.object({ type: z.literal('frame.error'), error: ApiError });
/** Core → renderer: a frame that was not a valid call. */
export type FrameErrorFrame = z.infer<typeof FrameErrorFrame>;

/** Every frame the core sends. */
export const ServerFrame = z.discriminatedUnion('type', [ResultFrame, EventFrame, FrameErrorFrame]);
/** Every frame the core sends. */
export type ServerFrame = z.infer<typeof ServerFrame>;
