// The store's own tables without an engine around them, for tests of the table queries themselves.

import type { LogStore } from '../../src/engine/store/log-store.ts';
import { TableQueries } from '../../src/engine/query/table-query.ts';

export function tablesOf(store: LogStore): TableQueries {
  return new TableQueries(store, { stamp: () => store.stamp, rowTable: () => null });
}
