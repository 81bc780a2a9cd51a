/** A day in Việt Nam (UTC+7, no summer time) some days before today: a dossier is never filed in the future. */
export const vnDay = (daysAgo: number): string =>
  new Date(Date.now() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
