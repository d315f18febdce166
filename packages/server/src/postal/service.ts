/** The postal channel's use cases: record a shipment (counter officers of the dossier), read them. */
import {
  CARRIER_RULES,
  type Locale,
  normaliseTrackingNumber,
  POSTAL_DIRECTION_RULES,
  type PostalDirection,
  type PostalShipment,
  type PostalShipmentInput,
  type PostalShipments,
  trackingNumberProblem,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { actorOf } from '../dossiers/routes.ts';
import { accessToDossier } from '../dossiers/service.ts';
import { type DossierRecord, loadDossier } from '../dossiers/store.ts';
import { Problem } from '../http/problem.ts';
import { type PostalShipmentRow, postalShipmentsOf, upsertPostalShipment } from './store.ts';

const view = (r: PostalShipmentRow, locale: Locale): PostalShipment => ({
  direction: r.direction,
  carrier: r.carrier,
  carrierName: CARRIER_RULES[r.carrier].name[locale],
  trackingNumber: r.tracking_number,
  recordedAt: r.recorded_at.toISOString(),
});

async function shipments(db: Queryable, d: DossierRecord, locale: Locale): Promise<PostalShipments> {
  const rows = await postalShipmentsOf(db, d.agencyId, d.id);
  const of = (direction: PostalDirection) => {
    const r = rows.find((x) => x.direction === direction);
    return r ? view(r, locale) : null;
  };
  return { receipt: of('receipt'), return: of('return') };
}

/** A dossier the user may see, else 404 (its existence is not disclosed to another agency). */
async function visibleDossier(ctx: AppContext, session: Session, id: string) {
  const dossier = await loadDossier(ctx.db, id);
  if (!dossier) throw new Problem(404, 'dossier_not_found');
  const access = await accessToDossier(ctx.db, actorOf(session), {
    ...dossier,
    applicantUserId: dossier.snapshot.applicantId,
  });
  if (!access.read) throw new Problem(404, 'dossier_not_found');
  return { dossier, access };
}

export async function readPostalShipments(ctx: AppContext, session: Session, id: string, locale: Locale) {
  const { dossier } = await visibleDossier(ctx, session, id);
  return shipments(ctx.db, dossier, locale);
}

/** Records the carrier and tracking number of a dossier's receipt or return by post. */
export async function recordPostalShipment(
  ctx: AppContext,
  session: Session,
  id: string,
  direction: PostalDirection,
  input: PostalShipmentInput,
  locale: Locale,
): Promise<PostalShipments> {
  const { dossier, access } = await visibleDossier(ctx, session, id);
  if (!access.roles.includes('counter_officer')) throw new Problem(403, 'forbidden');
  if (!POSTAL_DIRECTION_RULES[direction].allowed(dossier))
    throw new Problem(409, direction === 'receipt' ? 'postal_not_post_dossier' : 'postal_return_too_early');
  const trackingNumber = normaliseTrackingNumber(input.trackingNumber);
  const wrong = trackingNumberProblem(input.carrier, trackingNumber);
  if (wrong)
    throw new Problem(422, 'validation_failed', { count: 1 }, [{ path: 'trackingNumber', message: wrong }]);
  await upsertPostalShipment(ctx.db, {
    agencyId: dossier.agencyId,
    dossierId: dossier.id,
    direction,
    carrier: input.carrier,
    trackingNumber,
    userId: session.user.id,
    at: ctx.now(),
  });
  return shipments(ctx.db, dossier, locale);
}

/** The public lookup's view: carrier and number only. */
export async function publicPostalShipments(
  db: Queryable,
  agencyId: string,
  dossierId: string,
  locale: Locale,
) {
  return publicShipments(await postalShipmentsOf(db, agencyId, dossierId), locale);
}

/** What the public reads of a dossier's shipments: direction, carrier and tracking number. */
export function publicShipments(rows: readonly PostalShipmentRow[], locale: Locale) {
  return rows.map((r) => {
    const v = view(r, locale);
    return { direction: v.direction, carrierName: v.carrierName, trackingNumber: v.trackingNumber };
  });
}
