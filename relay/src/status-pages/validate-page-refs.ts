import type { FieldError, StatusPageConfig } from '@vantage/shared';

/** What a page design may refer to. */
export interface PageRefLookups {
  monitorExists(monitorId: string): boolean;
  /** The slug of the page that serves a custom domain, if any. */
  domainOwner(domain: string): string | undefined;
  /** The kind of an alert channel, or undefined when there is none with that id. */
  channelKind(channelId: string): string | undefined;
}

/**
 * Checks what the schema cannot: every listed monitor exists on the relay, the custom domain is
 * not another page's, and the subscriber channel is an email channel. One entry per bad field path.
 */
export function validatePageRefs(config: StatusPageConfig, refs: PageRefLookups): FieldError[] {
  const problems: FieldError[] = [];
  config.sections.forEach((section, s) =>
    section.monitors.forEach((monitor, m) => {
      if (!refs.monitorExists(monitor.monitorId))
        problems.push({
          path: `sections.${s}.monitors.${m}.monitorId`,
          message: `no monitor with id "${monitor.monitorId}" on this relay`,
        });
    }),
  );
  if (config.customDomain !== undefined) {
    const owner = refs.domainOwner(config.customDomain);
    if (owner !== undefined && owner !== config.slug)
      problems.push({ path: 'customDomain', message: `is already used by the page "${owner}"` });
  }
  if (config.subscriberEmailChannelId !== undefined) {
    const kind = refs.channelKind(config.subscriberEmailChannelId);
    if (kind !== 'email')
      problems.push({
        path: 'subscriberEmailChannelId',
        message:
          kind === undefined
            ? `no alert channel with id "${config.subscriberEmailChannelId}"`
            : `must name an email channel (this one is ${kind})`,
      });
  }
  return problems;
}
