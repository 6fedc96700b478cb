import { z } from 'zod';
import { apiBaseUrl, channelCommonFields } from '../channel-fields.js';

/** An ntfy topic on ntfy.sh or a self-hosted server, with optional access token or user. */
export const NtfyChannelConfig = z
  .object({
    kind: z.literal('ntfy'),
    ...channelCommonFields,
    server: apiBaseUrl('https://ntfy.sh'),
    // On a public server the topic name is the only thing keeping others out, so it is a secret.
    topic: z
      .string()
      .trim()
      .regex(/^[-_A-Za-z0-9]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"'),
    token: z.string().trim().min(1).max(200).optional(),
    username: z.string().min(1).max(200).optional(),
    password: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.token !== undefined && config.username !== undefined)
      ctx.addIssue({ code: 'custom', path: ['token'], message: 'set either an access token or a username' });
    if ((config.username === undefined) !== (config.password === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [config.username === undefined ? 'username' : 'password'],
        message: 'username and password go together',
      });
  });
/** An ntfy topic. */
export type NtfyChannelConfig = z.infer<typeof NtfyChannelConfig>;
