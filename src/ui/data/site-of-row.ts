// The full name of the site a Sites row stands for. A row shows the file's base name unless full
// paths are on, so the row is asked for again with its full path; where the order depends on the
// paths (a sort by file), the rows of its function are searched instead.

import type { Row, SiteName } from '../../engine/types.ts';
import { basename } from '../../shared/names.ts';
import type { RowQuery, RowSource } from './row-source.ts';

/** How many rows of the function to search when the row moved. */
const SEARCH_ROWS = 2000;

function siteOf(row: Row): SiteName | null {
  if (typeof row.file !== 'string' || typeof row.line !== 'number' || typeof row.function !== 'string') return null;
  return { file: row.file, line: row.line, function: row.function };
}

function sameSite(full: SiteName, shown: SiteName): boolean {
  return full.line === shown.line && full.function === shown.function && basename(full.file) === basename(shown.file);
}

export async function fullSiteOfRow(
  source: RowSource,
  query: RowQuery,
  index: number,
  row: Row,
): Promise<SiteName | null> {
  const shown = siteOf(row);
  if (!shown || query.fullPath) return shown;
  const full = { ...query, fullPath: true };
  const again = (await source.rows(full, index, 1)).rows[0];
  const site = again && siteOf(again);
  if (site && sameSite(site, shown)) return site;
  const rows = (await source.rows({ ...full, filter: { ...query.filter, text: shown.function } }, 0, SEARCH_ROWS)).rows;
  for (const r of rows) {
    const s = siteOf(r);
    if (s && sameSite(s, shown)) return s;
  }
  return null;
}
