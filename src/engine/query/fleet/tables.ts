// The tables one log is exported as, in the order they are written.

import type { LogStore } from '../../store/log-store.ts';
import { eventsTable, liveTable } from './event-rows.ts';
import { pairsTable } from './pair-rows.ts';
import type { FleetTable } from './schema.ts';

export function fleetTables(s: LogStore): FleetTable[] {
  return [eventsTable(s), liveTable(s), pairsTable(s)];
}
