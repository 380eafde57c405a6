/** Line colours of the per-type chart, shared by the chart (lazy) and its legend (eager). */
export const TYPE_COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4b5563'];
