import { z } from 'zod';
import { ROLES } from '../org/roles.ts';
import { instantSchema, itemsOf } from './common.ts';

/** Answers of the staff accounts administration. */

export const roleGrantSchema = z.strictObject({ role: z.enum(ROLES), unitId: z.uuid() });

export const adminUserSchema = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: instantSchema.nullable(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleGrantSchema),
  /** The administrator's unit that created the account (it manages a role-less account). */
  createdByUnitId: z.uuid().nullable(),
});
export const adminUserListSchema = itemsOf(adminUserSchema);

export type RoleGrant = z.infer<typeof roleGrantSchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
