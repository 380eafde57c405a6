// How the store packs an event's type and whether it is a DEL into one word of its typeKind column.
// Code outside the store decodes it with these, never by its bits.

export function typeKindOf(typeId: number, isDel: boolean): number {
  return (typeId << 1) | (isDel ? 1 : 0);
}

export function typeIdOf(typeKind: number): number {
  return typeKind >>> 1;
}

export function isDelOf(typeKind: number): boolean {
  return (typeKind & 1) === 1;
}

/** +1 for a NEW, -1 for a DEL: the change it makes to its type's live count. */
export function liveDeltaOf(typeKind: number): number {
  return 1 - ((typeKind & 1) << 1);
}
