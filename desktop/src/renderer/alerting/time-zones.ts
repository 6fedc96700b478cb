/** The IANA time zones this runtime knows, for pickers; this computer's own zone first. */
export function timeZoneChoices(): { local: string; all: string[] } {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return { local, all: ['UTC', ...all.filter((zone) => zone !== 'UTC')] };
}
