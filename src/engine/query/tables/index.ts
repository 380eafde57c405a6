// The tables the viewer and CLI show, each as columns over row ids: a numeric sort key and a
// display value per column, and a row filter. Rows are never materialised beyond one window.

import type { LogStore } from '../../store/log-store.ts';
import type { TableId } from '../../types.ts';
import type { Derived } from '../derived.ts';
import type { TableDef } from './columns.ts';
import { countTable } from './count-tables.ts';
import { eventTable } from './event-tables.ts';
import { noteTable } from './note-tables.ts';
import type { ViewContext } from './view-context.ts';

export type { ColumnDef, TableDef } from './columns.ts';

export function tableDef(id: TableId, s: LogStore, d: Derived, v: ViewContext, fullPath: boolean): TableDef {
  const def = eventTable(id, s, d, v, fullPath) ?? countTable(id, s, d, v, fullPath) ?? noteTable(id, s, d);
  if (!def) throw new Error(`unknown table ${id}`);
  return def;
}
