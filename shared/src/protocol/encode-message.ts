import type { WireMessageInput } from './messages.js';

/**
 * Serialises a frame. Pass the direction to have the compiler hold the sender to it, e.g.
 * `encodeMessage<RelayToProbeInput>(frame)`. The frame is not validated here: senders build frames
 * from typed values, and the receiver validates whatever arrives.
 */
export function encodeMessage<M extends WireMessageInput = WireMessageInput>(message: NoInfer<M>): string {
  return JSON.stringify(message);
}
