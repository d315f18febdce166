import type { UnitKind } from './roles.ts';

/** Which kinds of unit may sit directly under which (null = the top of the tree). */
export const ALLOWED_CHILD_KINDS: Record<UnitKind | 'root', readonly UnitKind[]> = {
  root: ['province'],
  province: ['agency', 'service_centre', 'public_service_unit'],
  agency: ['department', 'service_centre', 'public_service_unit'],
  department: ['department'],
  service_centre: ['department'],
  public_service_unit: ['department'],
};

export function mayContain(parent: UnitKind | null, child: UnitKind): boolean {
  return ALLOWED_CHILD_KINDS[parent ?? 'root'].includes(child);
}

/** A unit is active on `date` (YYYY-MM-DD) when it has started and not yet ended. */
export function isActiveOn(
  unit: { effectiveFrom: string; effectiveTo: string | null },
  date: string,
): boolean {
  return unit.effectiveFrom <= date && (unit.effectiveTo === null || unit.effectiveTo >= date);
}
