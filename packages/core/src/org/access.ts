import type { ActorRole } from '../dossier/actions.ts';
import type { Role, UnitKind } from './roles.ts';
import { isActiveOn } from './units.ts';

/**
 * Who may see a dossier. Its data (the applicant's identity, forms, documents) is for the roles
 * that work on it, held on a unit the dossier concerns or above; for its applicant; and for the
 * read access an agency grants explicitly (an inspector role held on a unit). An administrator or
 * an appraiser sees nothing of a dossier by that role alone.
 */
export const DOSSIER_WORKING_ROLES: readonly Role[] = [
  'counter_officer',
  'specialist',
  'head_of_unit',
  'leader',
];

/** Roles that read the dossiers of their units and may change nothing. */
export const DOSSIER_READING_ROLES: readonly Role[] = ['inspector'];

export interface RoleGrantRef {
  role: Role;
  unitId: string;
}

export interface DossierAccess {
  /** The capacities in which the user may act on the dossier (the transition table decides what). */
  roles: ActorRole[];
  /** True when the user may see the dossier at all. */
  read: boolean;
  /** True when the user sees it as staff (personal-data reads are then recorded). */
  staff: boolean;
}

/**
 * The user's access to one dossier. `unitsConcerned` holds the dossier's competent agency, its
 * receiving unit and its current unit, each with every unit above it.
 */
export function dossierAccess(
  user: { id: string | null; grants: readonly RoleGrantRef[] },
  dossier: { unitsConcerned: ReadonlySet<string>; applicantUserId: string | null },
): DossierAccess {
  if (user.id === null) return { roles: ['system'], read: true, staff: false };
  const roles = new Set<ActorRole>();
  let reads = false;
  for (const g of user.grants) {
    if (g.role === 'citizen') {
      if (dossier.applicantUserId === user.id) roles.add('citizen');
    } else if (dossier.unitsConcerned.has(g.unitId)) {
      if (DOSSIER_WORKING_ROLES.includes(g.role)) roles.add(g.role);
      else if (DOSSIER_READING_ROLES.includes(g.role)) reads = true;
    }
  }
  const staff = reads || [...roles].some((r) => r !== 'citizen');
  return { roles: [...roles], read: reads || roles.size > 0, staff };
}

/**
 * A signed-in citizen's access to a dossier: their own in the applicant's capacity (they are its
 * applicant account, or their verified identity number's HMAC is its applicant identity number's,
 * as at the counter), and nothing of anyone else's. The HMACs are the server's; core only compares.
 */
export function citizenDossierAccess(
  citizen: string | { id: string; idHmac?: string | null | undefined },
  dossier: { applicantCitizenId: string | null; applicantIdHmac?: string | null | undefined },
): DossierAccess {
  const { id, idHmac } = typeof citizen === 'string' ? { id: citizen, idHmac: null } : citizen;
  const own = dossier.applicantCitizenId === id || (!!idHmac && idHmac === (dossier.applicantIdHmac ?? null));
  return { roles: own ? ['citizen'] : [], read: own, staff: false };
}

/** The units whose dossiers make up the user's queue (each grant covers the units below it). */
export function dossierQueueUnits(grants: readonly RoleGrantRef[]): string[] {
  return grants
    .filter((g) => DOSSIER_WORKING_ROLES.includes(g.role) || DOSSIER_READING_ROLES.includes(g.role))
    .map((g) => g.unitId);
}

/** Kinds of unit that run a one-stop desk (Bộ phận Một cửa) and so may receive dossiers. */
export const RECEIVING_UNIT_KINDS: readonly UnitKind[] = ['service_centre', 'agency'];

/**
 * Whether a report of an agency may be narrowed to a unit: one of the agency's own units, or a
 * public service centre (Trung tâm Phục vụ hành chính công) outside it, where its dossiers are
 * received for it (seed 002 reports the agency's dossiers "tại Trung tâm Phục vụ hành chính công"
 * apart from those of its own units). Another agency is never a unit of the report.
 */
export function reportsByUnit(unit: { kind: UnitKind; agencyId: string | null }, agencyId: string): boolean {
  return unit.agencyId === agencyId || unit.kind === 'service_centre';
}

export type ReceivingRefusal = 'unit_not_receiving' | 'unit_closed';

/** Why a unit cannot receive a dossier on `date` (YYYY-MM-DD), or null when it can. */
export function receivingRefusal(
  unit: { kind: UnitKind; effectiveFrom: string; effectiveTo: string | null },
  date: string,
): ReceivingRefusal | null {
  if (!RECEIVING_UNIT_KINDS.includes(unit.kind)) return 'unit_not_receiving';
  if (!isActiveOn(unit, date)) return 'unit_closed';
  return null;
}
