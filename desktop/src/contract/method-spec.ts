import type { z } from 'zod';

/** One method: what it does, its input and output schemas, and its REST route. */
export interface MethodSpec {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  http: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string };
}

/** Declares one method, keeping its schemas' exact types for the typed API. */
export function method<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  http: MethodSpec['http'],
  input: I,
  output: O,
): { summary: string; http: MethodSpec['http']; input: I; output: O } {
  return { summary, http, input, output };
}
