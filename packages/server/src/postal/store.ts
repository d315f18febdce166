/** SQL of postal shipments: every query filters by agency_id (docs/distribution.md). */
import type { PostalCarrier, PostalDirection } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

export interface PostalShipmentRow {
  direction: PostalDirection;
  carrier: PostalCarrier;
  tracking_number: string;
  recorded_at: Date;
}

/** Records (or corrects) the shipment of one direction of a dossier. */
export async function upsertPostalShipment(
  db: Queryable,
  s: {
    agencyId: string;
    dossierId: string;
    direction: PostalDirection;
    carrier: PostalCarrier;
    trackingNumber: string;
    userId: string;
    at: Date;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO postal_shipment (agency_id, dossier_id, direction, carrier, tracking_number, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (agency_id, dossier_id, direction)
     DO UPDATE SET carrier = EXCLUDED.carrier, tracking_number = EXCLUDED.tracking_number,
                   recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [s.agencyId, s.dossierId, s.direction, s.carrier, s.trackingNumber, s.userId, s.at],
  );
}

export function postalShipmentsOf(db: Queryable, agencyId: string, dossierId: string) {
  return db.query<PostalShipmentRow>(
    `SELECT direction, carrier, tracking_number, recorded_at FROM postal_shipment
      WHERE agency_id = $1 AND dossier_id = $2 ORDER BY direction`,
    [agencyId, dossierId],
  );
}
